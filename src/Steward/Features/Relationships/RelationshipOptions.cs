using Steward.Features.Accounts;

namespace Steward.Features.Relationships;

/// <summary>
/// The gap rules' thresholds, from the "Relationships" configuration section, e.g.
/// <c>Relationships:Key:StaleAfterDays=30</c> or <c>Relationships__InfluentialFrom=3</c>.
/// </summary>
public sealed class RelationshipOptions
{
    public const string Section = "Relationships";

    public TierRules Key { get; set; } = new() { StaleAfterDays = 45, NeedsExecutiveSponsor = true };
    public TierRules Growth { get; set; } = new() { StaleAfterDays = 60 };
    public TierRules Standard { get; set; } = new() { StaleAfterDays = 90 };
    public TierRules Unassigned { get; set; } = new() { StaleAfterDays = 90 };

    /// <summary>A sceptic or opponent with at least this influence (1–5) needs a plan.</summary>
    public int InfluentialFrom { get; set; } = 4;

    public TierRules For(AccountTier tier) => tier switch
    {
        AccountTier.Key => Key,
        AccountTier.Growth => Growth,
        AccountTier.Standard => Standard,
        _ => Unassigned,
    };

    public IEnumerable<string> Problems()
    {
        foreach (var (tier, rules) in new[] { ("Key", Key), ("Growth", Growth), ("Standard", Standard), ("Unassigned", Unassigned) })
        {
            if (rules.StaleAfterDays is < 1 or > 3650) yield return $"Relationships:{tier}:StaleAfterDays must be between 1 and 3650 days.";
        }
        if (InfluentialFrom is < 1 or > 5) yield return "Relationships:InfluentialFrom must be between 1 and 5.";
    }
}

/// <summary>What the gap rules expect of accounts of one tier.</summary>
public sealed class TierRules
{
    /// <summary>A working relationship without contact for longer than this has gone stale.</summary>
    public int StaleAfterDays { get; set; } = 90;
    /// <summary>Whether someone senior on our side must be the account's executive sponsor.</summary>
    public bool NeedsExecutiveSponsor { get; set; }
}
