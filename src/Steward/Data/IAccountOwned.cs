namespace Steward.Data;

/// <summary>
/// A row that belongs to one account (a contact, a revenue line, a meeting, a contract…). The
/// DbContext gives every such entity the same query filter: visible exactly when its account is.
/// New features get record-level access by implementing this, with nothing else to remember.
/// </summary>
public interface IAccountOwned
{
    int AccountId { get; }
}
