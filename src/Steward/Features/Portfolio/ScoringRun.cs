namespace Steward.Features.Portfolio;

/// <summary>One pass of the scoring over the whole portfolio: when, how many, what triggered it.</summary>
public class ScoringRun
{
    public int Id { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime FinishedAt { get; set; }
    public int Accounts { get; set; }
    public int QuadrantChanges { get; set; }
    /// <summary>"manual", "import", "settings", "demo".</summary>
    public string Trigger { get; set; } = "";
    public string? ByUserId { get; set; }
}
