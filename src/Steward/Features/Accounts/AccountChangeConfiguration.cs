using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steward.Features.Accounts;

internal sealed class AccountChangeConfiguration : IEntityTypeConfiguration<AccountChange>
{
    public void Configure(EntityTypeBuilder<AccountChange> e)
    {
        e.ToTable("AccountChanges");
        e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(24);
        e.Property(c => c.From).HasMaxLength(200);
        e.Property(c => c.To).HasMaxLength(200);
        e.Property(c => c.Reason).HasMaxLength(2000);
        e.HasOne(c => c.Account).WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(c => new { c.AccountId, c.At });
    }
}
