using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steward.Components.Shared;
using Steward.Data;
using Steward.Features.Retention;
using Steward.Infrastructure.Errors;

namespace Steward.Features.Opportunities;

public sealed record ForecastQuery
{
    /// <summary>A quarter, "2026-Q4"; empty means the current one.</summary>
    public string? Period { get; init; }
    public int? TeamId { get; init; }
    public string? OwnerId { get; init; }
}

/// <summary>A sum of opportunities and the filter that lists exactly them (GET /api/v1/opportunities).</summary>
public sealed record ForecastFigure(decimal Amount, int Count, OpportunityListQuery Records);

/// <summary>One person's, one team's or everyone's forecast for the period against the target.</summary>
public sealed record ForecastLine(
    string Label,
    string? UserId,
    int? TeamId,
    string? TeamName,
    decimal? Target,
    ForecastFigure Closed,
    ForecastFigure Commit,
    ForecastFigure BestCase,
    /// <summary>Open deals in the Pipeline category: Amount is their full value.</summary>
    ForecastFigure Pipeline,
    /// <summary>Pipeline × probability.</summary>
    decimal WeightedPipeline,
    /// <summary>What is expected to close: closed + commit.</summary>
    decimal Forecast,
    /// <summary>Target − forecast when short of target; 0 when on track; null without a target.</summary>
    decimal? Gap,
    /// <summary>Forecast ÷ target.</summary>
    decimal? Coverage,
    string Explanation);

public sealed record ForecastReport(
    string Period,
    string PeriodLabel,
    string Currency,
    IReadOnlyList<ForecastLine> People,
    IReadOnlyList<ForecastLine> Teams,
    ForecastLine Total,
    /// <summary>Deals of the period in other currencies: not added up (Steward does not convert), listed apart.</summary>
    IReadOnlyList<MoneyTotal> OtherCurrencies,
    int OtherCurrencyCount);

/// <summary>
/// The forecast of a quarter, per person, per team and in total, against targets. Closed is won in
/// the period; commit and best case are open deals the owner put in those categories; pipeline is
/// the rest, weighted by probability. Forecast = closed + commit; the gap is what the target needs
/// beyond that, and the explanation says whether best case and pipeline can cover it.
/// </summary>
public sealed class ForecastQueries(IDbContextFactory<StewardDbContext> dbFactory, PeopleScope scope, IOptions<RetentionOptions> options, TimeProvider clock)
{
    public async Task<ForecastReport> ForecastAsync(ForecastQuery query, CancellationToken ct = default)
    {
        var period = ParsePeriod(query.Period, clock);
        var currency = options.Value.ReportingCurrency;
        var people = await scope.ResolveAsync(query.TeamId, InputValidation.Clean(query.OwnerId), ct);
        var ids = people.Select(p => p.UserId).ToList();
        var (from, to) = (period.Start, period.End);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deals = await db.Set<Opportunity>().AsNoTracking()
            .Where(o => o.ArchivedAt == null && ids.Contains(o.OwnerId) && o.CloseDate >= from && o.CloseDate <= to)
            .Select(o => new Deal(o.OwnerId, o.Stage!.Outcome, o.ForecastCategory, o.Amount, o.Probability, o.Currency))
            .ToListAsync(ct);
        var targets = await db.Set<SalesTarget>().AsNoTracking()
            .Where(t => ids.Contains(t.UserId) && t.Year == period.Year && t.Quarter == period.Number && t.Currency == currency)
            .ToDictionaryAsync(t => t.UserId, t => t.Amount, ct);

        var inCurrency = deals.Where(d => d.Currency == currency).ToList();
        var basis = new OpportunityListQuery { Period = period.ToString(), Currency = currency, InScope = true };

        var lines = people.Select(p => Line(p.DisplayName, p.UserId, p.TeamId, p.TeamName,
            targets.TryGetValue(p.UserId, out var target) ? target : null,
            inCurrency.Where(d => d.OwnerId == p.UserId), basis with { OwnerId = p.UserId }, period)).ToList();

        var teams = people.Where(p => p.TeamId is not null).GroupBy(p => (p.TeamId!.Value, p.TeamName)).Select(team =>
        {
            var members = team.Select(p => p.UserId).ToHashSet();
            var memberTargets = members.Where(targets.ContainsKey).Select(m => targets[m]).ToList();
            return Line(team.Key.TeamName ?? "Team", null, team.Key.Value, team.Key.TeamName, memberTargets.Count == 0 ? null : memberTargets.Sum(),
                inCurrency.Where(d => members.Contains(d.OwnerId)), basis with { TeamId = team.Key.Value }, period);
        }).OrderBy(t => t.Label).ToList();

        var total = Line("Total", null, null, null, targets.Count == 0 ? null : targets.Values.Sum(), inCurrency,
            basis with { TeamId = query.TeamId, OwnerId = InputValidation.Clean(query.OwnerId) }, period);

        var others = deals.Where(d => d.Currency != currency && d.Outcome != StageOutcome.Lost && d.Category != ForecastCategory.Omitted).ToList();
        return new ForecastReport(period.ToString(), period.Label, currency, lines.Where(l => l.Target is not null || l.Closed.Count + l.Commit.Count + l.BestCase.Count + l.Pipeline.Count > 0 || l.UserId == query.OwnerId).ToList(),
            teams, total, MoneyTotals.Of(others, d => d.Currency, d => d.Amount), others.Count);
    }

    internal static Quarter ParsePeriod(string? text, TimeProvider clock)
    {
        if (InputValidation.Clean(text) is null) return Quarter.Current(clock);
        return Quarter.TryParse(text, out var quarter) ? quarter.Value : throw new InvalidInputException("period", $"'{text}' is not a quarter; write it like 2026-Q4.");
    }

    private static ForecastLine Line(string label, string? userId, int? teamId, string? teamName, decimal? target, IEnumerable<Deal> deals, OpportunityListQuery records, Quarter period)
    {
        var list = deals.ToList();
        ForecastFigure Figure(Func<Deal, bool> which, OpportunityListQuery filter)
        {
            var chosen = list.Where(which).ToList();
            return new ForecastFigure(chosen.Sum(d => d.Amount), chosen.Count, filter);
        }
        var closed = Figure(d => d.Outcome == StageOutcome.Won, records with { Outcome = StageOutcome.Won });
        var commit = Figure(d => d.Outcome == StageOutcome.Open && d.Category == ForecastCategory.Commit, records with { Outcome = StageOutcome.Open, Category = ForecastCategory.Commit });
        var bestCase = Figure(d => d.Outcome == StageOutcome.Open && d.Category == ForecastCategory.BestCase, records with { Outcome = StageOutcome.Open, Category = ForecastCategory.BestCase });
        var pipeline = Figure(d => d.Outcome == StageOutcome.Open && d.Category == ForecastCategory.Pipeline, records with { Outcome = StageOutcome.Open, Category = ForecastCategory.Pipeline });
        var weighted = list.Where(d => d.Outcome == StageOutcome.Open && d.Category == ForecastCategory.Pipeline).Sum(d => d.Amount * d.Probability / 100m);
        var forecast = closed.Amount + commit.Amount;
        decimal? gap = target is { } t ? Math.Max(0, t - forecast) : null;
        decimal? coverage = target is > 0 ? forecast / target : null;
        return new ForecastLine(label, userId, teamId, teamName, target, closed, commit, bestCase, pipeline, weighted, forecast, gap, coverage,
            Explain(period, target, closed.Amount, commit.Amount, bestCase.Amount, weighted));
    }

    /// <summary>The gap in words: where it comes from and whether best case and pipeline can close it.</summary>
    internal static string Explain(Quarter period, decimal? target, decimal closed, decimal commit, decimal bestCase, decimal weighted)
    {
        string M(decimal amount) => Money.Format(amount);
        var forecast = closed + commit;
        var text = new StringBuilder();
        if (target is not { } t)
        {
            text.Append($"No target set for {period.Label}. Closed {M(closed)} + commit {M(commit)} = forecast {M(forecast)}.");
            return text.ToString();
        }
        if (forecast >= t)
        {
            text.Append($"On track: closed {M(closed)} + commit {M(commit)} = {M(forecast)}, {M(forecast - t)} above the target of {M(t)}.");
            return text.ToString();
        }
        var gap = t - forecast;
        text.Append($"Gap {M(gap)}: target {M(t)} − closed {M(closed)} − commit {M(commit)}. ");
        if (bestCase >= gap)
        {
            text.Append($"Best case ({M(bestCase)}) covers it if {M(gap)} of it is won.");
        }
        else if (bestCase + weighted >= gap)
        {
            text.Append($"Best case ({M(bestCase)}) is not enough; {M(gap - bestCase)} more must come from the pipeline (weighted {M(weighted)}).");
        }
        else
        {
            text.Append($"Best case ({M(bestCase)}) and the weighted pipeline ({M(weighted)}) together leave {M(gap - bestCase - weighted)} uncovered: new opportunities are needed.");
        }
        return text.ToString();
    }

    private sealed record Deal(string OwnerId, StageOutcome Outcome, ForecastCategory Category, decimal Amount, int Probability, string Currency);
}
