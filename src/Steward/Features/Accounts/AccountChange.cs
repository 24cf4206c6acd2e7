using Steward.Data;

namespace Steward.Features.Accounts;

/// <summary>What kind of thing happened to an account, for its history and timeline.</summary>
public enum AccountChangeKind
{
    Created,
    StatusChanged,
    TierChanged,
    OwnerChanged,
    ParentChanged,
    Archived,
    Restored,
    ScoreChanged,
}

/// <summary>
/// One recorded change of an account: who did what, when, and why. Written by the services that
/// make the change, in the same transaction, so the history cannot miss one.
/// </summary>
public class AccountChange : IAccountOwned
{
    public long Id { get; set; }
    public int AccountId { get; set; }
    public Account? Account { get; set; }
    public AccountChangeKind Kind { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Reason { get; set; }
    /// <summary>Null for changes made by the system (imports, scoring).</summary>
    public string? ByUserId { get; set; }
    public DateTime At { get; set; }
}
