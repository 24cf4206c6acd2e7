using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steward.Data;
using Steward.Features.Accounts;
using Steward.Features.Notifications;
using Steward.Features.Retention;
using Steward.Infrastructure.Access;
using Steward.Infrastructure.Errors;
using Steward.Infrastructure.Http;

namespace Steward.Features.Cases;

/// <summary>
/// Opens, changes, escalates and resolves cases. Each severity has an SLA; when a level's time runs
/// out the case goes one level up the path (account manager → their manager → executive sponsor)
/// by itself (<see cref="EscalateOverdueAsync"/>), and the person now answerable is notified.
/// </summary>
public sealed class CaseService(
    IDbContextFactory<StewardDbContext> dbFactory,
    Viewer viewer,
    NotificationService notifications,
    IOptions<RetentionOptions> options,
    TimeProvider clock,
    ILogger<CaseService> logger)
{
    public async Task<CaseDto> CreateAsync(CaseInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var accountOwner = await ValidateAsync(db, input, existing: null, ct);
        var now = Now;
        var item = new Case { OpenedAt = now, EscalationLevel = EscalationLevel.AccountManager, LevelHolderId = accountOwner };
        Apply(input, item);
        item.SlaDueAt = now + Sla(item.Severity);
        item.LevelDueAt = item.SlaDueAt;
        db.Add(item);
        db.Add(new CaseEscalation { Case = item, AccountId = item.AccountId, Level = EscalationLevel.AccountManager, AssigneeId = accountOwner, StartedAt = now, Reason = "Opened", ByUserId = viewer.UserId });
        if (accountOwner != viewer.UserId)
        {
            notifications.Notify(db, accountOwner, $"New {item.Severity.ToString().ToLowerInvariant()} case: {item.Title}", $"To be resolved by {item.SlaDueAt:d MMM HH:mm} UTC.", $"/accounts/{item.AccountId}");
        }
        await SaveAsync(db, ct);
        return await ReadAsync(db, item.Id, ct);
    }

    public async Task<CaseDto> UpdateAsync(int id, CaseInput input, long? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await LoadForChangeAsync(db, id, expectedVersion, ct);
        if (input.AccountId != item.AccountId) throw new InvalidInputException(nameof(CaseInput.AccountId), "A case cannot move to another account.");
        await ValidateAsync(db, input, item, ct);
        var severityBefore = item.Severity;
        Apply(input, item);
        if (item.Severity != severityBefore)
        {
            // The SLA follows the severity; the current level's clock restarts from when it got there.
            item.SlaDueAt = item.OpenedAt + Sla(item.Severity);
            var levelStart = await db.Set<CaseEscalation>().Where(e => e.CaseId == id && e.EndedAt == null).OrderByDescending(e => e.StartedAt).Select(e => (DateTime?)e.StartedAt).FirstOrDefaultAsync(ct);
            item.LevelDueAt = item.EscalationLevel == EscalationLevel.AccountManager ? item.SlaDueAt : (levelStart ?? Now) + Sla(item.Severity);
        }
        await SaveAsync(db, ct);
        return await ReadAsync(db, id, ct);
    }

    public async Task<CaseDto> PatchAsync(int id, JsonElement patch, long? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await LoadForChangeAsync(db, id, expectedVersion, ct);
        var input = JsonMergePatch.Apply(CaseInput.From(await ReadAsync(db, id, ct)), patch);
        return await UpdateAsync(id, input, item.Version, ct);
    }

    /// <summary>A person escalates by hand, with a reason: one level up.</summary>
    public async Task<CaseDto> EscalateAsync(int id, CaseEscalationInput input, long? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await LoadForChangeAsync(db, id, expectedVersion, ct);
        var reason = InputValidation.Clean(input.Reason);
        var errors = new InputErrors();
        if (reason is null) errors.Add(nameof(CaseEscalationInput.Reason), "Say why it needs to go higher.");
        else if (reason.Length > 1000) errors.Add(nameof(CaseEscalationInput.Reason), "Reason can be at most 1,000 characters.");
        if (!item.IsOpen) errors.Add("Status", "The case is resolved; reopen it first.");
        else if (item.EscalationLevel == EscalationLevel.ExecutiveSponsor) errors.Add("EscalationLevel", "The case is already with the executive sponsor, the top of the path.");
        errors.ThrowIfAny();
        await EscalateAsync(db, item, reason!, automatic: false, ct);
        await SaveAsync(db, ct);
        return await ReadAsync(db, id, ct);
    }

    public async Task<CaseDto> ResolveAsync(int id, CaseResolutionInput input, long? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await LoadForChangeAsync(db, id, expectedVersion, ct);
        input.Resolution = InputValidation.Clean(input.Resolution);
        input.RootCause = InputValidation.Clean(input.RootCause);
        var errors = InputValidation.Annotations(input);
        if (!item.IsOpen) errors.Add("Status", "The case is already resolved.");
        errors.ThrowIfAny();

        var now = Now;
        item.Status = CaseStatus.Resolved;
        item.ResolvedAt = now;
        item.Resolution = input.Resolution;
        item.RootCause = input.RootCause;
        await EndCurrentLevelAsync(db, id, now, ct);
        if (item.LevelHolderId is { } holder && holder != viewer.UserId && item.EscalationLevel != EscalationLevel.AccountManager)
        {
            notifications.Notify(db, holder, $"Resolved: {item.Title}", input.Resolution, $"/cases/{id}");
        }
        await SaveAsync(db, ct);
        return await ReadAsync(db, id, ct);
    }

    public async Task<CaseDto> ReopenAsync(int id, CaseEscalationInput input, long? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await LoadForChangeAsync(db, id, expectedVersion, ct);
        if (item.IsOpen) throw new InvalidInputException("Status", "The case is open already.");
        var now = Now;
        item.Status = CaseStatus.Open;
        item.ResolvedAt = null;
        item.LevelDueAt = now + Sla(item.Severity);
        db.Add(new CaseEscalation { CaseId = id, AccountId = item.AccountId, Level = item.EscalationLevel, AssigneeId = item.LevelHolderId, StartedAt = now, Reason = "Reopened: " + (InputValidation.Clean(input.Reason) ?? "the issue is back"), ByUserId = viewer.UserId });
        await SaveAsync(db, ct);
        return await ReadAsync(db, id, ct);
    }

    /// <summary>
    /// Moves every open case whose level is past due one level up and notifies the person now
    /// answerable. The new level gets a fresh SLA window, so running it again changes nothing
    /// until that runs out too. Safe with several app nodes: a case changed by another is skipped.
    /// </summary>
    public async Task<int> EscalateOverdueAsync(CancellationToken ct = default)
    {
        var now = Now;
        List<int> overdue;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            overdue = await db.Set<Case>().Where(c => c.Status != CaseStatus.Resolved && c.EscalationLevel != EscalationLevel.ExecutiveSponsor && c.LevelDueAt < now)
                .OrderBy(c => c.LevelDueAt).Select(c => c.Id).ToListAsync(ct);
        }
        var escalated = 0;
        foreach (var id in overdue)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var item = await db.Set<Case>().SingleAsync(c => c.Id == id, ct);
            if (!item.IsOpen || item.EscalationLevel == EscalationLevel.ExecutiveSponsor || item.LevelDueAt >= now) continue;
            var late = now - item.LevelDueAt;
            await EscalateAsync(db, item, $"SLA overdue: {item.EscalationLevel.Label().ToLowerInvariant()} level ran out {Duration(late)} ago ({item.Severity} cases have {Sla(item.Severity).TotalHours:0} hours).", automatic: true, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                escalated++;
            }
            catch (DbUpdateConcurrencyException)
            {
                logger.LogInformation("Case {CaseId} changed while escalating; the next run looks again.", id);
            }
        }
        return escalated;
    }

    private async Task EscalateAsync(StewardDbContext db, Case item, string reason, bool automatic, CancellationToken ct)
    {
        var now = Now;
        var next = item.EscalationLevel + 1;
        var holder = await HolderAsync(db, item.AccountId, next, ct);
        await EndCurrentLevelAsync(db, item.Id, now, ct);
        item.EscalationLevel = next;
        item.LevelHolderId = holder;
        item.LevelDueAt = now + Sla(item.Severity);
        db.Add(new CaseEscalation { CaseId = item.Id, AccountId = item.AccountId, Level = next, AssigneeId = holder, StartedAt = now, Reason = reason, Automatic = automatic, ByUserId = automatic ? null : viewer.UserId });

        var account = await db.Accounts.Where(a => a.Id == item.AccountId).Select(a => a.Name).SingleAsync(ct);
        var title = $"Escalated to you: {item.Title} ({account})";
        if (holder is not null) notifications.Notify(db, holder, title, reason, $"/cases/{item.Id}");
        if (item.OwnerId != holder) notifications.Notify(db, item.OwnerId, $"Escalated to the {next.Label().ToLowerInvariant()}: {item.Title}", reason, $"/cases/{item.Id}");
    }

    /// <summary>
    /// Who answers at a level: the account's owner; the manager of the owner's team; the account
    /// team's executive sponsor. Where a step has nobody, the next one up (or down) stands in.
    /// </summary>
    internal static async Task<string?> HolderAsync(StewardDbContext db, int accountId, EscalationLevel level, CancellationToken ct)
    {
        var account = await db.Accounts.IgnoreQueryFilters().Where(a => a.Id == accountId)
            .Select(a => new
            {
                a.OwnerId,
                Manager = a.Owner!.Team != null ? a.Owner.Team.ManagerId : null,
                Sponsor = a.TeamMembers.Where(m => m.Role == AccountTeamRole.ExecutiveSponsor && m.User!.IsActive).OrderBy(m => m.AddedAt).Select(m => m.UserId).FirstOrDefault(),
            })
            .SingleAsync(ct);
        return level switch
        {
            EscalationLevel.AccountManager => account.OwnerId,
            EscalationLevel.Manager => account.Manager ?? account.Sponsor ?? account.OwnerId,
            _ => account.Sponsor ?? account.Manager ?? account.OwnerId,
        };
    }

    private static async Task EndCurrentLevelAsync(StewardDbContext db, int caseId, DateTime now, CancellationToken ct)
    {
        foreach (var open in await db.Set<CaseEscalation>().Where(e => e.CaseId == caseId && e.EndedAt == null).ToListAsync(ct))
        {
            open.EndedAt = now;
        }
    }

    private TimeSpan Sla(CaseSeverity severity) =>
        TimeSpan.FromHours(options.Value.SlaHours.TryGetValue(severity.ToString(), out var hours) && hours > 0 ? hours : 72);

    internal static string Duration(TimeSpan span) => span.TotalHours < 1 ? $"{Math.Max(1, (int)span.TotalMinutes)} min"
        : span.TotalDays < 2 ? $"{(int)span.TotalHours} h" : $"{(int)span.TotalDays} days";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static async Task<Case> LoadForChangeAsync(StewardDbContext db, int id, long? expectedVersion, CancellationToken ct)
    {
        var item = await db.Set<Case>().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Case", id);
        if (expectedVersion is { } expected)
        {
            if (item.Version != expected)
            {
                throw new PreconditionFailedException($"The case is at version {item.Version}, not {expected}: someone else changed it. Nothing was changed; reload it and apply your edit again.");
            }
            db.Entry(item).Property(c => c.Version).OriginalValue = expected;
        }
        return item;
    }

    private static async Task SaveAsync(StewardDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("Someone else changed this case at the same time. Nothing was changed; reload it and apply your edit again.");
        }
    }

    private async Task<CaseDto> ReadAsync(StewardDbContext db, int id, CancellationToken ct) =>
        await db.Set<Case>().AsNoTracking().Where(c => c.Id == id).Select(CaseQueries.ToDto(Now)).SingleAsync(ct);

    /// <summary>Checks the input; returns the account's owner (the first level of the path).</summary>
    private async Task<string> ValidateAsync(StewardDbContext db, CaseInput input, Case? existing, CancellationToken ct)
    {
        input.Title = input.Title?.Trim() ?? "";
        var errors = InputValidation.Annotations(input);
        var account = input.AccountId > 0 ? await db.Accounts.Where(a => a.Id == input.AccountId).Select(a => new { a.OwnerId }).SingleOrDefaultAsync(ct) : null;
        if (input.AccountId > 0 && account is null) errors.Add(nameof(CaseInput.AccountId), $"Account {input.AccountId} does not exist.");
        if (input.Status == CaseStatus.Resolved && existing?.Status != CaseStatus.Resolved)
        {
            errors.Add(nameof(CaseInput.Status), "Resolve a case with its resolution and root cause (the Resolve action), not by changing its status.");
        }
        else if (existing?.Status == CaseStatus.Resolved && input.Status != CaseStatus.Resolved)
        {
            errors.Add(nameof(CaseInput.Status), "Reopen a resolved case with the Reopen action.");
        }
        input.OwnerId = InputValidation.Clean(input.OwnerId) ?? existing?.OwnerId ?? account?.OwnerId;
        if (input.OwnerId is null || !await db.Users.AnyAsync(u => u.Id == input.OwnerId && u.IsActive, ct))
        {
            errors.Add(nameof(CaseInput.OwnerId), "Choose an active colleague to work on the case.");
        }
        if (input.ContactId is { } contactId && !await db.Contacts.AnyAsync(c => c.Id == contactId && c.AccountId == input.AccountId, ct))
        {
            errors.Add(nameof(CaseInput.ContactId), "The contact must be one of the account's contacts.");
        }
        errors.ThrowIfAny();
        return account!.OwnerId;
    }

    private static void Apply(CaseInput input, Case item)
    {
        item.AccountId = input.AccountId;
        item.Title = input.Title;
        item.Description = InputValidation.Clean(input.Description);
        item.Category = input.Category;
        item.Severity = input.Severity;
        item.Status = input.Status;
        item.OwnerId = input.OwnerId!;
        item.ContactId = input.ContactId;
    }
}
