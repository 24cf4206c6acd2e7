using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Cases;
using Steward.Features.Contracts;
using Steward.Features.Opportunities;
using Steward.Infrastructure.Http;

namespace Steward.Features.Retention;

public sealed record RenewalsPanel(string Quarter, RenewalBucket Renewals);

/// <summary>An at-risk renewal and the reasons behind it.</summary>
public sealed record AtRiskRenewal(ContractDto Contract, IReadOnlyList<string> Why, bool ActionPlanMissing, int OpenCases);

public sealed record AtRiskPanel(int Count, IReadOnlyList<MoneyTotal> Value, IReadOnlyList<AtRiskRenewal> Renewals, ContractListQuery Records);

public sealed record ForecastPanel(string Quarter, string Currency, ForecastLine Team, int OtherCurrencyCount);

public sealed record EscalationsPanel(int Count, IReadOnlyDictionary<EscalationLevel, int> ByLevel, int Overdue, IReadOnlyList<CaseDto> Cases,
    CaseListQuery Records, IReadOnlyDictionary<EscalationLevel, CaseListQuery> LevelRecords, CaseListQuery OverdueRecords);

/// <summary>The manager's one screen: what renews this quarter, what is at risk and why, what the team will close against target, which escalations are open.</summary>
public sealed record RetentionSummary(RenewalsPanel Renewals, AtRiskPanel AtRisk, ForecastPanel Forecast, EscalationsPanel Escalations);

/// <summary>
/// Builds the one screen from the same queries the lists use: every figure carries the filter of
/// the records behind it, so a click shows exactly what was counted.
/// </summary>
public sealed class RetentionSummaryQueries(
    IDbContextFactory<StewardDbContext> dbFactory,
    ContractQueries contracts,
    ForecastQueries forecast,
    CaseQueries cases,
    TimeProvider clock)
{
    /// <summary>How far ahead "at risk" looks.</summary>
    public const int AtRiskHorizonDays = 180;

    public async Task<RetentionSummary> SummaryAsync(CancellationToken ct = default)
    {
        var quarter = Quarter.Current(clock);
        return new RetentionSummary(
            await RenewalsAsync(quarter, ct),
            await AtRiskAsync(ct),
            await ForecastAsync(quarter, ct),
            await EscalationsAsync(ct));
    }

    private async Task<RenewalsPanel> RenewalsAsync(Quarter quarter, CancellationToken ct)
    {
        var records = new ContractListQuery { InScope = true, Status = ContractStatus.Active, EndsFrom = quarter.Start, EndsTo = quarter.End };
        var page = await contracts.ListAsync(records with { PageSize = Paging.MaxPageSize }, ct);
        var all = await AllAsync(page, p => contracts.ListAsync(records with { Page = p, PageSize = Paging.MaxPageSize }, ct));
        var byRisk = Enum.GetValues<RenewalRisk>().ToDictionary(r => r, r =>
        {
            var ofRisk = all.Where(c => c.RenewalRisk == r).ToList();
            return new RiskSlice(ofRisk.Count, MoneyTotals.Of(ofRisk, c => c.Currency, c => c.AnnualValue), records with { Risk = r });
        });
        return new RenewalsPanel(quarter.Label, new RenewalBucket(quarter.Label, all.Count, MoneyTotals.Of(all, c => c.Currency, c => c.AnnualValue), byRisk, records));
    }

    private async Task<AtRiskPanel> AtRiskAsync(CancellationToken ct)
    {
        var records = new ContractListQuery { InScope = true, Risk = RenewalRisk.AtRisk, WithinDays = AtRiskHorizonDays };
        var page = await contracts.ListAsync(records with { PageSize = Paging.MaxPageSize }, ct);
        var all = await AllAsync(page, p => contracts.ListAsync(records with { Page = p, PageSize = Paging.MaxPageSize }, ct));

        var accountIds = all.Select(c => c.AccountId).Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var openCases = await db.Set<Case>().Where(c => accountIds.Contains(c.AccountId) && c.Status != CaseStatus.Resolved)
            .GroupBy(c => c.AccountId)
            .Select(g => new { AccountId = g.Key, Count = g.Count(), Escalated = g.Count(c => c.EscalationLevel != EscalationLevel.AccountManager) })
            .ToDictionaryAsync(x => x.AccountId, ct);

        var renewals = all.Select(c =>
        {
            var why = new List<string>();
            if (c.RiskReason is not null) why.Add(c.RiskReason);
            if (openCases.TryGetValue(c.AccountId, out var open))
            {
                why.Add(open.Escalated > 0 ? $"{open.Count} open case(s) at the account, {open.Escalated} escalated" : $"{open.Count} open case(s) at the account");
            }
            if (c.AutoRenew && c.NoticeDeadline >= Quarter.Today(clock)) why.Add($"The customer can give notice until {c.NoticeDeadline:d MMM yyyy}");
            return new AtRiskRenewal(c, why, c.ActionPlan is null, open?.Count ?? 0);
        }).ToList();
        return new AtRiskPanel(all.Count, MoneyTotals.Of(all, c => c.Currency, c => c.AnnualValue), renewals, records);
    }

    private async Task<ForecastPanel> ForecastAsync(Quarter quarter, CancellationToken ct)
    {
        var report = await forecast.ForecastAsync(new ForecastQuery { Period = quarter.ToString() }, ct);
        return new ForecastPanel(report.PeriodLabel, report.Currency, report.Total, report.OtherCurrencyCount);
    }

    public async Task<EscalationsPanel> EscalationsAsync(CancellationToken ct = default)
    {
        var records = new CaseListQuery { InScope = true, Open = true, Escalated = true, Sort = "-level" };
        var page = await cases.ListAsync(records with { PageSize = Paging.MaxPageSize }, ct);
        var all = await AllAsync(page, p => cases.ListAsync(records with { Page = p, PageSize = Paging.MaxPageSize }, ct));
        var levels = new[] { EscalationLevel.Manager, EscalationLevel.ExecutiveSponsor };
        return new EscalationsPanel(all.Count,
            levels.ToDictionary(l => l, l => all.Count(c => c.EscalationLevel == l)),
            all.Count(c => c.SlaBreached),
            all.Take(10).ToList(),
            records,
            levels.ToDictionary(l => l, l => records with { Level = l }),
            records with { Overdue = true });
    }

    /// <summary>Every page of a list: the panels count what the lists show, page after page.</summary>
    private static async Task<List<T>> AllAsync<T>(Page<T> first, Func<int, Task<Page<T>>> next)
    {
        var all = first.Items.ToList();
        for (var p = 2; p <= first.PageCount; p++) all.AddRange((await next(p)).Items);
        return all;
    }
}
