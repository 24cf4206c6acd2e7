using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steward.Features.Playbooks;

internal sealed class PlaybookTemplateConfiguration : IEntityTypeConfiguration<PlaybookTemplate>
{
    public void Configure(EntityTypeBuilder<PlaybookTemplate> e)
    {
        e.ToTable("PlaybookTemplates");
        e.Property(t => t.Key).HasMaxLength(60).IsRequired();
        e.Property(t => t.Name).HasMaxLength(150).IsRequired();
        e.Property(t => t.Description).HasMaxLength(4000);
        e.Property(t => t.Version).IsConcurrencyToken();
        e.HasIndex(t => t.Key).IsUnique();
        e.HasMany(t => t.Versions).WithOne(v => v.Template).HasForeignKey(v => v.TemplateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlaybookTemplateVersionConfiguration : IEntityTypeConfiguration<PlaybookTemplateVersion>
{
    public void Configure(EntityTypeBuilder<PlaybookTemplateVersion> e)
    {
        e.ToTable("PlaybookTemplateVersions");
        e.HasIndex(v => new { v.TemplateId, v.Number }).IsUnique();
    }
}

internal sealed class PlaybookRunConfiguration : IEntityTypeConfiguration<PlaybookRun>
{
    public void Configure(EntityTypeBuilder<PlaybookRun> e)
    {
        e.ToTable("PlaybookRuns");
        e.Property(r => r.Name).HasMaxLength(150).IsRequired();
        e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(r => r.Version).IsConcurrencyToken();
        e.HasOne(r => r.Account).WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(r => r.TemplateVersion).WithMany().HasForeignKey(r => r.TemplateVersionId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(r => r.Steps).WithOne(s => s.Run).HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(r => new { r.AccountId, r.Status });
        e.HasIndex(r => new { r.Status, r.StartedOn });
    }
}

internal sealed class PlaybookRunStepConfiguration : IEntityTypeConfiguration<PlaybookRunStep>
{
    public void Configure(EntityTypeBuilder<PlaybookRunStep> e)
    {
        e.ToTable("PlaybookRunSteps");
        e.Property(s => s.Key).HasMaxLength(60).IsRequired();
        e.Property(s => s.Title).HasMaxLength(200).IsRequired();
        e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(s => s.Status).HasConversion<string>().HasMaxLength(24);
        e.Property(s => s.Comment).HasMaxLength(4000);
        e.Property(s => s.Version).IsConcurrencyToken();
        e.Ignore(s => s.IsFinished);
        e.HasOne(s => s.Assignee).WithMany().HasForeignKey(s => s.AssigneeId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(s => new { s.RunId, s.Position }).IsUnique();
        e.HasIndex(s => new { s.AssigneeId, s.Status, s.DueDate });
        e.HasIndex(s => new { s.ApproverId, s.Status });
    }
}
