using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steward.Features.Relationships;

internal sealed class RelationshipConfiguration : IEntityTypeConfiguration<Relationship>
{
    public void Configure(EntityTypeBuilder<Relationship> e)
    {
        e.ToTable("Relationships");
        e.Property(r => r.UserId).IsRequired();
        e.Property(r => r.Strength).HasConversion<string>().HasMaxLength(16);
        e.Property(r => r.Notes).HasMaxLength(2000);
        e.Property(r => r.Version).IsConcurrencyToken();

        e.HasOne(r => r.Contact).WithMany().HasForeignKey(r => r.ContactId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Steward.Features.Accounts.Account>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(r => r.User).WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);

        e.HasIndex(r => new { r.ContactId, r.UserId }).IsUnique();
        e.HasIndex(r => new { r.AccountId, r.Strength });
        e.HasIndex(r => r.UserId);
    }
}
