namespace Steward.Features.Interactions;

/// <summary>What kind of contact with the customer (or note about it) was logged.</summary>
public enum InteractionKind
{
    Meeting,
    Call,
    Email,
    Chat,
    Visit,
    Event,
    /// <summary>An internal note about the account: no customer was contacted.</summary>
    Note,
}

/// <summary>The meeting types of the KAM practice (seeds 000/001, "Meetings").</summary>
public enum MeetingType
{
    Qbr,
    Preparation,
    Relationship,
    IssueResolution,
    Contract,
    Supplier,
    Expansion,
    Introduction,
    InternalTraining,
    Planning,
}

/// <summary>How we communicated (seed 003, "Communicate with account customer").</summary>
public enum InteractionChannel
{
    Email,
    Phone,
    InPerson,
    Video,
    OnlineChat,
}

public static class InteractionText
{
    public static string Label(this InteractionKind kind) => kind.ToString();

    public static string Label(this MeetingType type) => type switch
    {
        MeetingType.Qbr => "QBR",
        MeetingType.Preparation => "Preparation (internal)",
        MeetingType.Relationship => "Relationship",
        MeetingType.IssueResolution => "Issue resolution",
        MeetingType.Contract => "Contract",
        MeetingType.Supplier => "Supplier",
        MeetingType.Expansion => "Expansion",
        MeetingType.Introduction => "Introduction",
        MeetingType.InternalTraining => "Internal training / workshop",
        MeetingType.Planning => "Optimisation / planning",
        _ => type.ToString(),
    };

    public static string Label(this InteractionChannel channel) => channel switch
    {
        InteractionChannel.InPerson => "In person",
        InteractionChannel.OnlineChat => "Online chat",
        _ => channel.ToString(),
    };

    public static string Icon(this InteractionKind kind) => kind switch
    {
        InteractionKind.Meeting => MudBlazor.Icons.Material.Outlined.Groups,
        InteractionKind.Call => MudBlazor.Icons.Material.Outlined.Call,
        InteractionKind.Email => MudBlazor.Icons.Material.Outlined.Email,
        InteractionKind.Chat => MudBlazor.Icons.Material.Outlined.Chat,
        InteractionKind.Visit => MudBlazor.Icons.Material.Outlined.Place,
        InteractionKind.Event => MudBlazor.Icons.Material.Outlined.Event,
        _ => MudBlazor.Icons.Material.Outlined.StickyNote2,
    };

    /// <summary>The channel a kind usually goes through, preselected in the form.</summary>
    public static InteractionChannel? DefaultChannel(this InteractionKind kind) => kind switch
    {
        InteractionKind.Call => InteractionChannel.Phone,
        InteractionKind.Email => InteractionChannel.Email,
        InteractionKind.Chat => InteractionChannel.OnlineChat,
        InteractionKind.Visit or InteractionKind.Event => InteractionChannel.InPerson,
        InteractionKind.Meeting => InteractionChannel.Video,
        _ => null,
    };

    /// <summary>
    /// Whether the interaction is contact with the customer, the kind cadence rules and "last
    /// contacted" count: internal notes, preparation and internal training are not.
    /// </summary>
    public static bool IsCustomerTouch(InteractionKind kind, MeetingType? type) =>
        kind != InteractionKind.Note && type is not (MeetingType.Preparation or MeetingType.InternalTraining);
}
