using System.ComponentModel.DataAnnotations;
using Steward.Features.Accounts;
using Steward.Features.Interactions;
using Steward.Infrastructure.Http;

namespace Steward.Features.Cadence;

public sealed class CadenceRuleInput
{
    [Required(ErrorMessage = "Name is required.")]
    [StringLength(150, ErrorMessage = "Name can be at most 150 characters.")]
    public string Name { get; set; } = "";

    public AccountTier? Tier { get; set; }
    public StakeholderRole? StakeholderRole { get; set; }
    public AccountTeamRole? TeamRole { get; set; }
    public InteractionKind? Kind { get; set; }
    public MeetingType? MeetingType { get; set; }

    [Range(1, 730, ErrorMessage = "Interval must be between 1 and 730 days.")]
    public int IntervalDays { get; set; } = 30;

    public bool IsActive { get; set; } = true;

    public static CadenceRuleInput From(CadenceRuleDto r) => new()
    {
        Name = r.Name,
        Tier = r.Tier,
        StakeholderRole = r.StakeholderRole,
        TeamRole = r.TeamRole,
        Kind = r.Kind,
        MeetingType = r.MeetingType,
        IntervalDays = r.IntervalDays,
        IsActive = r.IsActive,
    };
}

public sealed record CadenceRuleDto(
    int Id, string Name, AccountTier? Tier, StakeholderRole? StakeholderRole, AccountTeamRole? TeamRole,
    InteractionKind? Kind, MeetingType? MeetingType, int IntervalDays, bool IsActive, long Version) : IVersioned;

public enum CadenceStatus
{
    Overdue,
    DueToday,
    DueSoon,
    OnTrack,
}

/// <summary>One rule's state on one account: when it was last met and when the next touch is due.</summary>
public sealed record CadenceDue(
    int RuleId, string RuleName, int AccountId, string AccountName, AccountTier Tier, string OwnerId, string OwnerName,
    DateTime? LastTouchAt, DateOnly DueOn, int DaysOverdue, DateTime? NextPlannedAt, CadenceStatus Status,
    InteractionKind? Kind, MeetingType? MeetingType, StakeholderRole? StakeholderRole, AccountTeamRole? TeamRole);

/// <summary>Filters and page of GET /api/v1/cadence/due.</summary>
public sealed record CadenceDueQuery
{
    /// <summary>A user id, or "me": accounts this person owns.</summary>
    public string? OwnerId { get; init; }
    public AccountTier? Tier { get; init; }
    /// <summary>Touches due on or before this day; default today (the overdue and due-today ones).</summary>
    public DateOnly? DueBy { get; init; }
    /// <summary>Leave out touches already planned (a future interaction that will meet the rule).</summary>
    public bool? ExcludePlanned { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public static class CadenceText
{
    public static string Label(this StakeholderRole role) => role switch
    {
        StakeholderRole.DecisionMaker => "Decision maker",
        StakeholderRole.EconomicBuyer => "Economic buyer",
        StakeholderRole.TechnicalBuyer => "Technical buyer",
        _ => role.ToString(),
    };

    public static string Label(this CadenceStatus status) => status switch
    {
        CadenceStatus.DueToday => "Due today",
        CadenceStatus.DueSoon => "Due soon",
        CadenceStatus.OnTrack => "On track",
        _ => "Overdue",
    };
}
