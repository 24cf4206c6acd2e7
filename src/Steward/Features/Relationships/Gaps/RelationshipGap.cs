namespace Steward.Features.Relationships.Gaps;

/// <summary>The kinds of gap, most serious first.</summary>
public enum GapKind
{
    DecisionMakerUncovered,
    SingleThreaded,
    ChampionLeft,
    UnmanagedBlocker,
    NoExecutiveSponsor,
    StaleRelationship,
    TouchOverdue,
}

public enum GapSeverity
{
    Low = 1,
    Medium = 2,
    High = 3,
}

/// <summary>
/// Something missing in our relationships with an account, why it matters, and what to do.
/// <see cref="Id"/> is stable while the gap lasts (e.g. <c>decision-maker:42</c>), so a task
/// made from it can be recognised.
/// </summary>
public sealed record RelationshipGap(
    string Id,
    GapKind Kind,
    GapSeverity Severity,
    string Reason,
    string Action,
    string? AssigneeId,
    string? AssigneeName,
    int? ContactId,
    string? UserId)
{
    /// <summary>The open task made from this gap, if any.</summary>
    public int? OpenTaskId { get; init; }
    public string? OpenTaskAssignee { get; init; }
    public DateOnly? OpenTaskDue { get; init; }

    public static GapSeverity SeverityOf(GapKind kind) => kind switch
    {
        GapKind.DecisionMakerUncovered or GapKind.SingleThreaded or GapKind.ChampionLeft or GapKind.UnmanagedBlocker => GapSeverity.High,
        GapKind.NoExecutiveSponsor or GapKind.StaleRelationship => GapSeverity.Medium,
        _ => GapSeverity.Low,
    };

    /// <summary>A gap's weight in an account's score: its severity (high 3, medium 2, low 1).</summary>
    public int Weight => (int)Severity;

    /// <summary>What the task made from it says created it: the account and the gap.</summary>
    public static string TaskSourceId(int accountId, string gapId) => $"{accountId}:{gapId}";

    public const string TaskSourceKind = "gap";
}

public static class GapText
{
    public static string Label(this GapKind kind) => kind switch
    {
        GapKind.DecisionMakerUncovered => "Decision maker not covered",
        GapKind.SingleThreaded => "Single-threaded",
        GapKind.ChampionLeft => "Champion has left",
        GapKind.UnmanagedBlocker => "Influential critic without a plan",
        GapKind.NoExecutiveSponsor => "No executive sponsor",
        GapKind.StaleRelationship => "Relationship gone stale",
        _ => "Planned touch overdue",
    };
}
