using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Retention;

namespace Steward.Features.Contracts;

/// <summary>What renews within a window: how many contracts, the value at stake, and how much of it is at risk.</summary>
public sealed record RenewalBucket(
    string Label,
    int Count,
    IReadOnlyList<MoneyTotal> Value,
    IReadOnlyDictionary<RenewalRisk, RiskSlice> ByRisk,
    /// <summary>The contracts behind the figures: GET /api/v1/contracts with these filters.</summary>
    ContractListQuery Records);

public sealed record RiskSlice(int Count, IReadOnlyList<MoneyTotal> Value, ContractListQuery Records);

/// <summary>The renewals pipeline: the next 30/60/90/180 days, month by month, and renewals already past their end date.</summary>
public sealed record RenewalPipeline(
    DateOnly Today,
    IReadOnlyList<RenewalBucket> Windows,
    IReadOnlyList<RenewalBucket> Months,
    RenewalBucket Overdue,
    int AtRiskWithoutActionPlan);

/// <summary>Filters of the pipeline: whose renewals (the account owner, or a team).</summary>
public sealed record RenewalPipelineQuery
{
    public string? OwnerId { get; init; }
    public int? TeamId { get; init; }
    /// <summary>Only the accounts of the people whose numbers the viewer reports on.</summary>
    public bool? InScope { get; init; }
}

public sealed class RenewalQueries(IDbContextFactory<StewardDbContext> dbFactory, PeopleScope peopleScope, TimeProvider clock)
{
    public static readonly int[] Windows = [30, 60, 90, 180];

    public async Task<RenewalPipeline> PipelineAsync(RenewalPipelineQuery query, CancellationToken ct = default)
    {
        var today = Quarter.Today(clock);
        var scope = new ContractListQuery { OwnerId = query.OwnerId, TeamId = query.TeamId, InScope = query.InScope };
        var people = await ContractQueries.PeopleAsync(peopleScope, scope, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        // One query for the next twelve months, grouped small; every bucket is cut from it with the
        // same rule the list uses (ContractQueries.Filter), so figures and lists agree.
        var horizon = new DateOnly(today.Year, today.Month, 1).AddMonths(12).AddDays(-1);
        var rows = await ContractQueries.Filter(db, db.Set<Contract>().AsNoTracking(), scope with { WithinDays = horizon.DayNumber - today.DayNumber }, today, people)
            .GroupBy(c => new { c.EndDate, c.Currency, c.RenewalRisk })
            .Select(g => new Slice(g.Key.EndDate, g.Key.Currency, g.Key.RenewalRisk, g.Count(), g.Sum(c => c.AnnualValue)))
            .ToListAsync(ct);

        var windows = Windows.Select(days => Bucket($"Next {days} days", rows.Where(r => r.EndDate <= today.AddDays(days)), scope with { WithinDays = days })).ToList();
        var months = new List<RenewalBucket>();
        for (var month = new DateOnly(today.Year, today.Month, 1); month <= horizon; month = month.AddMonths(1))
        {
            var from = month < today ? today : month;
            var to = month.AddMonths(1).AddDays(-1);
            months.Add(Bucket(month.ToString("MMM yyyy", System.Globalization.CultureInfo.InvariantCulture),
                rows.Where(r => r.EndDate >= from && r.EndDate <= to),
                scope with { Status = ContractStatus.Active, EndsFrom = from, EndsTo = to }));
        }

        var overdueQuery = scope with { Status = ContractStatus.Active, EndsTo = today.AddDays(-1) };
        var overdue = await ContractQueries.Filter(db, db.Set<Contract>().AsNoTracking(), overdueQuery, today, people)
            .GroupBy(c => new { c.EndDate, c.Currency, c.RenewalRisk })
            .Select(g => new Slice(g.Key.EndDate, g.Key.Currency, g.Key.RenewalRisk, g.Count(), g.Sum(c => c.AnnualValue)))
            .ToListAsync(ct);

        var withoutPlan = await ContractQueries.Filter(db, db.Set<Contract>().AsNoTracking(), scope with { Status = ContractStatus.Active, Risk = RenewalRisk.AtRisk }, today, people)
            .CountAsync(c => c.ActionPlan == null, ct);

        return new RenewalPipeline(today, windows, months, Bucket("Past the end date, not renewed", overdue, overdueQuery), withoutPlan);
    }

    private static RenewalBucket Bucket(string label, IEnumerable<Slice> slices, ContractListQuery records)
    {
        var list = slices.ToList();
        var byRisk = Enum.GetValues<RenewalRisk>().ToDictionary(risk => risk, risk =>
        {
            var ofRisk = list.Where(s => s.Risk == risk).ToList();
            return new RiskSlice(ofRisk.Sum(s => s.Count), MoneyTotals.Of(ofRisk, s => s.Currency, s => s.Value), records with { Risk = risk });
        });
        return new RenewalBucket(label, list.Sum(s => s.Count), MoneyTotals.Of(list, s => s.Currency, s => s.Value), byRisk, records);
    }

    private sealed record Slice(DateOnly EndDate, string Currency, RenewalRisk Risk, int Count, decimal Value);
}
