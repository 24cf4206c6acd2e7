using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steward.Features.Contacts;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> e)
    {
        e.Property(c => c.FirstName).HasMaxLength(100).IsRequired();
        e.Property(c => c.LastName).HasMaxLength(100).IsRequired();
        e.Property(c => c.Title).HasMaxLength(150);
        e.Property(c => c.Department).HasMaxLength(100);
        e.Property(c => c.Email).HasMaxLength(254);
        e.Property(c => c.NormalizedEmail).HasMaxLength(254);
        e.Property(c => c.Phone).HasMaxLength(50);
        e.Property(c => c.ExternalId).HasMaxLength(100);
        e.Property(c => c.Notes).HasMaxLength(10_000);
        e.Property(c => c.Version).IsConcurrencyToken();
        e.Ignore(c => c.FullName);

        e.HasOne(c => c.Account).WithMany(a => a.Contacts).HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(c => c.ReportsTo).WithMany().HasForeignKey(c => c.ReportsToId).OnDelete(DeleteBehavior.SetNull);

        e.HasIndex(c => c.AccountId);
        e.HasIndex(c => c.NormalizedEmail);
        e.HasIndex(c => c.ExternalId).IsUnique();
        e.HasIndex(c => new { c.LastName, c.FirstName });
    }
}
