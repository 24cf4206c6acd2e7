using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steward.Features.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.ToTable("Notifications");
        e.Property(n => n.Title).HasMaxLength(300).IsRequired();
        e.Property(n => n.Body).HasMaxLength(4000);
        e.Property(n => n.Link).HasMaxLength(500);
        e.HasOne(n => n.User).WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(n => new { n.UserId, n.ReadAt, n.CreatedAt });
    }
}
