using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Accounts;
using Steward.Features.Interactions;
using Steward.Infrastructure.Access;
using Steward.Infrastructure.Errors;
using Steward.Infrastructure.Http;

namespace Steward.Features.Cadence;

/// <summary>
/// Cadence rules and what they say is due. A touch is a customer interaction that has happened
/// (not a note, not an internal meeting); a rule's next touch on an account is due its interval
/// after the last touch that meets it (or after the account was created, if none ever did).
/// Everything is computed in the database per rule, so the portfolio list stays one query per rule.
/// </summary>
public sealed class CadenceService(IDbContextFactory<StewardDbContext> dbFactory, Viewer viewer, TimeProvider clock)
{
    /// <summary>"Due soon" reaches this many days ahead.</summary>
    public const int SoonDays = 7;

    public async Task<IReadOnlyList<CadenceRuleDto>> RulesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<CadenceRule>().AsNoTracking().OrderBy(r => r.Tier == null).ThenBy(r => r.Tier).ThenBy(r => r.IntervalDays).ThenBy(r => r.Id)
            .Select(r => new CadenceRuleDto(r.Id, r.Name, r.Tier, r.StakeholderRole, r.TeamRole, r.Kind, r.MeetingType, r.IntervalDays, r.IsActive, r.Version))
            .ToListAsync(ct);
    }

    public async Task<CadenceRuleDto> CreateRuleAsync(CadenceRuleInput input, CancellationToken ct = default)
    {
        EnsureAdmin();
        Validate(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rule = new CadenceRule();
        Apply(input, rule);
        db.Add(rule);
        await db.SaveChangesAsync(ct);
        return (await RulesAsync(ct)).Single(r => r.Id == rule.Id);
    }

    public async Task<CadenceRuleDto> UpdateRuleAsync(int id, CadenceRuleInput input, long? expectedVersion, CancellationToken ct = default)
    {
        EnsureAdmin();
        Validate(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rule = await db.Set<CadenceRule>().SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Cadence rule", id);
        if (expectedVersion is { } expected)
        {
            if (rule.Version != expected) throw new PreconditionFailedException("The rule changed since you read it. Nothing was changed; reload it.");
            db.Entry(rule).Property(r => r.Version).OriginalValue = expected;
        }
        Apply(input, rule);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("Someone else changed this rule at the same time. Nothing was changed; reload it.");
        }
        return (await RulesAsync(ct)).Single(r => r.Id == id);
    }

    public async Task DeleteRuleAsync(int id, CancellationToken ct = default)
    {
        EnsureAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deleted = await db.Set<CadenceRule>().Where(r => r.Id == id).ExecuteDeleteAsync(ct);
        if (deleted == 0) throw new NotFoundException("Cadence rule", id);
    }

    /// <summary>Every active rule that applies to the account, with its state; most urgent first.</summary>
    public async Task<IReadOnlyList<CadenceDue>> ForAccountAsync(int accountId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Accounts.AnyAsync(a => a.Id == accountId, ct)) throw new NotFoundException("Account", accountId);
        var today = Today();
        var result = new List<CadenceDue>();
        foreach (var rule in await ActiveRulesAsync(db, ct))
        {
            var rows = await Rows(db, rule, db.Accounts.Where(a => a.Id == accountId)).ToListAsync(ct);
            result.AddRange(rows.Select(r => ToDue(rule, r, today)));
        }
        return result.OrderBy(d => d.DueOn).ThenBy(d => d.RuleId).ToList();
    }

    /// <summary>
    /// The touches due by <see cref="CadenceDueQuery.DueBy"/> (default today) across the visible
    /// portfolio, most overdue first, paged. Each rule's query returns its first page×size rows in
    /// due order, so the merged page is exact without reading whole tables.
    /// </summary>
    public async Task<Page<CadenceDue>> DueAsync(CadenceDueQuery query, CancellationToken ct = default)
    {
        var (page, size) = Paging.Clamp(query.Page, query.PageSize);
        var today = Today();
        var dueBy = query.DueBy ?? today;
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var accounts = db.Accounts.AsNoTracking().Where(a => a.ArchivedAt == null && a.Status != AccountStatus.Churned);
        var owner = InputValidation.Clean(query.OwnerId);
        if (string.Equals(owner, "me", StringComparison.OrdinalIgnoreCase)) owner = viewer.UserId ?? "";
        if (owner is not null) accounts = accounts.Where(a => a.OwnerId == owner);
        if (query.Tier is { } tier) accounts = accounts.Where(a => a.Tier == tier);

        var total = 0;
        var merged = new List<CadenceDue>();
        foreach (var rule in await ActiveRulesAsync(db, ct))
        {
            if (query.Tier is { } t && rule.Tier is { } rt && rt != t) continue;
            // Due on or before dueBy  <=>  (last touch or creation) + interval <= dueBy  <=>  it was before this instant.
            var threshold = dueBy.AddDays(1 - rule.IntervalDays).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var rows = Rows(db, rule, accounts).Where(r => (r.LastTouchAt ?? r.CreatedAt) < threshold);
            if (query.ExcludePlanned == true) rows = rows.Where(r => r.NextPlannedAt == null);
            total += await rows.CountAsync(ct);
            var first = await rows.OrderBy(r => r.LastTouchAt ?? r.CreatedAt).ThenBy(r => r.AccountId).Take(page * size).ToListAsync(ct);
            merged.AddRange(first.Select(r => ToDue(rule, r, today)));
        }
        var items = merged.OrderBy(d => d.DueOn).ThenBy(d => d.AccountName).ThenBy(d => d.RuleId).Skip((page - 1) * size).Take(size).ToList();
        return new Page<CadenceDue>(items, page, size, total);
    }

    private static Task<List<CadenceRule>> ActiveRulesAsync(StewardDbContext db, CancellationToken ct) =>
        db.Set<CadenceRule>().AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.Id).ToListAsync(ct);

    /// <summary>The rule's last and next matching touch for each account it applies to.</summary>
    private IQueryable<CadenceRow> Rows(StewardDbContext db, CadenceRule rule, IQueryable<Account> accounts)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (rule.Tier is { } tier) accounts = accounts.Where(a => a.Tier == tier);
        var teamRole = rule.TeamRole;
        // A rule about our executive sponsor applies where the account has one (a missing sponsor is a coverage gap, not a late touch).
        if (teamRole is { } role) accounts = accounts.Where(a => a.TeamMembers.Any(m => m.Role == role));
        var roleContacts = rule.StakeholderRole is { } stakeholderRole ? CadenceStakeholders.ContactIdsInRole(db, stakeholderRole) : null;
        if (roleContacts is not null)
        {
            accounts = accounts.Where(a => db.Contacts.Any(c => c.AccountId == a.Id && c.IsActive && c.ArchivedAt == null && roleContacts.Contains(c.Id)));
        }

        var touches = db.Set<Interaction>().Where(i => i.IsCustomerTouch);
        if (rule.Kind is { } kind) touches = touches.Where(i => i.Kind == kind);
        if (rule.MeetingType is { } meetingType) touches = touches.Where(i => i.MeetingType == meetingType);
        if (roleContacts is not null) touches = touches.Where(i => i.Participants.Any(p => p.ContactId != null && roleContacts.Contains(p.ContactId.Value)));

        return accounts.Select(a => new CadenceRow
        {
            AccountId = a.Id,
            AccountName = a.Name,
            Tier = a.Tier,
            OwnerId = a.OwnerId,
            OwnerName = a.Owner!.DisplayName,
            CreatedAt = a.CreatedAt,
            LastTouchAt = touches
                .Where(i => i.AccountId == a.Id && i.StartsAt <= now
                    && (teamRole == null || a.TeamMembers.Any(m => m.Role == teamRole && (m.UserId == i.OwnerId || i.Participants.Any(p => p.UserId == m.UserId)))))
                .Max(i => (DateTime?)i.StartsAt),
            NextPlannedAt = touches
                .Where(i => i.AccountId == a.Id && i.StartsAt > now
                    && (teamRole == null || a.TeamMembers.Any(m => m.Role == teamRole && (m.UserId == i.OwnerId || i.Participants.Any(p => p.UserId == m.UserId)))))
                .Min(i => (DateTime?)i.StartsAt),
        });
    }

    private static CadenceDue ToDue(CadenceRule rule, CadenceRow row, DateOnly today)
    {
        var dueOn = DateOnly.FromDateTime(row.LastTouchAt ?? row.CreatedAt).AddDays(rule.IntervalDays);
        var status = dueOn < today ? CadenceStatus.Overdue
            : dueOn == today ? CadenceStatus.DueToday
            : dueOn <= today.AddDays(SoonDays) ? CadenceStatus.DueSoon
            : CadenceStatus.OnTrack;
        return new CadenceDue(rule.Id, rule.Name, row.AccountId, row.AccountName, row.Tier, row.OwnerId, row.OwnerName,
            row.LastTouchAt, dueOn, Math.Max(0, today.DayNumber - dueOn.DayNumber), row.NextPlannedAt, status,
            rule.Kind, rule.MeetingType, rule.StakeholderRole, rule.TeamRole);
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private void EnsureAdmin()
    {
        if (!viewer.SeesAll) throw new ForbiddenException("Only an admin can change cadence rules.");
    }

    private static void Validate(CadenceRuleInput input)
    {
        input.Name = input.Name?.Trim() ?? "";
        var errors = InputValidation.Annotations(input);
        if (input.MeetingType is not null && input.Kind is not (null or InteractionKind.Meeting))
        {
            errors.Add(nameof(CadenceRuleInput.MeetingType), "A meeting type only goes with the kind Meeting.");
        }
        if (input.Kind == InteractionKind.Note) errors.Add(nameof(CadenceRuleInput.Kind), "A note is not a touch with the customer.");
        errors.ThrowIfAny();
    }

    private static void Apply(CadenceRuleInput input, CadenceRule rule)
    {
        rule.Name = input.Name;
        rule.Tier = input.Tier;
        rule.StakeholderRole = input.StakeholderRole;
        rule.TeamRole = input.TeamRole;
        rule.Kind = input.MeetingType is not null ? InteractionKind.Meeting : input.Kind;
        rule.MeetingType = input.MeetingType;
        rule.IntervalDays = input.IntervalDays;
        rule.IsActive = input.IsActive;
    }

    /// <summary>One account under one rule, as the database returns it.</summary>
    private sealed class CadenceRow
    {
        public int AccountId { get; init; }
        public string AccountName { get; init; } = "";
        public AccountTier Tier { get; init; }
        public string OwnerId { get; init; } = "";
        public string OwnerName { get; init; } = "";
        public DateTime CreatedAt { get; init; }
        public DateTime? LastTouchAt { get; init; }
        public DateTime? NextPlannedAt { get; init; }
    }
}
