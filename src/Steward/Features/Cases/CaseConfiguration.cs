using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steward.Features.Cases;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> e)
    {
        e.ToTable("Cases");
        e.Property(c => c.Title).HasMaxLength(300).IsRequired();
        e.Property(c => c.Description).HasMaxLength(10_000);
        e.Property(c => c.Category).HasConversion<string>().HasMaxLength(24);
        e.Property(c => c.Severity).HasConversion<string>().HasMaxLength(16);
        e.Property(c => c.Status).HasConversion<string>().HasMaxLength(24);
        e.Property(c => c.EscalationLevel).HasConversion<string>().HasMaxLength(24);
        e.Property(c => c.Resolution).HasMaxLength(4000);
        e.Property(c => c.RootCause).HasMaxLength(2000);
        e.Property(c => c.OwnerId).IsRequired();
        e.Property(c => c.Version).IsConcurrencyToken();
        e.Ignore(c => c.IsOpen);

        e.HasOne(c => c.Account).WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(c => c.Owner).WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(c => c.LevelHolder).WithMany().HasForeignKey(c => c.LevelHolderId).OnDelete(DeleteBehavior.Restrict);

        e.HasIndex(c => new { c.AccountId, c.Status });
        e.HasIndex(c => new { c.Status, c.LevelDueAt });
        e.HasIndex(c => new { c.OwnerId, c.Status });
        e.HasIndex(c => new { c.LevelHolderId, c.Status });
    }
}

internal sealed class CaseEscalationConfiguration : IEntityTypeConfiguration<CaseEscalation>
{
    public void Configure(EntityTypeBuilder<CaseEscalation> e)
    {
        e.Property(x => x.Level).HasConversion<string>().HasMaxLength(24);
        e.Property(x => x.Reason).HasMaxLength(1000);
        e.HasOne(x => x.Case).WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Assignee).WithMany().HasForeignKey(x => x.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.CaseId, x.StartedAt });
    }
}
