using System.Globalization;
using System.Text.Json;
using Steward.Infrastructure.Http;

namespace Steward.Features.Plans;

/// <summary>
/// What a plan says, frozen as JSON in a <see cref="PlanSnapshot"/>; comparing two of them gives
/// the differences between the approved version and the current draft.
/// </summary>
public sealed record PlanContent(
    string Title, DateOnly PeriodStart, DateOnly PeriodEnd, ReviewCadence ReviewCadence,
    Dictionary<string, string?> Sections, decimal? ResourceBudget, string Currency,
    List<ObjectiveContent> Objectives)
{
    public static PlanContent Of(AccountPlan plan) => new(
        plan.Title, plan.PeriodStart, plan.PeriodEnd, plan.ReviewCadence,
        PlanSections.All.ToDictionary(s => s.Name, s => s.Read(plan)), plan.ResourceBudget, plan.Currency,
        plan.Objectives.OrderBy(o => o.SortOrder).ThenBy(o => o.Id)
            .Select(o => new ObjectiveContent(o.Id, o.Title, o.Kpi, o.Unit, o.Source, o.Baseline, o.Target, o.DueDate)).ToList());

    public string ToJson() => JsonSerializer.Serialize(this, ApiJson.Options);

    public static PlanContent FromJson(string json) => JsonSerializer.Deserialize<PlanContent>(json, ApiJson.Options)!;

    /// <summary>Every difference from <paramref name="approved"/> to this, section by section and objective by objective.</summary>
    public IReadOnlyList<PlanChange> ChangesSince(PlanContent approved)
    {
        var changes = new List<PlanChange>();
        void Compare(string what, string? before, string? after)
        {
            if (!string.Equals(before ?? "", after ?? "", StringComparison.Ordinal)) changes.Add(new PlanChange(what, before, after));
        }

        Compare("Title", approved.Title, Title);
        Compare("Period", $"{approved.PeriodStart:yyyy-MM-dd} – {approved.PeriodEnd:yyyy-MM-dd}", $"{PeriodStart:yyyy-MM-dd} – {PeriodEnd:yyyy-MM-dd}");
        Compare("Review cadence", approved.ReviewCadence.Label(), ReviewCadence.Label());
        foreach (var section in PlanSections.All)
        {
            Compare(section.Heading, approved.Sections.GetValueOrDefault(section.Name), Sections.GetValueOrDefault(section.Name));
        }
        Compare("Resources: budget", Money(approved.ResourceBudget, approved.Currency), Money(ResourceBudget, Currency));

        var before = approved.Objectives.ToDictionary(o => o.Id);
        foreach (var objective in Objectives)
        {
            if (!before.Remove(objective.Id, out var old)) Compare($"Objective \"{objective.Title}\"", null, objective.Describe());
            else Compare($"Objective \"{old.Title}\"", old.Describe(), objective.Describe());
        }
        foreach (var removed in before.Values) Compare($"Objective \"{removed.Title}\"", removed.Describe(), null);
        return changes;
    }

    private static string? Money(decimal? amount, string currency) =>
        amount is { } a ? $"{a.ToString("N0", CultureInfo.InvariantCulture)} {currency}" : null;
}

public sealed record ObjectiveContent(int Id, string Title, string Kpi, string? Unit, MetricSource Source, decimal? Baseline, decimal Target, DateOnly? DueDate)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Title}: {Kpi} from {Baseline?.ToString("0.##", CultureInfo.InvariantCulture) ?? "–"} to {Target:0.##}{(Unit is null ? "" : " " + Unit)}{(DueDate is { } d ? $" by {d:yyyy-MM-dd}" : "")}");
}
