using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Contacts;
using Steward.Features.Relationships;
using Steward.Features.Tasks;
using Steward.Infrastructure.Access;
using Steward.Infrastructure.Errors;

namespace Steward.Features.Interactions;

/// <summary>
/// Logs, changes and removes interactions. Anyone who can see the account can log against it.
/// Follow-ups become tasks in the same transaction; contacts' "last contacted" follows.
/// </summary>
public sealed class InteractionService(IDbContextFactory<StewardDbContext> dbFactory, Viewer viewer, TimeProvider clock, RelationshipService relationships)
{
    public async Task<InteractionDto> LogAsync(InteractionInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ValidateAsync(db, input, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var interaction = new Interaction();
        Apply(input, interaction);
        db.Add(interaction);
        await db.SaveChangesAsync(ct);
        AddFollowUps(db, interaction, input.FollowUps);
        await db.SaveChangesAsync(ct);
        await RecordContactAsync(db, interaction, [], ct);

        await transaction.CommitAsync(ct);
        await RecordRelationshipsAsync(interaction, ct);
        return await InteractionQueries.ReadAsync(db, interaction.Id, ct);
    }

    /// <param name="expectedVersion">The version the editor started from (If-Match); null to skip the check.</param>
    public async Task<InteractionDto> UpdateAsync(int id, InteractionInput input, long? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var interaction = await db.Set<Interaction>().Include(i => i.Participants).SingleOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new NotFoundException("Interaction", id);
        if (expectedVersion is { } expected)
        {
            if (interaction.Version != expected)
            {
                throw new PreconditionFailedException($"The interaction is at version {interaction.Version}, not {expected}: someone else changed it. Nothing was changed; reload it and apply your edit again.");
            }
            db.Entry(interaction).Property(i => i.Version).OriginalValue = expected;
        }
        if (input.AccountId != interaction.AccountId)
        {
            throw new InvalidInputException(nameof(InteractionInput.AccountId), "An interaction cannot move to another account; log it there instead.");
        }
        await ValidateAsync(db, input, ct);
        var before = interaction.Participants.Where(p => p.ContactId is not null).Select(p => p.ContactId!.Value).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.RemoveRange(interaction.Participants);
        interaction.Participants = [];
        Apply(input, interaction);
        // A change of participants alone is still an edit of the interaction: bump its version.
        db.Entry(interaction).State = EntityState.Modified;
        AddFollowUps(db, interaction, input.FollowUps);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("Someone else changed this interaction at the same time. Nothing was changed; reload it and apply your edit again.");
        }
        await RecordContactAsync(db, interaction, before, ct);
        await transaction.CommitAsync(ct);
        await RecordRelationshipsAsync(interaction, ct);
        return await InteractionQueries.ReadAsync(db, id, ct);
    }

    /// <summary>Removes a logged interaction (its follow-up tasks stay: they are work someone took on).</summary>
    public async Task DeleteAsync(int id, long? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var interaction = await db.Set<Interaction>().Include(i => i.Participants).SingleOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new NotFoundException("Interaction", id);
        if (expectedVersion is { } expected && interaction.Version != expected)
        {
            throw new PreconditionFailedException("The interaction changed since you read it. Nothing was deleted; reload it.");
        }
        var contacts = interaction.Participants.Where(p => p.ContactId is not null).Select(p => p.ContactId!.Value).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Remove(interaction);
        await db.SaveChangesAsync(ct);
        await RefreshLastContactedAsync(db, contacts, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Everything that follows from contact with the customer having been made (or changed). The
    /// one place to hook more in: relationships' "last spoke" is recorded here too.
    /// </summary>
    private async Task RecordContactAsync(StewardDbContext db, Interaction interaction, IReadOnlyCollection<int> contactsBefore, CancellationToken ct)
    {
        var contactIds = interaction.Participants.Where(p => p.ContactId is not null).Select(p => p.ContactId!.Value).ToList();
        await RefreshLastContactedAsync(db, contactIds.Union(contactsBefore).ToList(), ct);
    }

    /// <summary>
    /// A customer touch that has happened moves "last spoke" forward for every pair of their
    /// stakeholders and our people in it (the owner and our participants). Done after the commit,
    /// in the relationship service's own unit of work: the interaction is already safe, and a
    /// relationship date only ever moves forward, so a retry cannot do harm.
    /// </summary>
    private async Task RecordRelationshipsAsync(Interaction interaction, CancellationToken ct)
    {
        if (!interaction.IsCustomerTouch || interaction.StartsAt > clock.GetUtcNow().UtcDateTime) return;
        var contactIds = interaction.Participants.Where(p => p.ContactId is not null).Select(p => p.ContactId!.Value).ToList();
        var userIds = interaction.Participants.Where(p => p.UserId is not null).Select(p => p.UserId!).Append(interaction.OwnerId).ToList();
        await relationships.RecordContactAsync(interaction.AccountId, contactIds, userIds, interaction.StartsAt, ct);
    }

    /// <summary>
    /// Recomputes "last contacted" of the contacts from the interactions that have happened, so
    /// an edit or a delete that moves the latest one back is reflected too. Written directly (not
    /// through the tracked contact) because it is derived data, not an edit: it must not bump the
    /// contact's version under someone editing them.
    /// </summary>
    internal async Task RefreshLastContactedAsync(StewardDbContext db, IReadOnlyCollection<int> contactIds, CancellationToken ct)
    {
        if (contactIds.Count == 0) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var latest = await db.Set<InteractionParticipant>()
            .Where(p => p.ContactId != null && contactIds.Contains(p.ContactId.Value) && p.Interaction!.IsCustomerTouch && p.Interaction.StartsAt <= now)
            .GroupBy(p => p.ContactId!.Value)
            .Select(g => new { ContactId = g.Key, At = g.Max(p => p.Interaction!.StartsAt) })
            .ToDictionaryAsync(x => x.ContactId, x => (DateTime?)x.At, ct);
        foreach (var contactId in contactIds)
        {
            var at = latest.GetValueOrDefault(contactId);
            await db.Set<Contact>().Where(c => c.Id == contactId).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastContactedAt, at), ct);
        }
    }

    private void AddFollowUps(StewardDbContext db, Interaction interaction, IEnumerable<FollowUpInput> followUps)
    {
        foreach (var followUp in followUps)
        {
            db.Add(new TaskItem
            {
                AccountId = interaction.AccountId,
                ContactId = followUp.ContactId,
                Title = followUp.Title,
                AssigneeId = followUp.AssigneeId ?? interaction.OwnerId,
                DueDate = followUp.DueDate,
                Priority = followUp.Priority,
                CreatedById = viewer.UserId,
                SourceKind = InteractionQueries.FollowUpSource,
                SourceId = interaction.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        }
    }

    private async Task ValidateAsync(StewardDbContext db, InteractionInput input, CancellationToken ct)
    {
        input.Subject = input.Subject?.Trim() ?? "";
        input.OwnerId = InputValidation.Clean(input.OwnerId) ?? viewer.UserId;
        input.ContactIds = (input.ContactIds ?? []).Distinct().ToList();
        input.UserIds = (input.UserIds ?? []).Select(InputValidation.Clean).OfType<string>().Distinct().Where(u => u != input.OwnerId).ToList();
        input.FollowUps = (input.FollowUps ?? []).Where(f => !string.IsNullOrWhiteSpace(f.Title) || f.DueDate is not null || f.AssigneeId is not null).ToList();
        if (input.StartsAt is { Kind: DateTimeKind.Unspecified } unspecified) input.StartsAt = DateTime.SpecifyKind(unspecified, DateTimeKind.Utc);
        if (input.StartsAt is { Kind: DateTimeKind.Local } local) input.StartsAt = local.ToUniversalTime();
        var errors = InputValidation.Annotations(input);

        if (input.Kind == InteractionKind.Meeting && input.MeetingType is null)
        {
            errors.Add(nameof(InteractionInput.MeetingType), "Choose the type of meeting (QBR, relationship, issue resolution…).");
        }
        else if (input.Kind != InteractionKind.Meeting && input.MeetingType is not null)
        {
            errors.Add(nameof(InteractionInput.MeetingType), "Only meetings have a meeting type.");
        }
        if (input.MeetingType is { } type && !Enum.IsDefined(type)) errors.Add(nameof(InteractionInput.MeetingType), "Unknown meeting type.");
        if (input.Kind != InteractionKind.Note && input.Channel is null)
        {
            errors.Add(nameof(InteractionInput.Channel), "Choose the channel: email, phone, in person, video or online chat.");
        }
        if (input.Channel is { } channel && !Enum.IsDefined(channel)) errors.Add(nameof(InteractionInput.Channel), "Unknown channel.");

        var accountVisible = input.AccountId > 0 && await db.Accounts.AnyAsync(a => a.Id == input.AccountId, ct);
        if (input.AccountId > 0 && !accountVisible)
        {
            errors.Add(nameof(InteractionInput.AccountId), $"Account {input.AccountId} does not exist.");
        }
        if (accountVisible) await TaskService.CheckAssigneeAsync(db, input.OwnerId, input.AccountId, errors, ct, nameof(InteractionInput.OwnerId));
        if (input.ContactIds.Count > 0)
        {
            var known = await db.Contacts.CountAsync(c => input.ContactIds.Contains(c.Id) && c.AccountId == input.AccountId, ct);
            if (known != input.ContactIds.Count) errors.Add(nameof(InteractionInput.ContactIds), "Participants must be contacts of this account.");
        }
        if (input.UserIds.Count > 0)
        {
            var known = await db.Users.CountAsync(u => input.UserIds.Contains(u.Id) && u.IsActive, ct);
            if (known != input.UserIds.Count) errors.Add(nameof(InteractionInput.UserIds), "Our participants must be active colleagues.");
        }
        await ValidateFollowUpsAsync(db, input, accountVisible, errors, ct);
        errors.ThrowIfAny();
    }

    private static async Task ValidateFollowUpsAsync(StewardDbContext db, InteractionInput input, bool accountVisible, InputErrors errors, CancellationToken ct)
    {
        for (var n = 0; n < input.FollowUps.Count; n++)
        {
            var followUp = input.FollowUps[n];
            followUp.Title = followUp.Title?.Trim() ?? "";
            followUp.AssigneeId = InputValidation.Clean(followUp.AssigneeId);
            var field = $"{nameof(InteractionInput.FollowUps)}[{n}]";
            foreach (var (key, messages) in InputValidationErrors(followUp))
            {
                foreach (var message in messages) errors.Add($"{field}.{key}", message);
            }
            if (followUp.AssigneeId is { } assignee && accountVisible)
            {
                await TaskService.CheckAssigneeAsync(db, assignee, input.AccountId, errors, ct, $"{field}.{nameof(FollowUpInput.AssigneeId)}");
            }
            if (followUp.ContactId is { } contactId && !await db.Contacts.AnyAsync(c => c.Id == contactId && c.AccountId == input.AccountId, ct))
            {
                errors.Add($"{field}.{nameof(FollowUpInput.ContactId)}", "The contact must be one of the account's contacts.");
            }
        }
    }

    private static IEnumerable<(string Field, string[] Messages)> InputValidationErrors(FollowUpInput input)
    {
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(input, new(input), results, validateAllProperties: true);
        return results.SelectMany(r => r.MemberNames.Select(m => (m, new[] { r.ErrorMessage ?? "Invalid value." })));
    }

    private static void Apply(InteractionInput input, Interaction interaction)
    {
        interaction.AccountId = input.AccountId;
        interaction.Kind = input.Kind;
        interaction.MeetingType = input.Kind == InteractionKind.Meeting ? input.MeetingType : null;
        interaction.Channel = input.Channel;
        interaction.StartsAt = input.StartsAt!.Value;
        interaction.DurationMinutes = input.DurationMinutes;
        interaction.Subject = input.Subject;
        interaction.Location = InputValidation.Clean(input.Location);
        interaction.Agenda = InputValidation.Clean(input.Agenda);
        interaction.Notes = InputValidation.Clean(input.Notes);
        interaction.Outcome = InputValidation.Clean(input.Outcome);
        interaction.OwnerId = input.OwnerId!;
        interaction.IsCustomerTouch = InteractionText.IsCustomerTouch(input.Kind, interaction.MeetingType);
        foreach (var contactId in input.ContactIds)
        {
            interaction.Participants.Add(new InteractionParticipant { AccountId = input.AccountId, ContactId = contactId });
        }
        foreach (var userId in input.UserIds)
        {
            interaction.Participants.Add(new InteractionParticipant { AccountId = input.AccountId, UserId = userId });
        }
    }
}
