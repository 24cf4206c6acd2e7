using Steward.Features.Users;

namespace Steward.Features.Notifications;

/// <summary>An in-app message to one person: an approval waiting, a decision made, an escalation.</summary>
public class Notification
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public StewardUser? User { get; set; }
    public string Title { get; set; } = "";
    public string? Body { get; set; }
    /// <summary>Where clicking it goes, e.g. /accounts/12.</summary>
    public string? Link { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}
