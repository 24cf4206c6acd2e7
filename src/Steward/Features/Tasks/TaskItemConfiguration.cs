using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steward.Features.Tasks;

internal sealed class TaskItemConfiguration : IEntityTypeConfiguration<TaskItem>
{
    public void Configure(EntityTypeBuilder<TaskItem> e)
    {
        e.ToTable("Tasks");
        e.Property(t => t.Title).HasMaxLength(300).IsRequired();
        e.Property(t => t.Description).HasMaxLength(10_000);
        e.Property(t => t.Priority).HasConversion<string>().HasMaxLength(16);
        e.Property(t => t.State).HasConversion<string>().HasMaxLength(16);
        e.Property(t => t.SourceKind).HasMaxLength(40);
        e.Property(t => t.SourceId).HasMaxLength(100);
        e.Property(t => t.Version).IsConcurrencyToken();
        e.HasOne(t => t.Account).WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(t => t.Contact).WithMany().HasForeignKey(t => t.ContactId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(t => t.Assignee).WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(t => new { t.AssigneeId, t.State, t.DueDate });
        e.HasIndex(t => new { t.AccountId, t.State });
        e.HasIndex(t => new { t.SourceKind, t.SourceId });
    }
}
