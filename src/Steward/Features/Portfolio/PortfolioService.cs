using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Accounts;
using Steward.Infrastructure.Access;
using Steward.Infrastructure.Errors;

namespace Steward.Features.Portfolio;

public sealed record CriterionExplanation(string Criterion, string Axis, string Value, int Score, int Weight, decimal Points);

public sealed record ScoreExplanation(
    int AccountId, int Attractiveness, int Position, Quadrant Quadrant, AccountTier RecommendedTier, AccountTier CurrentTier,
    decimal Revenue12, decimal OwnRevenue12, IReadOnlyList<CriterionExplanation> Criteria, DateTime ComputedAt);

public sealed record TierAssignment([property: Required] AccountTier? Tier, [property: StringLength(2000)] string? Reason);

/// <summary>Explains scores, assigns tiers (recorded with who, when, why) and keeps the scoring settings.</summary>
public sealed class PortfolioService(IDbContextFactory<StewardDbContext> dbFactory, Viewer viewer, AccessRules access, AccountService accounts, ScoringService scoring)
{
    /// <summary>Each criterion's value, 0–100 score, weight and the points it adds to its axis.</summary>
    public async Task<ScoreExplanation?> ExplainAsync(int accountId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await db.Accounts.Where(a => a.Id == accountId).Select(a => new { a.Tier, a.StrategicFit, a.Replaceability, a.RelationshipStrength })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Account", accountId);
        var s = await db.Set<AccountScore>().AsNoTracking().SingleOrDefaultAsync(x => x.AccountId == accountId, ct);
        if (s is null) return null;
        var w = await ScoringService.SettingsAsync(db, ct);

        var attractiveness = new (string Name, string Value, int Score, int Weight)[]
        {
            ("Revenue, last 12 months", Shared.Money(s.Revenue12), s.RevenueScore, w.RevenueWeight),
            ("Growth, year on year", Shared.Percent(s.Growth), s.GrowthScore, w.GrowthWeight),
            ("Potential (wallet − revenue)", s.Potential is { } p ? Shared.Money(p) : "no wallet estimate", s.PotentialScore, w.PotentialWeight),
            ("Margin", Shared.Percent(s.Margin, signed: false), s.MarginScore, w.MarginWeight),
            ("Strategic fit", Shared.OneToFive(account.StrategicFit), s.StrategicFitScore, w.StrategicFitWeight),
            ("Hard to replace (replaceability)", Shared.OneToFive(account.Replaceability), s.ReplaceabilityScore, w.ReplaceabilityWeight),
        };
        var position = new (string Name, string Value, int Score, int Weight)[]
        {
            ("Share of wallet", Shared.Percent(s.ShareOfWallet, signed: false), s.ShareOfWalletScore, w.ShareOfWalletWeight),
            ("Relationship strength", Shared.OneToFive(account.RelationshipStrength), s.RelationshipScore, w.RelationshipWeight),
        };
        var criteria = Points(attractiveness, "Attractiveness").Concat(Points(position, "Position")).ToList();
        return new ScoreExplanation(accountId, s.Attractiveness, s.Position, s.Quadrant, s.RecommendedTier, account.Tier, s.Revenue12, s.OwnRevenue12, criteria, s.ComputedAt);
    }

    private static IEnumerable<CriterionExplanation> Points((string Name, string Value, int Score, int Weight)[] parts, string axis)
    {
        var weights = parts.Sum(p => p.Weight);
        return parts.Select(p => new CriterionExplanation(p.Name, axis, p.Value, p.Score, p.Weight,
            weights == 0 ? 0 : Math.Round((decimal)p.Score * p.Weight / weights, 1)));
    }

    /// <summary>Sets the tier and records who, when and why. The owner, their manager or an admin may do it.</summary>
    public async Task<AccountDto> AssignTierAsync(int accountId, TierAssignment assignment, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == accountId, ct) ?? throw new NotFoundException("Account", accountId);
        var errors = InputValidation.Annotations(assignment);
        if (assignment.Tier is { } t && !Enum.IsDefined(t)) errors.Add("Tier", "Tier must be one of Unassigned, Key, Growth, Standard.");
        errors.ThrowIfAny();
        if (!await access.CanArchiveAsync(db, account, ct))
        {
            throw new ForbiddenException("Only the account's owner, their manager or an admin can assign its tier.");
        }
        var tier = assignment.Tier!.Value;
        if (account.Tier != tier)
        {
            accounts.Record(db, account, AccountChangeKind.TierChanged, account.Tier.ToString(), tier.ToString(), InputValidation.Clean(assignment.Reason));
            account.Tier = tier;
            await db.SaveChangesAsync(ct);
        }
        return await db.Accounts.AsNoTracking().Where(a => a.Id == accountId).Select(AccountQueries.ToDto).SingleAsync(ct);
    }

    public async Task<PortfolioSettings> GetSettingsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ScoringService.SettingsAsync(db, ct);
    }

    /// <summary>Admins change weights, thresholds and capacity; the portfolio is rescored at once.</summary>
    public async Task<PortfolioSettings> UpdateSettingsAsync(PortfolioSettings input, CancellationToken ct = default)
    {
        if (!viewer.IsAdmin && !viewer.IsSystem) throw new ForbiddenException("Only admins can change the scoring settings.");
        var errors = InputValidation.Annotations(input);
        if (input.RevenueWeight + input.GrowthWeight + input.PotentialWeight + input.MarginWeight + input.StrategicFitWeight + input.ReplaceabilityWeight == 0)
        {
            errors.Add(nameof(PortfolioSettings.RevenueWeight), "At least one attractiveness criterion needs a weight above 0.");
        }
        if (input.ShareOfWalletWeight + input.RelationshipWeight == 0)
        {
            errors.Add(nameof(PortfolioSettings.ShareOfWalletWeight), "At least one position criterion needs a weight above 0.");
        }
        errors.ThrowIfAny();

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var settings = await db.Set<PortfolioSettings>().SingleOrDefaultAsync(s => s.Id == PortfolioSettings.SingletonId, ct);
            if (settings is null)
            {
                settings = new PortfolioSettings();
                db.Add(settings);
            }
            else if (input.Version != 0 && settings.Version != input.Version)
            {
                throw new PreconditionFailedException("Someone else changed the scoring settings since you opened them. Reload and apply your change again.");
            }
            db.Entry(settings).CurrentValues.SetValues(input);
            settings.Id = PortfolioSettings.SingletonId;
            await db.SaveChangesAsync(ct);
        }
        await scoring.RecomputeAsync("settings", viewer.UserId, ct);
        return await GetSettingsAsync(ct);
    }

    /// <summary>Formatting for explanations, kept here so the API and the page say the same thing.</summary>
    private static class Shared
    {
        public static string Money(decimal amount) => global::Steward.Components.Shared.Money.Format(amount);

        public static string Percent(decimal? fraction, bool signed = true) => fraction is { } f
            ? (signed && f >= 0 ? "+" : "") + (f * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%"
            : "not known";

        public static string OneToFive(int? value) => value is { } v ? $"{v} of 5" : "not set (counts as neutral)";
    }
}
