using System.ComponentModel.DataAnnotations;
using Steward.Features.Accounts;
using Steward.Infrastructure.Http;

namespace Steward.Features.Relationships;

/// <summary>One of our people and how well they know one stakeholder.</summary>
public sealed record RelationshipDto(
    int Id,
    int AccountId,
    int ContactId,
    string ContactName,
    string UserId,
    string UserName,
    bool UserIsActive,
    RelationshipStrength Strength,
    DateTime? LastSpokeAt,
    string? Notes,
    long Version,
    DateTime UpdatedAt) : IVersioned
{
    /// <summary>Only relationships of colleagues who still work here carry the account.</summary>
    public bool Counts => UserIsActive && Strength.Counts();
}

/// <summary>Where a stakeholder's engagement plan stands.</summary>
public enum PlanStatus
{
    NoPlan,
    OnTrack,
    DueSoon,
    Overdue,
}

/// <summary>A contact seen as a stakeholder: who they are, what they decide, who of ours knows them, and our plan.</summary>
public sealed record StakeholderDto(
    int ContactId,
    int AccountId,
    string Name,
    string? Title,
    string? Department,
    int? ReportsToId,
    bool IsActive,
    BuyingRole? Role,
    int? Influence,
    Attitude? Attitude,
    RelationshipStrength? TargetStrength,
    string? PlanOwnerId,
    string? PlanOwnerName,
    int? TouchEveryDays,
    string? PlanNotes,
    DateTime? TouchDueAt,
    PlanStatus PlanStatus,
    IReadOnlyList<RelationshipDto> Relationships,
    long Version) : IVersioned
{
    /// <summary>The strongest relationship any active colleague has with them.</summary>
    public RelationshipStrength BestStrength =>
        Relationships.Where(r => r.UserIsActive).Select(r => r.Strength).DefaultIfEmpty(RelationshipStrength.None).Max();

    public DateTime? LastSpokeAt => Relationships.Max(r => r.LastSpokeAt);

    /// <summary>True once the best relationship has reached the plan's target (or there is no target).</summary>
    public bool TargetReached => TargetStrength is not { } target || BestStrength >= target;
}

/// <summary>Someone on our side: the account's owner, its team, and anyone else who knows a stakeholder.</summary>
public sealed record OurPersonDto(string UserId, string Name, string? JobTitle, bool IsOwner, AccountTeamRole? TeamRole, bool IsActive)
{
    public string RoleLabel => IsOwner ? "Account owner" : TeamRole?.Label() ?? "Knows a stakeholder";
}

/// <summary>Everything the relationship X-ray of one account shows, read in one go.</summary>
public sealed record RelationshipPicture(
    int AccountId,
    string AccountName,
    AccountTier Tier,
    AccountStatus Status,
    string OwnerId,
    string OwnerName,
    IReadOnlyList<OurPersonDto> People,
    IReadOnlyList<StakeholderDto> Stakeholders,
    DateTime AsOf)
{
    public bool HasExecutiveSponsor => People.Any(p => p.TeamRole == AccountTeamRole.ExecutiveSponsor && p.IsActive);

    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<StakeholderDto> Active => Stakeholders.Where(s => s.IsActive);

    public StakeholderDto? Find(int contactId) => Stakeholders.FirstOrDefault(s => s.ContactId == contactId);

    public OurPersonDto? Person(string userId) => People.FirstOrDefault(p => p.UserId == userId);
}

/// <summary>What may be set on a stakeholder: their attributes, where they sit, and our plan for them.</summary>
public sealed class StakeholderInput
{
    public BuyingRole? Role { get; set; }

    [Range(1, 5, ErrorMessage = "Influence is 1 (little say) to 5 (their word is final).")]
    public int? Influence { get; set; }

    public Attitude? Attitude { get; set; }

    /// <summary>Their manager at the customer: another contact of the same account.</summary>
    public int? ReportsToId { get; set; }

    public RelationshipStrength? TargetStrength { get; set; }

    /// <summary>The colleague responsible for this stakeholder.</summary>
    public string? PlanOwnerId { get; set; }

    [Range(1, 365, ErrorMessage = "Touch frequency is 1 to 365 days.")]
    public int? TouchEveryDays { get; set; }

    [StringLength(2000, ErrorMessage = "Plan notes can be at most 2,000 characters.")]
    public string? PlanNotes { get; set; }

    public static StakeholderInput From(StakeholderDto s) => new()
    {
        Role = s.Role,
        Influence = s.Influence,
        Attitude = s.Attitude,
        ReportsToId = s.ReportsToId,
        TargetStrength = s.TargetStrength,
        PlanOwnerId = s.PlanOwnerId,
        TouchEveryDays = s.TouchEveryDays,
        PlanNotes = s.PlanNotes,
    };
}

/// <summary>A relationship between a stakeholder and one of our people.</summary>
public sealed class RelationshipInput
{
    [Range(1, int.MaxValue, ErrorMessage = "Choose the stakeholder.")]
    public int ContactId { get; set; }

    /// <summary>The colleague who holds the relationship.</summary>
    public string? UserId { get; set; }

    public RelationshipStrength Strength { get; set; } = RelationshipStrength.Acquainted;

    /// <summary>When they last spoke (UTC).</summary>
    public DateTime? LastSpokeAt { get; set; }

    [StringLength(2000, ErrorMessage = "Notes can be at most 2,000 characters.")]
    public string? Notes { get; set; }

    public static RelationshipInput From(RelationshipDto r) => new()
    {
        ContactId = r.ContactId,
        UserId = r.UserId,
        Strength = r.Strength,
        LastSpokeAt = r.LastSpokeAt,
        Notes = r.Notes,
    };
}

/// <summary>Contacts and colleagues who spoke, e.g. the attendees of a meeting (POST …/relationships/contacts).</summary>
public sealed record RecordContactInput(IReadOnlyCollection<int>? ContactIds, IReadOnlyCollection<string>? UserIds, DateTime? At);
