using System.ComponentModel.DataAnnotations;
using Steward.Features.Tasks;
using Steward.Infrastructure.Http;

namespace Steward.Features.Interactions;

/// <summary>What a person logs: the body of POST/PUT /api/v1/interactions and the log form's model.</summary>
public sealed class InteractionInput
{
    [Range(1, int.MaxValue, ErrorMessage = "Choose the account the interaction was with.")]
    public int AccountId { get; set; }

    [EnumDataType(typeof(InteractionKind), ErrorMessage = "Kind must be one of Meeting, Call, Email, Chat, Visit, Event, Note.")]
    public InteractionKind Kind { get; set; } = InteractionKind.Call;

    /// <summary>Required for meetings, not allowed otherwise.</summary>
    public MeetingType? MeetingType { get; set; }

    /// <summary>Required except for notes.</summary>
    public InteractionChannel? Channel { get; set; }

    /// <summary>When it started (UTC). In the future it is a planned interaction.</summary>
    [Required(ErrorMessage = "Date and time are required.")]
    public DateTime? StartsAt { get; set; }

    [Range(1, 24 * 60, ErrorMessage = "Duration must be between 1 minute and 24 hours.")]
    public int? DurationMinutes { get; set; }

    [Required(ErrorMessage = "Subject is required.")]
    [StringLength(300, ErrorMessage = "Subject can be at most 300 characters.")]
    public string Subject { get; set; } = "";

    [StringLength(300, ErrorMessage = "Location can be at most 300 characters.")]
    public string? Location { get; set; }

    [StringLength(10_000, ErrorMessage = "Agenda can be at most 10,000 characters.")]
    public string? Agenda { get; set; }

    [StringLength(50_000, ErrorMessage = "Notes can be at most 50,000 characters.")]
    public string? Notes { get; set; }

    [StringLength(4_000, ErrorMessage = "Outcome can be at most 4,000 characters.")]
    public string? Outcome { get; set; }

    /// <summary>Our person who answers for it. Empty means the person logging it.</summary>
    public string? OwnerId { get; set; }

    /// <summary>Their people who took part: contacts of the account.</summary>
    public List<int> ContactIds { get; set; } = [];

    /// <summary>Our people who took part, besides the owner.</summary>
    public List<string> UserIds { get; set; } = [];

    /// <summary>Follow-ups to create as tasks (on update: new ones added; existing tasks are edited as tasks).</summary>
    public List<FollowUpInput> FollowUps { get; set; } = [];

    public static InteractionInput From(InteractionDto i) => new()
    {
        AccountId = i.AccountId,
        Kind = i.Kind,
        MeetingType = i.MeetingType,
        Channel = i.Channel,
        StartsAt = i.StartsAt,
        DurationMinutes = i.DurationMinutes,
        Subject = i.Subject,
        Location = i.Location,
        Agenda = i.Agenda,
        Notes = i.Notes,
        Outcome = i.Outcome,
        OwnerId = i.OwnerId,
        ContactIds = i.Participants.Where(p => p.ContactId is not null).Select(p => p.ContactId!.Value).ToList(),
        UserIds = i.Participants.Where(p => p.UserId is not null).Select(p => p.UserId!).ToList(),
    };
}

/// <summary>A follow-up agreed in a meeting or call: it becomes a task linked to the interaction.</summary>
public sealed class FollowUpInput
{
    [Required(ErrorMessage = "Each follow-up needs a title.")]
    [StringLength(300, ErrorMessage = "A follow-up title can be at most 300 characters.")]
    public string Title { get; set; } = "";

    /// <summary>Empty means the interaction's owner.</summary>
    public string? AssigneeId { get; set; }

    public DateOnly? DueDate { get; set; }

    public TaskPriority Priority { get; set; } = TaskPriority.Normal;

    public int? ContactId { get; set; }
}

public sealed record ParticipantDto(int? ContactId, string? UserId, string Name, string? Title);

public sealed record InteractionDto(
    int Id, int AccountId, string AccountName, InteractionKind Kind, MeetingType? MeetingType, InteractionChannel? Channel,
    DateTime StartsAt, int? DurationMinutes, string Subject, string? Location, string? Agenda, string? Notes, string? Outcome,
    string OwnerId, string OwnerName, bool IsCustomerTouch, IReadOnlyList<ParticipantDto> Participants,
    IReadOnlyList<TaskDto> FollowUps, long Version, DateTime CreatedAt, DateTime UpdatedAt) : IVersioned;

/// <summary>One row of an interactions list or a calendar.</summary>
public sealed record InteractionListItem(
    int Id, int AccountId, string AccountName, InteractionKind Kind, MeetingType? MeetingType, InteractionChannel? Channel,
    DateTime StartsAt, int? DurationMinutes, string Subject, string? Location, string OwnerId, string OwnerName, string? Outcome)
{
    public DateTime EndsAt => StartsAt.AddMinutes(DurationMinutes ?? 30);
}

/// <summary>Filters and page of GET /api/v1/interactions.</summary>
public sealed record InteractionListQuery
{
    public int? AccountId { get; init; }
    public InteractionKind? Kind { get; init; }
    public int? ContactId { get; init; }
    /// <summary>Interactions this colleague owns or took part in.</summary>
    public string? UserId { get; init; }
    public DateTime? From { get; init; }
    public DateTime? To { get; init; }
    public string? Search { get; init; }
    /// <summary>startsAt (default, newest first: -startsAt), subject, account.</summary>
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}
