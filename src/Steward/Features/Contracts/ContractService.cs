using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Opportunities;
using Steward.Features.Retention;
using Steward.Infrastructure.Errors;
using Steward.Infrastructure.Http;

namespace Steward.Features.Contracts;

/// <summary>Creates, changes, renews and archives contracts, enforcing the renewal rules.</summary>
public sealed class ContractService(IDbContextFactory<StewardDbContext> dbFactory, OpportunityService opportunities, TimeProvider clock)
{
    /// <summary>From this many days before the end date, a renewal is Good or At risk: Monitor is no longer allowed.</summary>
    public const int DecisionDays = 90;

    public async Task<ContractDto> CreateAsync(ContractInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ValidateAsync(db, input, ct);
        var contract = new Contract();
        Apply(input, contract);
        db.Add(contract);
        await db.SaveChangesAsync(ct);
        return await ReadAsync(db, contract.Id, ct);
    }

    public async Task<ContractDto> UpdateAsync(int id, ContractInput input, long? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contract = await LoadForChangeAsync(db, id, expectedVersion, ct);
        if (input.AccountId != contract.AccountId)
        {
            throw new InvalidInputException(nameof(ContractInput.AccountId), "A contract cannot move to another account; archive it and create it there.");
        }
        await ValidateAsync(db, input, ct);
        Apply(input, contract);
        await SaveAsync(db, ct);
        return await ReadAsync(db, id, ct);
    }

    public async Task<ContractDto> PatchAsync(int id, JsonElement patch, long? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contract = await LoadForChangeAsync(db, id, expectedVersion, ct);
        var input = JsonMergePatch.Apply(ContractInput.From(await ReadAsync(db, id, ct)), patch);
        return await UpdateAsync(id, input, contract.Version, ct);
    }

    /// <summary>
    /// Records an agreed renewal: the term moves to the new end date (and value), the risk is reset,
    /// and the open renewal opportunity of the old term is won.
    /// </summary>
    public async Task<ContractDto> RenewAsync(int id, ContractRenewalInput input, long? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contract = await LoadForChangeAsync(db, id, expectedVersion, ct);
        var errors = new InputErrors();
        if (input.NewEndDate is not { } newEnd) errors.Add(nameof(ContractRenewalInput.NewEndDate), "New end date is required.");
        else if (newEnd <= contract.EndDate) errors.Add(nameof(ContractRenewalInput.NewEndDate), $"The new end date must be after the current one ({contract.EndDate:d MMM yyyy}).");
        if (input.NewAnnualValue is < 0) errors.Add(nameof(ContractRenewalInput.NewAnnualValue), "Annual value must be zero or more.");
        if (contract.Status is ContractStatus.Terminated) errors.Add("Status", "A terminated contract cannot be renewed; create a new contract.");
        errors.ThrowIfAny();

        var oldEnd = contract.EndDate;
        var renewal = await db.Set<Opportunity>().Where(o => o.ContractId == id && o.RenewalTermEnd == oldEnd && o.ArchivedAt == null)
            .Select(o => new { o.Id, o.Stage!.Outcome }).FirstOrDefaultAsync(ct);
        contract.EndDate = input.NewEndDate!.Value;
        if (input.NewAnnualValue is { } value) contract.AnnualValue = value;
        contract.Status = ContractStatus.Active;
        contract.RenewalRisk = RenewalRisk.Good;
        contract.RiskReason = null;
        contract.ActionPlan = null;
        var note = string.Create(CultureInfo.InvariantCulture, $"Renewed on {Quarter.Today(clock):yyyy-MM-dd}: term ending {oldEnd:yyyy-MM-dd} extended to {contract.EndDate:yyyy-MM-dd}.");
        contract.Notes = string.IsNullOrEmpty(contract.Notes) ? note : contract.Notes + "\n" + note;
        await SaveAsync(db, ct);

        if (renewal is { Outcome: StageOutcome.Open })
        {
            await opportunities.CloseAsWonAsync(renewal.Id, ct);
        }
        return await ReadAsync(db, id, ct);
    }

    public Task<ContractDto> ArchiveAsync(int id, long? expectedVersion, CancellationToken ct = default) => SetArchivedAsync(id, expectedVersion, true, ct);

    public Task<ContractDto> RestoreAsync(int id, long? expectedVersion, CancellationToken ct = default) => SetArchivedAsync(id, expectedVersion, false, ct);

    private async Task<ContractDto> SetArchivedAsync(int id, long? expectedVersion, bool archived, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contract = await LoadForChangeAsync(db, id, expectedVersion, ct);
        if (contract.ArchivedAt is null == archived)
        {
            contract.ArchivedAt = archived ? clock.GetUtcNow().UtcDateTime : null;
            await SaveAsync(db, ct);
        }
        return await ReadAsync(db, id, ct);
    }

    private static async Task<Contract> LoadForChangeAsync(StewardDbContext db, int id, long? expectedVersion, CancellationToken ct)
    {
        var contract = await db.Set<Contract>().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Contract", id);
        if (expectedVersion is { } expected)
        {
            if (contract.Version != expected)
            {
                throw new PreconditionFailedException($"The contract is at version {contract.Version}, not {expected}: someone else changed it. Nothing was changed; reload it and apply your edit again.");
            }
            db.Entry(contract).Property(c => c.Version).OriginalValue = expected;
        }
        return contract;
    }

    private static async Task SaveAsync(StewardDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("Someone else changed this contract at the same time. Nothing was changed; reload it and apply your edit again.");
        }
    }

    private async Task<ContractDto> ReadAsync(StewardDbContext db, int id, CancellationToken ct) =>
        await ContractQueries.ReadAsync(db, id, clock, ct) ?? throw new NotFoundException("Contract", id);

    private async Task ValidateAsync(StewardDbContext db, ContractInput input, CancellationToken ct)
    {
        input.Name = input.Name?.Trim() ?? "";
        input.Currency = (input.Currency ?? "").Trim().ToUpperInvariant();
        input.Reference = InputValidation.Clean(input.Reference);
        input.RiskReason = InputValidation.Clean(input.RiskReason);
        input.ActionPlan = InputValidation.Clean(input.ActionPlan);
        input.Documents ??= [];
        var errors = InputValidation.Annotations(input);

        if (input.AccountId > 0 && !await db.Accounts.AnyAsync(a => a.Id == input.AccountId, ct))
        {
            errors.Add(nameof(ContractInput.AccountId), $"Account {input.AccountId} does not exist.");
        }
        if (input is { StartDate: { } start, EndDate: { } end } && end <= start)
        {
            errors.Add(nameof(ContractInput.EndDate), "End date must be after the start date.");
        }

        var today = Quarter.Today(clock);
        if (input is { RenewalRisk: RenewalRisk.Monitor, Status: ContractStatus.Active, EndDate: { } endDate }
            && endDate >= today && endDate.DayNumber - today.DayNumber <= DecisionDays)
        {
            errors.Add(nameof(ContractInput.RenewalRisk),
                $"The contract ends on {endDate:d MMM yyyy}, in {endDate.DayNumber - today.DayNumber} days. From {DecisionDays} days before the end a renewal is Good or At risk: Monitor is no longer allowed.");
        }
        if (input.RenewalRisk == RenewalRisk.AtRisk)
        {
            if (input.RiskReason is null) errors.Add(nameof(ContractInput.RiskReason), "Say why the renewal is at risk.");
            if (input.ActionPlan is null) errors.Add(nameof(ContractInput.ActionPlan), "An at-risk renewal needs an action plan: what will be done, by whom and by when to keep the customer.");
        }

        for (var i = 0; i < input.Documents.Count; i++)
        {
            var doc = input.Documents[i];
            doc.Title = doc.Title?.Trim() ?? "";
            doc.Url = doc.Url?.Trim() ?? "";
            if (doc.Title.Length is 0 or > 200) errors.Add($"Documents[{i}].Title", "Each document needs a title of at most 200 characters.");
            if (doc.Url.Length > 1000 || !Uri.TryCreate(doc.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                errors.Add($"Documents[{i}].Url", "Each document needs a link starting with https:// or http://.");
            }
        }
        if (input.Documents.Count > 50) errors.Add(nameof(ContractInput.Documents), "A contract can have at most 50 document links.");
        errors.ThrowIfAny();
    }

    private static void Apply(ContractInput input, Contract contract)
    {
        contract.AccountId = input.AccountId;
        contract.Name = input.Name;
        contract.Reference = input.Reference;
        contract.StartDate = input.StartDate!.Value;
        contract.EndDate = input.EndDate!.Value;
        contract.AnnualValue = input.AnnualValue;
        contract.Currency = input.Currency;
        contract.AutoRenew = input.AutoRenew;
        contract.NoticePeriodDays = input.NoticePeriodDays;
        contract.Status = input.Status;
        contract.RenewalRisk = input.RenewalRisk;
        contract.RiskReason = input.RiskReason;
        // A plan stays on record when the risk is lifted: it is part of how the renewal was saved.
        contract.ActionPlan = input.ActionPlan;
        contract.RenewalLeadDays = input.RenewalLeadDays;
        contract.Documents = input.Documents.Select(d => new ContractDocument { Title = d.Title, Url = d.Url }).ToList();
        contract.Notes = InputValidation.Clean(input.Notes);
    }
}

public sealed class ContractRenewalInput
{
    public DateOnly? NewEndDate { get; set; }
    public decimal? NewAnnualValue { get; set; }
}
