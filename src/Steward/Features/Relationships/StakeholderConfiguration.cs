using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steward.Features.Relationships;

internal sealed class StakeholderConfiguration : IEntityTypeConfiguration<Stakeholder>
{
    public void Configure(EntityTypeBuilder<Stakeholder> e)
    {
        e.ToTable("Stakeholders");
        e.HasKey(s => s.ContactId);
        e.Property(s => s.ContactId).ValueGeneratedNever();
        e.Property(s => s.Role).HasConversion<string>().HasMaxLength(24);
        e.Property(s => s.Attitude).HasConversion<string>().HasMaxLength(16);
        e.Property(s => s.TargetStrength).HasConversion<string>().HasMaxLength(16);
        e.Property(s => s.PlanNotes).HasMaxLength(2000);
        e.Property(s => s.Version).IsConcurrencyToken();
        e.Ignore(s => s.HasPlan);

        e.HasOne(s => s.Contact).WithOne().HasForeignKey<Stakeholder>(s => s.ContactId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Steward.Features.Accounts.Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(s => s.PlanOwner).WithMany().HasForeignKey(s => s.PlanOwnerId).OnDelete(DeleteBehavior.Restrict);

        e.HasIndex(s => new { s.AccountId, s.Role });
        e.HasIndex(s => s.TouchDueAt);
    }
}
