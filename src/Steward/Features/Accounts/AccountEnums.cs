namespace Steward.Features.Accounts;

/// <summary>How much attention an account gets. Key accounts are the few that matter most.</summary>
public enum AccountTier
{
    Unassigned,
    Key,
    Growth,
    Standard,
}

public enum AccountStatus
{
    Prospect,
    Onboarding,
    Active,
    AtRisk,
    Churned,
}

/// <summary>What a colleague does on an account team.</summary>
public enum AccountTeamRole
{
    ExecutiveSponsor,
    TechnicalLead,
    Support,
    Finance,
    Sales,
    Product,
    Other,
}

public static class AccountEnumText
{
    public static string Label(this AccountTier tier) => tier switch
    {
        AccountTier.Key => "Key",
        AccountTier.Growth => "Growth",
        AccountTier.Standard => "Standard",
        _ => "Unassigned",
    };

    public static string Label(this AccountStatus status) => status switch
    {
        AccountStatus.AtRisk => "At risk",
        _ => status.ToString(),
    };

    public static string Label(this AccountTeamRole role) => role switch
    {
        AccountTeamRole.ExecutiveSponsor => "Executive sponsor",
        AccountTeamRole.TechnicalLead => "Technical lead",
        _ => role.ToString(),
    };
}
