namespace Steward.Features.Retention;

/// <summary>Settings of contracts, renewals, the forecast and cases (section "Retention").</summary>
public sealed class RetentionOptions
{
    /// <summary>Days before a contract's end date its renewal opportunity is opened (a contract may override it).</summary>
    public int RenewalLeadDays { get; set; } = 120;

    /// <summary>The currency forecasts and targets are kept in; records in other currencies are reported apart, never converted.</summary>
    public string ReportingCurrency { get; set; } = "EUR";

    /// <summary>Hours to resolve a case, by severity, before it escalates to the next level.</summary>
    public Dictionary<string, int> SlaHours { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Critical"] = 8,
        ["High"] = 24,
        ["Medium"] = 72,
        ["Low"] = 168,
    };

    /// <summary>Run the renewal and SLA sweeps in the background (tests call them directly instead).</summary>
    public bool RunInBackground { get; set; } = true;

    public int SweepIntervalMinutes { get; set; } = 5;
}
