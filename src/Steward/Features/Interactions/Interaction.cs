using Steward.Data;
using Steward.Features.Accounts;
using Steward.Features.Contacts;
using Steward.Features.Users;

namespace Steward.Features.Interactions;

/// <summary>
/// A meeting, call, email, chat, visit or event with a customer, or an internal note about it.
/// In the future it is planned (it shows in calendars); once its time has passed it counts as
/// contact for cadence and "last contacted".
/// </summary>
public class Interaction : TrackedEntity, IAccountOwned
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public Account? Account { get; set; }
    public InteractionKind Kind { get; set; }
    public MeetingType? MeetingType { get; set; }
    public InteractionChannel? Channel { get; set; }
    public DateTime StartsAt { get; set; }
    public int? DurationMinutes { get; set; }
    public string Subject { get; set; } = "";
    public string? Location { get; set; }
    /// <summary>Markdown.</summary>
    public string? Agenda { get; set; }
    /// <summary>Markdown; rendered sanitised (<see cref="NoteRenderer"/>).</summary>
    public string? Notes { get; set; }
    public string? Outcome { get; set; }
    /// <summary>Our person who organised or logged it and answers for the follow-ups.</summary>
    public string OwnerId { get; set; } = "";
    public StewardUser? Owner { get; set; }
    /// <summary>Denormalised from kind and meeting type so cadence queries stay simple and indexable.</summary>
    public bool IsCustomerTouch { get; set; }
    public List<InteractionParticipant> Participants { get; set; } = [];

    public DateTime EndsAt => StartsAt.AddMinutes(DurationMinutes ?? 30);
}

/// <summary>One person who took part: one of their contacts, or one of our people.</summary>
public class InteractionParticipant : IAccountOwned
{
    public int Id { get; set; }
    public int InteractionId { get; set; }
    public Interaction? Interaction { get; set; }
    /// <summary>Copied from the interaction so the participant rows get the account filter on their own.</summary>
    public int AccountId { get; set; }
    public int? ContactId { get; set; }
    public Contact? Contact { get; set; }
    public string? UserId { get; set; }
    public StewardUser? User { get; set; }
}
