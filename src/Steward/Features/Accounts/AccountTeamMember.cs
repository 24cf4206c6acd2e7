using Steward.Features.Users;

namespace Steward.Features.Accounts;

/// <summary>A colleague who serves on an account (and therefore can see it).</summary>
public class AccountTeamMember
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public Account? Account { get; set; }
    public string UserId { get; set; } = "";
    public StewardUser? User { get; set; }
    public AccountTeamRole Role { get; set; }
    public DateTime AddedAt { get; set; }
}
