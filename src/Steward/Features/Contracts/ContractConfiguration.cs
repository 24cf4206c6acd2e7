using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steward.Features.Contracts;

internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> e)
    {
        e.Property(c => c.Name).HasMaxLength(200).IsRequired();
        e.Property(c => c.Reference).HasMaxLength(100);
        e.Property(c => c.Currency).HasMaxLength(3).IsRequired();
        e.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(c => c.RenewalRisk).HasConversion<string>().HasMaxLength(16);
        e.Property(c => c.RiskReason).HasMaxLength(2000);
        e.Property(c => c.ActionPlan).HasMaxLength(4000);
        e.Property(c => c.Notes).HasMaxLength(10_000);
        e.Property(c => c.Version).IsConcurrencyToken();
        e.Ignore(c => c.NoticeDeadline);
        // A handful of links per contract: a JSON column keeps them with their contract on both databases.
        e.OwnsMany(c => c.Documents, d =>
        {
            d.ToJson();
            d.Property(x => x.Title).HasMaxLength(200);
            d.Property(x => x.Url).HasMaxLength(1000);
        });

        e.HasOne(c => c.Account).WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(c => c.AccountId);
        e.HasIndex(c => new { c.Status, c.EndDate });
    }
}
