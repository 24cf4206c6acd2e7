using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Tasks;
using Steward.Infrastructure.Errors;
using Steward.Infrastructure.Http;

namespace Steward.Features.Interactions;

/// <summary>Reads of interactions; the query filters limit them to interactions of visible accounts.</summary>
public sealed class InteractionQueries(IDbContextFactory<StewardDbContext> dbFactory)
{
    /// <summary>The task source kind of follow-ups created from an interaction.</summary>
    public const string FollowUpSource = "interaction";

    public async Task<Page<InteractionListItem>> ListAsync(InteractionListQuery query, CancellationToken ct = default)
    {
        var (page, size) = Paging.Clamp(query.Page, query.PageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var items = Filter(db, query);
        var total = await items.CountAsync(ct);
        var descending = query.Sort is null || query.Sort.StartsWith('-');
        IOrderedQueryable<Interaction> ordered = query.Sort?.TrimStart('-', '+').ToLowerInvariant() switch
        {
            null or "" or "startsat" => descending ? items.OrderByDescending(i => i.StartsAt) : items.OrderBy(i => i.StartsAt),
            "subject" => descending ? items.OrderByDescending(i => i.Subject) : items.OrderBy(i => i.Subject),
            "account" => descending ? items.OrderByDescending(i => i.Account!.Name) : items.OrderBy(i => i.Account!.Name),
            _ => throw new InvalidInputException("Sort", $"Cannot sort by '{query.Sort}'. Use startsAt, subject or account, with '-' in front for descending."),
        };
        var list = await ordered.ThenByDescending(i => i.Id).Skip((page - 1) * size).Take(size).Select(ToListItem).ToListAsync(ct);
        return new Page<InteractionListItem>(list, page, size, total);
    }

    /// <summary>Every interaction in a window (for calendars), soonest first, capped.</summary>
    public async Task<IReadOnlyList<InteractionListItem>> BetweenAsync(string? userId, DateTime from, DateTime to, int max = 500, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Filter(db, new InteractionListQuery { UserId = userId, From = from, To = to })
            .Where(i => i.Kind != InteractionKind.Note)
            .OrderBy(i => i.StartsAt).ThenBy(i => i.Id).Take(max).Select(ToListItem).ToListAsync(ct);
    }

    private static IQueryable<Interaction> Filter(StewardDbContext db, InteractionListQuery query)
    {
        var items = db.Set<Interaction>().AsNoTracking();
        if (query.AccountId is { } accountId) items = items.Where(i => i.AccountId == accountId);
        if (query.Kind is { } kind) items = items.Where(i => i.Kind == kind);
        if (query.ContactId is { } contactId) items = items.Where(i => i.Participants.Any(p => p.ContactId == contactId));
        if (InputValidation.Clean(query.UserId) is { } userId)
        {
            items = items.Where(i => i.OwnerId == userId || i.Participants.Any(p => p.UserId == userId));
        }
        if (query.From is { } from) items = items.Where(i => i.StartsAt >= from);
        if (query.To is { } to) items = items.Where(i => i.StartsAt < to);
        if (InputValidation.Clean(query.Search) is { } search)
        {
            var needle = search.ToUpperInvariant();
            items = items.Where(i => i.Subject.ToUpper().Contains(needle));
        }
        return items;
    }

    public async Task<InteractionDto> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ReadAsync(db, id, ct);
    }

    internal static async Task<InteractionDto> ReadAsync(StewardDbContext db, int id, CancellationToken ct)
    {
        var row = await db.Set<Interaction>().AsNoTracking().Where(i => i.Id == id)
            .Select(i => new
            {
                i.Id,
                i.AccountId,
                AccountName = i.Account!.Name,
                i.Kind,
                i.MeetingType,
                i.Channel,
                i.StartsAt,
                i.DurationMinutes,
                i.Subject,
                i.Location,
                i.Agenda,
                i.Notes,
                i.Outcome,
                i.OwnerId,
                OwnerName = i.Owner!.DisplayName,
                i.IsCustomerTouch,
                i.Version,
                i.CreatedAt,
                i.UpdatedAt,
            })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Interaction", id);

        var participants = await db.Set<InteractionParticipant>().AsNoTracking().Where(p => p.InteractionId == id)
            .Select(p => new ParticipantDto(
                p.ContactId, p.UserId,
                p.Contact != null ? p.Contact.FirstName + " " + p.Contact.LastName : p.User != null ? p.User.DisplayName : "",
                p.Contact != null ? p.Contact.Title : p.User != null ? p.User.JobTitle : null))
            .ToListAsync(ct);
        var source = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var followUps = await db.Set<TaskItem>().AsNoTracking().Where(t => t.SourceKind == FollowUpSource && t.SourceId == source)
            .OrderBy(t => t.Id).Select(TaskService.ToDto).ToListAsync(ct);

        return new InteractionDto(row.Id, row.AccountId, row.AccountName, row.Kind, row.MeetingType, row.Channel, row.StartsAt,
            row.DurationMinutes, row.Subject, row.Location, row.Agenda, row.Notes, row.Outcome, row.OwnerId, row.OwnerName,
            row.IsCustomerTouch, participants.OrderBy(p => p.UserId is not null).ThenBy(p => p.Name).ToList(), followUps,
            row.Version, row.CreatedAt, row.UpdatedAt);
    }

    internal static readonly Expression<Func<Interaction, InteractionListItem>> ToListItem = i => new InteractionListItem(
        i.Id, i.AccountId, i.Account!.Name, i.Kind, i.MeetingType, i.Channel, i.StartsAt, i.DurationMinutes, i.Subject,
        i.Location, i.OwnerId, i.Owner!.DisplayName, i.Outcome);
}
