using Steward.Data;
using Steward.Features.Contacts;
using Steward.Features.Users;

namespace Steward.Features.Relationships;

/// <summary>
/// What we know about a contact as a stakeholder (buying role, influence, attitude) and our
/// engagement plan for them. One row per contact, created on first edit, so the contact itself
/// (its form, API and import) stays as it is.
/// </summary>
public class Stakeholder : TrackedEntity, IAccountOwned
{
    public int ContactId { get; set; }
    public Contact? Contact { get; set; }
    /// <summary>The contact's account, kept here so the account query filter applies.</summary>
    public int AccountId { get; set; }
    public BuyingRole? Role { get; set; }
    /// <summary>1 (little say) to 5 (their word is final).</summary>
    public int? Influence { get; set; }
    public Attitude? Attitude { get; set; }

    // The engagement plan.
    public RelationshipStrength? TargetStrength { get; set; }
    /// <summary>Who on our side is responsible for this stakeholder.</summary>
    public string? PlanOwnerId { get; set; }
    public StewardUser? PlanOwner { get; set; }
    /// <summary>Planned touch frequency: someone of ours speaks with them at least this often.</summary>
    public int? TouchEveryDays { get; set; }
    public string? PlanNotes { get; set; }
    /// <summary>When the touch frequency was set; the first touch is due that many days later.</summary>
    public DateTime? PlanStartedAt { get; set; }
    /// <summary>
    /// When the next planned touch is due: the last contact (or the plan's start) plus the
    /// frequency. Stored, not computed, so the portfolio view can filter on it in SQL.
    /// </summary>
    public DateTime? TouchDueAt { get; set; }

    public bool HasPlan => PlanOwnerId is not null;

    /// <summary>Recomputes <see cref="TouchDueAt"/> from the latest contact any of our people had.</summary>
    public void ScheduleNextTouch(DateTime? lastSpokeAt)
    {
        if (TouchEveryDays is not { } days)
        {
            TouchDueAt = null;
            return;
        }
        var from = lastSpokeAt is { } last && (PlanStartedAt is null || last > PlanStartedAt) ? last : PlanStartedAt;
        TouchDueAt = from?.AddDays(days);
    }
}
