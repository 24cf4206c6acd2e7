using Microsoft.AspNetCore.Identity;

namespace Steward.Features.Users;

/// <summary>A person who signs in to Steward: an account manager, a manager, an admin or a colleague.</summary>
public class StewardUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public string? JobTitle { get; set; }
    public int? TeamId { get; set; }
    public Team? Team { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
}
