using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steward.Data;
using Steward.Features.Accounts;
using Steward.Features.Contacts;
using Steward.Infrastructure.Access;
using Steward.Infrastructure.Errors;
using Steward.Infrastructure.Http;

namespace Steward.Features.Relationships.Gaps;

/// <summary>One account in the portfolio view: how many gaps of each kind, and their weighted score.</summary>
public sealed record AccountGapSummary(
    int AccountId,
    string AccountName,
    AccountTier Tier,
    string OwnerId,
    string OwnerName,
    int Score,
    int Stakeholders,
    int Covered,
    int DecisionMakersUncovered,
    bool SingleThreaded,
    int ChampionsLeft,
    int UnmanagedBlockers,
    bool NoExecutiveSponsor,
    int StaleRelationships,
    int TouchesOverdue)
{
    /// <summary>The most serious gap kinds, for a one-line summary.</summary>
    public IEnumerable<string> Headlines()
    {
        if (DecisionMakersUncovered > 0) yield return DecisionMakersUncovered == 1 ? "1 decision maker not covered" : $"{DecisionMakersUncovered} decision makers not covered";
        if (SingleThreaded) yield return Covered == 0 ? "nobody knows us" : "single-threaded";
        if (ChampionsLeft > 0) yield return "champion has left";
        if (UnmanagedBlockers > 0) yield return UnmanagedBlockers == 1 ? "1 critic without a plan" : $"{UnmanagedBlockers} critics without a plan";
        if (NoExecutiveSponsor) yield return "no executive sponsor";
        if (StaleRelationships > 0) yield return StaleRelationships == 1 ? "1 stale relationship" : $"{StaleRelationships} stale relationships";
        if (TouchesOverdue > 0) yield return TouchesOverdue == 1 ? "1 planned touch overdue" : $"{TouchesOverdue} planned touches overdue";
    }
}

public sealed record RelationshipGapQuery
{
    public AccountTier? Tier { get; init; }
    public string? OwnerId { get; init; }
    /// <summary>Only accounts the viewer owns or serves on.</summary>
    public bool? Mine { get; init; }
    public string? Search { get; init; }
    /// <summary>score, name, tier, owner, coverage; '-' in front for descending. Default: -score (most serious first).</summary>
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

/// <summary>
/// The accounts with the most serious relationship gaps, across everything the viewer can see.
/// Counts the rules of <see cref="RelationshipGapRules"/> in SQL, so it pages on the server at any
/// portfolio size. Archived and churned accounts are left out.
/// </summary>
public sealed class RelationshipPortfolio(IDbContextFactory<StewardDbContext> dbFactory, IOptionsMonitor<RelationshipOptions> options, Viewer viewer, TimeProvider clock)
{
    public async Task<Page<AccountGapSummary>> ListAsync(RelationshipGapQuery query, CancellationToken ct = default)
    {
        var (page, size) = Paging.Clamp(query.Page, query.PageSize);
        var o = options.CurrentValue;
        var now = clock.GetUtcNow().UtcDateTime;
        var (keyCutoff, growthCutoff, standardCutoff, otherCutoff) = (now.AddDays(-o.Key.StaleAfterDays), now.AddDays(-o.Growth.StaleAfterDays), now.AddDays(-o.Standard.StaleAfterDays), now.AddDays(-o.Unassigned.StaleAfterDays));
        var (keySponsor, growthSponsor, standardSponsor, otherSponsor) = (o.Key.NeedsExecutiveSponsor, o.Growth.NeedsExecutiveSponsor, o.Standard.NeedsExecutiveSponsor, o.Unassigned.NeedsExecutiveSponsor);
        var influential = o.InfluentialFrom;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var accounts = db.Accounts.AsNoTracking().Where(a => a.ArchivedAt == null && a.Status != AccountStatus.Churned);
        if (query.Tier is { } tier) accounts = accounts.Where(a => a.Tier == tier);
        if (InputValidation.Clean(query.OwnerId) is { } ownerId) accounts = accounts.Where(a => a.OwnerId == ownerId);
        if (query.Mine == true)
        {
            var me = viewer.UserId;
            accounts = accounts.Where(a => a.OwnerId == me || a.TeamMembers.Any(m => m.UserId == me));
        }
        if (InputValidation.Clean(query.Search) is { } search)
        {
            var needle = Account.Normalize(search);
            accounts = accounts.Where(a => a.NormalizedName.Contains(needle));
        }

        var contacts = db.Set<Contact>().Where(c => c.IsActive && c.ArchivedAt == null);
        var profiles = db.Set<Stakeholder>().Where(s => s.Contact!.IsActive && s.Contact.ArchivedAt == null && s.Contact.AccountId == s.AccountId);
        var working = db.Set<Relationship>().Where(r => (r.Strength == RelationshipStrength.Working || r.Strength == RelationshipStrength.TrustedAdvisor) && r.User!.IsActive);

        var counted = accounts.Select(a => new
        {
            a.Id,
            a.Name,
            a.Tier,
            a.OwnerId,
            OwnerName = a.Owner!.DisplayName,
            Stakeholders = contacts.Count(c => c.AccountId == a.Id),
            Covered = contacts.Count(c => c.AccountId == a.Id && working.Any(r => r.AccountId == a.Id && r.ContactId == c.Id)),
            DecisionMakers = profiles.Count(s => s.AccountId == a.Id && (s.Role == BuyingRole.DecisionMaker || s.Role == BuyingRole.EconomicBuyer)
                && !working.Any(r => r.AccountId == a.Id && r.ContactId == s.ContactId)),
            ChampionsLeft = profiles.Any(s => s.AccountId == a.Id && s.Role == BuyingRole.Champion) ? 0
                : db.Set<Stakeholder>().Count(s => s.AccountId == a.Id && s.Role == BuyingRole.Champion && !s.Contact!.IsActive && s.Contact.ArchivedAt == null && s.Contact.AccountId == a.Id),
            Blockers = profiles.Count(s => s.AccountId == a.Id && s.PlanOwnerId == null && s.Influence >= influential
                && (s.Attitude == Attitude.Sceptic || s.Attitude == Attitude.Opponent || s.Role == BuyingRole.Blocker)),
            NoSponsor = ((a.Tier == AccountTier.Key && keySponsor) || (a.Tier == AccountTier.Growth && growthSponsor) || (a.Tier == AccountTier.Standard && standardSponsor) || (a.Tier == AccountTier.Unassigned && otherSponsor))
                && !a.TeamMembers.Any(m => m.Role == AccountTeamRole.ExecutiveSponsor && m.User!.IsActive),
            Stale = working.Count(r => r.AccountId == a.Id && r.Contact!.IsActive && r.Contact.ArchivedAt == null && r.Contact.AccountId == a.Id
                && (r.LastSpokeAt == null || r.LastSpokeAt < (a.Tier == AccountTier.Key ? keyCutoff : a.Tier == AccountTier.Growth ? growthCutoff : a.Tier == AccountTier.Standard ? standardCutoff : otherCutoff))),
            Overdue = profiles.Count(s => s.AccountId == a.Id && s.TouchEveryDays != null && s.TouchDueAt < now),
        });
        // Weights are the gaps' severities: high 3, medium 2, low 1 (see RelationshipGap.SeverityOf).
        var scored = counted.Select(x => new
        {
            x,
            Score = 3 * x.DecisionMakers + (x.Covered <= 1 ? 3 : 0) + 3 * x.ChampionsLeft + 3 * x.Blockers + (x.NoSponsor ? 2 : 0) + 2 * x.Stale + x.Overdue,
        }).Where(s => s.Score > 0);

        var total = await scored.CountAsync(ct);
        var descending = query.Sort?.StartsWith('-') == true;
        var ordered = query.Sort?.TrimStart('-', '+').ToLowerInvariant() switch
        {
            null or "" => scored.OrderByDescending(s => s.Score),
            "score" => descending ? scored.OrderByDescending(s => s.Score) : scored.OrderBy(s => s.Score),
            "name" => descending ? scored.OrderByDescending(s => s.x.Name) : scored.OrderBy(s => s.x.Name),
            "tier" => descending ? scored.OrderByDescending(s => s.x.Tier) : scored.OrderBy(s => s.x.Tier),
            "owner" => descending ? scored.OrderByDescending(s => s.x.OwnerName) : scored.OrderBy(s => s.x.OwnerName),
            "coverage" => descending ? scored.OrderByDescending(s => s.x.Covered) : scored.OrderBy(s => s.x.Covered),
            _ => throw new InvalidInputException("Sort", $"Cannot sort by '{query.Sort}'. Use score, name, tier, owner or coverage, with '-' in front for descending."),
        };
        var items = await ordered.ThenBy(s => s.x.Name).ThenBy(s => s.x.Id).Skip((page - 1) * size).Take(size)
            .Select(s => new AccountGapSummary(s.x.Id, s.x.Name, s.x.Tier, s.x.OwnerId, s.x.OwnerName, s.Score, s.x.Stakeholders, s.x.Covered,
                s.x.DecisionMakers, s.x.Covered <= 1, s.x.ChampionsLeft, s.x.Blockers, s.x.NoSponsor, s.x.Stale, s.x.Overdue))
            .ToListAsync(ct);
        return new Page<AccountGapSummary>(items, page, size, total);
    }
}
