using Steward.Data;
using Steward.Features.Contacts;
using Steward.Features.Users;

namespace Steward.Features.Relationships;

/// <summary>One of our people knows one stakeholder: how well, and when they last spoke.</summary>
public class Relationship : TrackedEntity, IAccountOwned
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public int ContactId { get; set; }
    public Contact? Contact { get; set; }
    public string UserId { get; set; } = "";
    public StewardUser? User { get; set; }
    public RelationshipStrength Strength { get; set; }
    public DateTime? LastSpokeAt { get; set; }
    public string? Notes { get; set; }
}
