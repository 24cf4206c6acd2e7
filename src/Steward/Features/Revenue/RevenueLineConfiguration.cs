using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steward.Features.Revenue;

internal sealed class RevenueLineConfiguration : IEntityTypeConfiguration<RevenueLine>
{
    public void Configure(EntityTypeBuilder<RevenueLine> e)
    {
        e.Property(r => r.Currency).HasMaxLength(3).IsRequired();
        e.Property(r => r.Product).HasMaxLength(150);
        e.Property(r => r.Margin).HasPrecision(9, 4);
        e.HasOne(r => r.Account).WithMany(a => a.RevenueLines).HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
        e.Property(r => r.ProductKey).HasMaxLength(150).IsRequired();
        e.HasIndex(r => new { r.AccountId, r.Period, r.ProductKey }).IsUnique();
        e.HasIndex(r => r.Period);
    }
}
