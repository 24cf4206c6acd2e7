namespace Steward.Features.Opportunities;

/// <summary>The stages every opportunity type starts with; admins can add, rename and retire stages per type.</summary>
public static class OpportunityStages
{
    private static readonly (string Name, int Probability, StageOutcome Outcome)[] Standard =
    [
        ("Identified", 10, StageOutcome.Open),
        ("Qualified", 25, StageOutcome.Open),
        ("Proposal", 50, StageOutcome.Open),
        ("Negotiation", 75, StageOutcome.Open),
        ("Won", 100, StageOutcome.Won),
        ("Lost", 0, StageOutcome.Lost),
    ];

    /// <summary>Seed rows with fixed ids (type × 10 + position), so every database starts with the same stages.</summary>
    public static IEnumerable<OpportunityStage> Defaults() =>
        Enum.GetValues<OpportunityType>().SelectMany(type => Standard.Select((s, i) => new OpportunityStage
        {
            Id = (int)type * 10 + i + 1,
            Type = type,
            Name = s.Name,
            Position = (i + 1) * 10,
            Probability = s.Probability,
            Outcome = s.Outcome,
            IsActive = true,
            Version = 1,
            CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            UpdatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        }));

    /// <summary>The category an opportunity falls into when it enters a stage with this outcome.</summary>
    public static ForecastCategory CategoryOnEntering(StageOutcome from, StageOutcome to, ForecastCategory current) => to switch
    {
        StageOutcome.Won => ForecastCategory.Closed,
        StageOutcome.Lost => ForecastCategory.Omitted,
        // Reopened: back into the pipeline. Between open stages the owner's judgement stays.
        _ => from != StageOutcome.Open || current == ForecastCategory.Closed ? ForecastCategory.Pipeline : current,
    };
}
