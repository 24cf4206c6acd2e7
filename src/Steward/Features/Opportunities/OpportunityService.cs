using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Contracts;
using Steward.Features.Retention;
using Steward.Infrastructure.Access;
using Steward.Infrastructure.Errors;
using Steward.Infrastructure.Http;

namespace Steward.Features.Opportunities;

/// <summary>Creates, changes, moves and archives opportunities; every stage change is recorded.</summary>
public sealed class OpportunityService(IDbContextFactory<StewardDbContext> dbFactory, Viewer viewer, RfpService rfp, TimeProvider clock)
{
    public async Task<OpportunityDto> CreateAsync(OpportunityInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (stage, contract) = await ValidateAsync(db, input, existing: null, ct);
        var opportunity = new Opportunity { StageChangedAt = Now };
        Apply(input, opportunity, stage);
        if (contract is not null && input.Type == OpportunityType.Renewal) opportunity.RenewalTermEnd = contract.EndDate;
        EnterStage(db, opportunity, null, stage);
        db.Add(opportunity);
        await SaveAsync(db, ct);
        await rfp.SyncDeadlineAsync(opportunity.Id, ct);
        return await ReadAsync(db, opportunity.Id, ct);
    }

    public async Task<OpportunityDto> UpdateAsync(int id, OpportunityInput input, long? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var opportunity = await LoadForChangeAsync(db, id, expectedVersion, ct);
        if (input.AccountId != opportunity.AccountId)
        {
            throw new InvalidInputException(nameof(OpportunityInput.AccountId), "An opportunity cannot move to another account; archive it and create it there.");
        }
        var previous = opportunity.Stage!;
        var (stage, contract) = await ValidateAsync(db, input, opportunity, ct);
        Apply(input, opportunity, stage);
        if (contract is null) opportunity.RenewalTermEnd = null;
        else if (input.Type == OpportunityType.Renewal && opportunity.RenewalTermEnd is null) opportunity.RenewalTermEnd = contract.EndDate;
        if (stage.Id != previous.Id) EnterStage(db, opportunity, previous, stage);
        await SaveAsync(db, ct);
        await rfp.SyncDeadlineAsync(id, ct);
        return await ReadAsync(db, id, ct);
    }

    public async Task<OpportunityDto> PatchAsync(int id, JsonElement patch, long? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var opportunity = await LoadForChangeAsync(db, id, expectedVersion, ct);
        var current = OpportunityInput.From(await ReadAsync(db, id, ct));
        var input = JsonMergePatch.Apply(current, patch);
        // A new stage without a new probability takes the stage's own.
        if (input.StageId != current.StageId && !patch.EnumerateObject().Any(p => p.NameEquals("probability"))) input.Probability = null;
        return await UpdateAsync(id, input, opportunity.Version, ct);
    }

    /// <summary>Moves the opportunity to another stage of its type (the board's drag and drop).</summary>
    public async Task<OpportunityDto> MoveAsync(int id, OpportunityMoveInput move, long? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var opportunity = await LoadForChangeAsync(db, id, expectedVersion, ct);
        var stage = await db.Set<OpportunityStage>().SingleOrDefaultAsync(s => s.Id == move.StageId, ct);
        var errors = new InputErrors();
        if (stage is null || !stage.IsActive) errors.Add(nameof(OpportunityMoveInput.StageId), $"Stage {move.StageId} does not exist or is retired.");
        else if (stage.Type != opportunity.Type) errors.Add(nameof(OpportunityMoveInput.StageId), $"'{stage.Name}' is a stage of {stage.Type.Label()} opportunities, not of {opportunity.Type.Label()}.");
        var lostReason = InputValidation.Clean(move.LostReason) ?? opportunity.LostReason;
        if (stage is { Outcome: StageOutcome.Lost } && lostReason is null) errors.Add(nameof(OpportunityMoveInput.LostReason), "Say why it was lost: price, competitor, no budget, timing…");
        errors.ThrowIfAny();
        if (stage!.Id == opportunity.StageId) return await ReadAsync(db, id, ct);

        var previous = opportunity.Stage!;
        opportunity.StageId = stage.Id;
        opportunity.Stage = stage;
        opportunity.Probability = stage.Probability;
        opportunity.LostReason = stage.Outcome == StageOutcome.Lost ? lostReason : opportunity.LostReason;
        EnterStage(db, opportunity, previous, stage);
        await SaveAsync(db, ct);
        return await ReadAsync(db, id, ct);
    }

    /// <summary>Wins a renewal when its contract is renewed.</summary>
    internal async Task CloseAsWonAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var opportunity = await db.Set<Opportunity>().SingleAsync(o => o.Id == id, ct);
        var won = await db.Set<OpportunityStage>().Where(s => s.Type == opportunity.Type && s.Outcome == StageOutcome.Won && s.IsActive)
            .OrderBy(s => s.Position).FirstAsync(ct);
        await MoveAsync(id, new OpportunityMoveInput(won.Id), null, ct);
    }

    public Task<OpportunityDto> ArchiveAsync(int id, long? expectedVersion, CancellationToken ct = default) => SetArchivedAsync(id, expectedVersion, true, ct);

    public Task<OpportunityDto> RestoreAsync(int id, long? expectedVersion, CancellationToken ct = default) => SetArchivedAsync(id, expectedVersion, false, ct);

    private async Task<OpportunityDto> SetArchivedAsync(int id, long? expectedVersion, bool archived, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var opportunity = await LoadForChangeAsync(db, id, expectedVersion, ct);
        if (opportunity.ArchivedAt is null == archived)
        {
            opportunity.ArchivedAt = archived ? Now : null;
            await SaveAsync(db, ct);
        }
        return await ReadAsync(db, id, ct);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Records the move and applies what entering the stage means: the forecast category and, when it closes, the dates.</summary>
    internal void EnterStage(StewardDbContext db, Opportunity opportunity, OpportunityStage? from, OpportunityStage to)
    {
        opportunity.ForecastCategory = OpportunityStages.CategoryOnEntering(from?.Outcome ?? StageOutcome.Open, to.Outcome, opportunity.ForecastCategory);
        opportunity.StageChangedAt = Now;
        if (to.Outcome == StageOutcome.Open)
        {
            opportunity.ClosedAt = null;
        }
        else if (from is null || from.Outcome == StageOutcome.Open)
        {
            opportunity.ClosedAt = Now;
            // A deal cannot close in the future: it closed today.
            var today = Quarter.Today(clock);
            if (opportunity.CloseDate > today) opportunity.CloseDate = today;
        }
        db.Add(new OpportunityStageChange
        {
            Opportunity = opportunity,
            AccountId = opportunity.AccountId,
            FromStageId = from?.Id,
            FromStageName = from?.Name,
            ToStageId = to.Id,
            ToStageName = to.Name,
            Amount = opportunity.Amount,
            Probability = opportunity.Probability,
            ByUserId = viewer.UserId,
            At = Now,
        });
    }

    private static async Task<Opportunity> LoadForChangeAsync(StewardDbContext db, int id, long? expectedVersion, CancellationToken ct)
    {
        var opportunity = await db.Set<Opportunity>().Include(o => o.Stage).SingleOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("Opportunity", id);
        if (expectedVersion is { } expected)
        {
            if (opportunity.Version != expected)
            {
                throw new PreconditionFailedException($"The opportunity is at version {opportunity.Version}, not {expected}: someone else changed it. Nothing was changed; reload it and apply your edit again.");
            }
            db.Entry(opportunity).Property(o => o.Version).OriginalValue = expected;
        }
        return opportunity;
    }

    private static async Task SaveAsync(StewardDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("Someone else changed this opportunity at the same time. Nothing was changed; reload it and apply your edit again.");
        }
    }

    private static async Task<OpportunityDto> ReadAsync(StewardDbContext db, int id, CancellationToken ct) =>
        await db.Set<Opportunity>().AsNoTracking().Where(o => o.Id == id).Select(OpportunityQueries.ToDto).SingleAsync(ct);

    private async Task<(OpportunityStage Stage, Contract? Contract)> ValidateAsync(StewardDbContext db, OpportunityInput input, Opportunity? existing, CancellationToken ct)
    {
        input.Name = input.Name?.Trim() ?? "";
        input.Currency = (input.Currency ?? "").Trim().ToUpperInvariant();
        input.LostReason = InputValidation.Clean(input.LostReason);
        var errors = InputValidation.Annotations(input);

        var account = input.AccountId > 0
            ? await db.Accounts.Where(a => a.Id == input.AccountId).Select(a => new { a.OwnerId }).SingleOrDefaultAsync(ct)
            : null;
        if (input.AccountId > 0 && account is null) errors.Add(nameof(OpportunityInput.AccountId), $"Account {input.AccountId} does not exist.");

        input.OwnerId = InputValidation.Clean(input.OwnerId) ?? existing?.OwnerId ?? account?.OwnerId ?? viewer.UserId;
        if (input.OwnerId is null || !await db.Users.AnyAsync(u => u.Id == input.OwnerId && u.IsActive, ct))
        {
            errors.Add(nameof(OpportunityInput.OwnerId), "Choose an active colleague to own the opportunity.");
        }

        OpportunityStage? stage;
        if (input.StageId is { } stageId)
        {
            stage = await db.Set<OpportunityStage>().SingleOrDefaultAsync(s => s.Id == stageId, ct);
            if (stage is null || (!stage.IsActive && stage.Id != existing?.StageId))
            {
                errors.Add(nameof(OpportunityInput.StageId), $"Stage {stageId} does not exist or is retired.");
            }
            else if (stage.Type != input.Type)
            {
                errors.Add(nameof(OpportunityInput.StageId), $"'{stage.Name}' is a stage of {stage.Type.Label()} opportunities; choose a stage of {input.Type.Label()}.");
            }
        }
        else
        {
            stage = await db.Set<OpportunityStage>().Where(s => s.Type == input.Type && s.IsActive && s.Outcome == StageOutcome.Open)
                .OrderBy(s => s.Position).FirstOrDefaultAsync(ct);
            if (stage is null) errors.Add(nameof(OpportunityInput.StageId), $"{input.Type.Label()} opportunities have no open stage; ask an admin to add one.");
        }

        if (stage is not null)
        {
            if (stage.Outcome == StageOutcome.Lost && input.LostReason is null)
            {
                errors.Add(nameof(OpportunityInput.LostReason), "Say why it was lost: price, competitor, no budget, timing…");
            }
            if (stage.Outcome == StageOutcome.Open && input.ForecastCategory == ForecastCategory.Closed)
            {
                errors.Add(nameof(OpportunityInput.ForecastCategory), "Closed is for won opportunities: move it to a won stage instead.");
            }
        }

        Contract? contract = null;
        if (input.ContractId is { } contractId)
        {
            contract = await db.Set<Contract>().SingleOrDefaultAsync(c => c.Id == contractId, ct);
            if (contract is null || contract.AccountId != input.AccountId)
            {
                errors.Add(nameof(OpportunityInput.ContractId), "The contract must be one of the account's contracts.");
                contract = null;
            }
            else if (input.Type == OpportunityType.Renewal && existing?.ContractId != contractId)
            {
                var termEnd = contract.EndDate;
                if (await db.Set<Opportunity>().AnyAsync(o => o.ContractId == contractId && o.RenewalTermEnd == termEnd && o.Id != (existing == null ? 0 : existing.Id), ct))
                {
                    errors.Add(nameof(OpportunityInput.ContractId), $"There is already a renewal opportunity for this contract's term ending {termEnd:d MMM yyyy}.");
                }
            }
        }
        if (input.RfpDueDate is not null && input.Type != OpportunityType.Rfp)
        {
            errors.Add(nameof(OpportunityInput.RfpDueDate), "Only RFPs have a response due date.");
        }
        errors.ThrowIfAny();
        return (stage!, contract);
    }

    private static void Apply(OpportunityInput input, Opportunity opportunity, OpportunityStage stage)
    {
        var stageChanged = opportunity.StageId != stage.Id;
        opportunity.AccountId = input.AccountId;
        opportunity.Name = input.Name;
        opportunity.Type = input.Type;
        opportunity.StageId = stage.Id;
        opportunity.Stage = stage;
        opportunity.Amount = input.Amount;
        opportunity.Currency = input.Currency;
        opportunity.Probability = stage.Outcome switch
        {
            StageOutcome.Won => 100,
            StageOutcome.Lost => 0,
            _ => input.Probability ?? (stageChanged ? stage.Probability : opportunity.Probability),
        };
        opportunity.CloseDate = input.CloseDate!.Value;
        opportunity.OwnerId = input.OwnerId!;
        opportunity.ForecastCategory = stage.Outcome switch
        {
            StageOutcome.Won => ForecastCategory.Closed,
            StageOutcome.Lost => ForecastCategory.Omitted,
            _ => input.ForecastCategory,
        };
        opportunity.Source = input.Source;
        opportunity.LostReason = input.LostReason;
        opportunity.Description = InputValidation.Clean(input.Description);
        opportunity.ContractId = input.ContractId;
        opportunity.RfpDueDate = input.Type == OpportunityType.Rfp ? input.RfpDueDate : null;
    }
}
