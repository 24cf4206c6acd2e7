using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steward.Features.Opportunities;

internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> e)
    {
        e.Property(o => o.Name).HasMaxLength(200).IsRequired();
        e.Property(o => o.Type).HasConversion<string>().HasMaxLength(16);
        e.Property(o => o.ForecastCategory).HasConversion<string>().HasMaxLength(16);
        e.Property(o => o.Source).HasConversion<string>().HasMaxLength(24);
        e.Property(o => o.Currency).HasMaxLength(3).IsRequired();
        e.Property(o => o.LostReason).HasMaxLength(1000);
        e.Property(o => o.Description).HasMaxLength(10_000);
        e.Property(o => o.OwnerId).IsRequired();
        e.Property(o => o.Version).IsConcurrencyToken();

        e.HasOne(o => o.Account).WithMany().HasForeignKey(o => o.AccountId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(o => o.Stage).WithMany().HasForeignKey(o => o.StageId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(o => o.Owner).WithMany().HasForeignKey(o => o.OwnerId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(o => o.Contract).WithMany().HasForeignKey(o => o.ContractId).OnDelete(DeleteBehavior.SetNull);

        e.HasIndex(o => o.AccountId);
        e.HasIndex(o => new { o.OwnerId, o.CloseDate });
        e.HasIndex(o => new { o.StageId, o.CloseDate });
        // One renewal opportunity per contract term, even when two app nodes sweep at once.
        e.HasIndex(o => new { o.ContractId, o.RenewalTermEnd }).IsUnique();
    }
}

internal sealed class OpportunityStageConfiguration : IEntityTypeConfiguration<OpportunityStage>
{
    public void Configure(EntityTypeBuilder<OpportunityStage> e)
    {
        e.Property(s => s.Name).HasMaxLength(60).IsRequired();
        e.Property(s => s.Type).HasConversion<string>().HasMaxLength(16);
        e.Property(s => s.Outcome).HasConversion<string>().HasMaxLength(8);
        e.Property(s => s.Version).IsConcurrencyToken();
        e.HasIndex(s => new { s.Type, s.Position });
        e.HasData(OpportunityStages.Defaults());
    }
}

internal sealed class OpportunityStageChangeConfiguration : IEntityTypeConfiguration<OpportunityStageChange>
{
    public void Configure(EntityTypeBuilder<OpportunityStageChange> e)
    {
        e.Property(c => c.FromStageName).HasMaxLength(60);
        e.Property(c => c.ToStageName).HasMaxLength(60).IsRequired();
        e.HasOne(c => c.Opportunity).WithMany().HasForeignKey(c => c.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(c => new { c.OpportunityId, c.At });
    }
}

internal sealed class SalesTargetConfiguration : IEntityTypeConfiguration<SalesTarget>
{
    public void Configure(EntityTypeBuilder<SalesTarget> e)
    {
        e.Property(t => t.Currency).HasMaxLength(3).IsRequired();
        e.Property(t => t.Version).IsConcurrencyToken();
        e.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(t => new { t.UserId, t.Year, t.Quarter }).IsUnique();
    }
}
