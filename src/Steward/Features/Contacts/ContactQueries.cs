using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Infrastructure.Errors;
using Steward.Infrastructure.Http;

namespace Steward.Features.Contacts;

/// <summary>Reads of contacts; the query filters limit them to contacts of visible accounts.</summary>
public sealed class ContactQueries(IDbContextFactory<StewardDbContext> dbFactory)
{
    public async Task<Page<ContactDto>> ListAsync(ContactListQuery query, CancellationToken ct = default)
    {
        var (page, size) = Paging.Clamp(query.Page, query.PageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contacts = db.Contacts.AsNoTracking();
        if (query.IncludeArchived != true) contacts = contacts.Where(c => c.ArchivedAt == null);
        if (query.AccountId is { } accountId) contacts = contacts.Where(c => c.AccountId == accountId);
        if (query.IsActive is { } active) contacts = contacts.Where(c => c.IsActive == active);
        if (InputValidation.Clean(query.Search) is { } search)
        {
            var needle = search.ToUpperInvariant();
            var email = search.ToLowerInvariant();
            contacts = contacts.Where(c => (c.FirstName + " " + c.LastName).ToUpper().Contains(needle)
                || (c.NormalizedEmail != null && c.NormalizedEmail.Contains(email)));
        }

        var total = await contacts.CountAsync(ct);
        var descending = query.Sort?.StartsWith('-') == true;
        IOrderedQueryable<Contact> ordered = query.Sort?.TrimStart('-', '+').ToLowerInvariant() switch
        {
            "account" => descending ? contacts.OrderByDescending(c => c.Account!.Name) : contacts.OrderBy(c => c.Account!.Name),
            "title" => descending ? contacts.OrderByDescending(c => c.Title) : contacts.OrderBy(c => c.Title),
            "email" => descending ? contacts.OrderByDescending(c => c.Email) : contacts.OrderBy(c => c.Email),
            "updated" => descending ? contacts.OrderByDescending(c => c.UpdatedAt) : contacts.OrderBy(c => c.UpdatedAt),
            "lastcontacted" => descending ? contacts.OrderByDescending(c => c.LastContactedAt) : contacts.OrderBy(c => c.LastContactedAt),
            null or "" or "name" => descending
                ? contacts.OrderByDescending(c => c.LastName).ThenByDescending(c => c.FirstName)
                : contacts.OrderBy(c => c.LastName).ThenBy(c => c.FirstName),
            _ => throw new InvalidInputException("Sort", $"Cannot sort by '{query.Sort}'. Use name, account, title, email, updated or lastContacted, with '-' in front for descending."),
        };
        var items = await ordered.ThenBy(c => c.Id).Skip((page - 1) * size).Take(size).Select(ToDto).ToListAsync(ct);
        return new Page<ContactDto>(items, page, size, total);
    }

    public async Task<ContactDto> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Contacts.AsNoTracking().Where(c => c.Id == id).Select(ToDto).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Contact", id);
    }

    internal static readonly Expression<Func<Contact, ContactDto>> ToDto = c => new ContactDto(
        c.Id, c.AccountId, c.Account!.Name, c.FirstName, c.LastName, c.FirstName + " " + c.LastName, c.Title, c.Department,
        c.Email, c.Phone, c.ReportsToId, c.ReportsTo != null ? c.ReportsTo.FirstName + " " + c.ReportsTo.LastName : null,
        c.IsActive, c.ExternalId, c.Notes, c.ArchivedAt != null, c.Version, c.CreatedAt, c.UpdatedAt, c.LastContactedAt);
}
