using Steward.Data;
using Steward.Features.Accounts;

namespace Steward.Features.Contacts;

/// <summary>A person at a customer.</summary>
public class Contact : TrackedEntity, IAccountOwned
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public Account? Account { get; set; }
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string? Title { get; set; }
    public string? Department { get; set; }
    public string? Email { get; set; }
    /// <summary>Lower-case email for duplicate detection and import matching.</summary>
    public string? NormalizedEmail { get; set; }
    public string? Phone { get; set; }
    public int? ReportsToId { get; set; }
    public Contact? ReportsTo { get; set; }
    /// <summary>False once the person has left the customer; kept for history.</summary>
    public bool IsActive { get; set; } = true;
    public string? ExternalId { get; set; }
    public string? Notes { get; set; }
    public DateTime? ArchivedAt { get; set; }
    /// <summary>When someone of ours last met, called or wrote to them: kept up to date by the interactions they take part in.</summary>
    public DateTime? LastContactedAt { get; set; }

    public string FullName => $"{FirstName} {LastName}".Trim();
}
