using Steward.Data;
using Steward.Features.Accounts;
using Steward.Features.Interactions;

namespace Steward.Features.Cadence;

/// <summary>The customer's stakeholder roles a cadence rule can ask to be in touch with (buying roles).</summary>
public enum StakeholderRole
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

/// <summary>
/// How often an account (of a tier) must be touched: by anyone, with a stakeholder in a role, with
/// one of our people in an account team role present, or by a kind of interaction (a QBR). Seed
/// 002: "set a cadence for contacts, meetings, and follow-ups". Admins edit them.
/// </summary>
public class CadenceRule : TrackedEntity
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The tier it applies to; null for every tier.</summary>
    public AccountTier? Tier { get; set; }
    /// <summary>Their side: the touch must include a contact in this role; null for anyone.</summary>
    public StakeholderRole? StakeholderRole { get; set; }
    /// <summary>Our side: a colleague in this account team role must take part; null for anyone.</summary>
    public AccountTeamRole? TeamRole { get; set; }
    /// <summary>Only this kind of interaction counts; null for any customer touch.</summary>
    public InteractionKind? Kind { get; set; }
    /// <summary>Only meetings of this type count (a QBR).</summary>
    public MeetingType? MeetingType { get; set; }
    public int IntervalDays { get; set; }
    public bool IsActive { get; set; } = true;
}
