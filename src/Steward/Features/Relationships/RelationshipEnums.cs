namespace Steward.Features.Relationships;

/// <summary>What part a stakeholder plays in the customer's buying decisions.</summary>
public enum BuyingRole
{
    DecisionMaker,
    EconomicBuyer,
    TechnicalBuyer,
    Influencer,
    Champion,
    User,
    Gatekeeper,
    Blocker,
}

/// <summary>How a stakeholder feels about us, from our best friend to our fiercest critic.</summary>
public enum Attitude
{
    Advocate,
    Supporter,
    Neutral,
    Sceptic,
    Opponent,
}

/// <summary>How well one of our people knows a stakeholder. The order matters: later is stronger.</summary>
public enum RelationshipStrength
{
    None,
    Acquainted,
    Working,
    TrustedAdvisor,
}

public static class RelationshipText
{
    public static string Label(this BuyingRole role) => role switch
    {
        BuyingRole.DecisionMaker => "Decision maker",
        BuyingRole.EconomicBuyer => "Economic buyer",
        BuyingRole.TechnicalBuyer => "Technical buyer",
        _ => role.ToString(),
    };

    public static string Label(this Attitude attitude) => attitude.ToString();

    public static string Label(this RelationshipStrength strength) => strength switch
    {
        RelationshipStrength.TrustedAdvisor => "Trusted advisor",
        _ => strength.ToString(),
    };

    /// <summary>Decision makers and economic buyers: the people whose "no" ends a deal.</summary>
    public static bool Decides(this BuyingRole? role) => role is BuyingRole.DecisionMaker or BuyingRole.EconomicBuyer;

    /// <summary>Working level or better: someone who would pick up the phone to us.</summary>
    public static bool Counts(this RelationshipStrength strength) => strength >= RelationshipStrength.Working;

    public static bool IsNegative(this Attitude? attitude) => attitude is Attitude.Sceptic or Attitude.Opponent;
}
