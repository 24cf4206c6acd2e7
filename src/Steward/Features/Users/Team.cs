namespace Steward.Features.Users;

/// <summary>
/// A group of account managers. Its manager sees every account owned or served by a member.
/// </summary>
public class Team
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? ManagerId { get; set; }
    public StewardUser? Manager { get; set; }
    public List<StewardUser> Members { get; set; } = [];
}
