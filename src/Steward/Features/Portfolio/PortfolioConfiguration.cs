using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steward.Features.Portfolio;

internal sealed class AccountScoreConfiguration : IEntityTypeConfiguration<AccountScore>
{
    public void Configure(EntityTypeBuilder<AccountScore> e)
    {
        e.ToTable("AccountScores");
        e.HasKey(s => s.AccountId);
        e.Property(s => s.AccountId).ValueGeneratedNever();
        e.Property(s => s.Quadrant).HasConversion<string>().HasMaxLength(16);
        e.Property(s => s.RecommendedTier).HasConversion<string>().HasMaxLength(24);
        e.Property(s => s.Growth).HasPrecision(12, 4);
        e.Property(s => s.Margin).HasPrecision(12, 4);
        e.Property(s => s.ShareOfWallet).HasPrecision(12, 4);
        // Derived data, replaced wholesale by every scoring pass, so no foreign key to Accounts and
        // no secondary index: on PostgreSQL the key check and two indexes made up two thirds of
        // the pass's write (docs/performance.md). Every reader joins to the filtered accounts, so
        // a score whose account is gone is never shown, and the next pass drops it.
    }
}

internal sealed class PortfolioSettingsConfiguration : IEntityTypeConfiguration<PortfolioSettings>
{
    public void Configure(EntityTypeBuilder<PortfolioSettings> e)
    {
        e.ToTable("PortfolioSettings");
        e.Property(s => s.Id).ValueGeneratedNever();
        e.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class ScoringRunConfiguration : IEntityTypeConfiguration<ScoringRun>
{
    public void Configure(EntityTypeBuilder<ScoringRun> e)
    {
        e.ToTable("ScoringRuns");
        e.Property(r => r.Trigger).HasMaxLength(20).IsRequired();
        e.HasIndex(r => r.FinishedAt);
    }
}
