using System.ComponentModel.DataAnnotations;
using Steward.Infrastructure.Http;

namespace Steward.Features.Contacts;

/// <summary>What a person may set on a contact: the body of POST/PUT/PATCH and the edit form's model.</summary>
public sealed class ContactInput
{
    [Range(1, int.MaxValue, ErrorMessage = "Choose the account this contact works for.")]
    public int AccountId { get; set; }

    [Required(ErrorMessage = "First name is required.")]
    [StringLength(100, ErrorMessage = "First name can be at most 100 characters.")]
    public string FirstName { get; set; } = "";

    [Required(ErrorMessage = "Last name is required.")]
    [StringLength(100, ErrorMessage = "Last name can be at most 100 characters.")]
    public string LastName { get; set; } = "";

    [StringLength(150, ErrorMessage = "Title can be at most 150 characters.")]
    public string? Title { get; set; }

    [StringLength(100, ErrorMessage = "Department can be at most 100 characters.")]
    public string? Department { get; set; }

    [StringLength(254, ErrorMessage = "Email can be at most 254 characters.")]
    [EmailAddress(ErrorMessage = "Email must be an address like name@example.com.")]
    public string? Email { get; set; }

    [StringLength(50, ErrorMessage = "Phone can be at most 50 characters.")]
    [RegularExpression(@"^[+0-9()./\s-]{3,50}$", ErrorMessage = "Phone may contain digits, spaces and + ( ) - . / only.")]
    public string? Phone { get; set; }

    public int? ReportsToId { get; set; }

    /// <summary>False once the person has left the customer.</summary>
    public bool IsActive { get; set; } = true;

    [StringLength(100, ErrorMessage = "External id can be at most 100 characters.")]
    public string? ExternalId { get; set; }

    [StringLength(10_000, ErrorMessage = "Notes can be at most 10,000 characters.")]
    public string? Notes { get; set; }

    public static ContactInput From(ContactDto c) => new()
    {
        AccountId = c.AccountId,
        FirstName = c.FirstName,
        LastName = c.LastName,
        Title = c.Title,
        Department = c.Department,
        Email = c.Email,
        Phone = c.Phone,
        ReportsToId = c.ReportsToId,
        IsActive = c.IsActive,
        ExternalId = c.ExternalId,
        Notes = c.Notes,
    };
}

public sealed record ContactDto(
    int Id,
    int AccountId,
    string AccountName,
    string FirstName,
    string LastName,
    string FullName,
    string? Title,
    string? Department,
    string? Email,
    string? Phone,
    int? ReportsToId,
    string? ReportsToName,
    bool IsActive,
    string? ExternalId,
    string? Notes,
    bool Archived,
    long Version,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? LastContactedAt = null) : IVersioned;

public sealed record ContactListQuery
{
    public int? AccountId { get; init; }
    public string? Search { get; init; }
    public bool? IsActive { get; init; }
    public bool? IncludeArchived { get; init; }
    /// <summary>name, account, title, email, updated, lastContacted; prefix with '-' for descending.</summary>
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}
