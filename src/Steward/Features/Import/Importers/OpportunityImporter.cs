using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Import.Parsing;
using Steward.Features.Opportunities;
using Steward.Features.Tasks;

namespace Steward.Features.Import.Importers;

/// <summary>
/// A CRM's deals into the pipeline: matched on account and name (so re-importing a file updates
/// the deals instead of doubling them), stages matched by name within the deal's type ("Closed
/// Won" is the won stage), owners by email or name. Every new deal and every stage change is
/// recorded in the stage history, as a move on the board would be.
/// </summary>
public sealed class OpportunityImporter(TimeProvider clock) : IImporter
{
    private readonly AccountLookup _accounts = new();
    private Dictionary<string, string> _usersByKey = [];
    private List<OpportunityStage> _stages = [];
    private string _importerId = "";
    private readonly HashSet<string> _warnedOwners = new(StringComparer.OrdinalIgnoreCase);

    public async Task PrepareAsync(StewardDbContext db, ImportJob job, ImportMapping mapping, CancellationToken ct)
    {
        await _accounts.LoadAsync(db, ct);
        _usersByKey = await UserKeys.LoadAsync(db, ct);
        _stages = await db.Set<OpportunityStage>().AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Position).ToListAsync(ct);
        _importerId = job.CreatedById;
    }

    public async Task ProcessAsync(StewardDbContext db, ImportBatch batch, CancellationToken ct)
    {
        var parsed = new List<Parsed>();
        foreach (var row in batch.Rows)
        {
            if (row.Cells.All(c => c.Length == 0)) continue;
            var accountId = _accounts.Resolve(batch, row);
            var name = batch.Text(row, "Name", 200);
            if (name is null && !batch.IsRejected(row)) batch.Reject(row, "Name", "The deal's name is missing.");
            var type = TypeOf(batch, row);
            var stage = type is { } t ? StageOf(batch, row, t) : null;
            var amount = batch.Number(row, "Amount");
            if (amount is < 0) batch.Reject(row, "Amount", "The amount cannot be negative.");
            if (amount is null && !batch.IsRejected(row)) batch.Reject(row, "Amount", "The amount is missing.");
            var closeDate = batch.Date(row, "CloseDate");
            if (closeDate is null && !batch.IsRejected(row)) batch.Reject(row, "CloseDate", "The close date is missing.");
            var probability = batch.Cell(row, "Probability") is { } raw ? ProbabilityOf(batch, row, raw) : null;
            var currency = batch.Currency(row, "Currency");
            var lostReason = batch.Text(row, "LostReason", 500);
            var description = batch.Text(row, "Description", 4000);
            if (batch.IsRejected(row)) continue;
            parsed.Add(new Parsed(row, accountId!.Value, name!, type!.Value, stage!, amount!.Value, currency, closeDate!.Value, probability, lostReason, description));
        }

        var accountIds = parsed.Select(p => p.AccountId).Distinct().ToList();
        var existing = await db.Set<Opportunity>().Where(o => accountIds.Contains(o.AccountId) && o.ArchivedAt == null).ToListAsync(ct);
        var owners = await db.Accounts.Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.OwnerId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var p in parsed)
        {
            var deal = existing.FirstOrDefault(o => o.AccountId == p.AccountId && string.Equals(o.Name, p.Name, StringComparison.OrdinalIgnoreCase));
            var isNew = deal is null;
            var fromStage = isNew ? null : _stages.FirstOrDefault(s => s.Id == deal!.StageId);
            deal ??= new Opportunity { AccountId = p.AccountId, Name = p.Name, Source = OpportunitySource.Other, StageChangedAt = now };
            deal.Type = p.Type;
            deal.Amount = p.Amount;
            deal.Currency = p.Currency;
            deal.CloseDate = p.CloseDate;
            deal.Probability = p.Probability ?? (deal.StageId == p.Stage.Id ? deal.Probability : p.Stage.Probability);
            deal.OwnerId = await OwnerAsync(db, batch, p, deal.OwnerId is { Length: > 0 } current ? current : owners[p.AccountId], ct);
            if (p.LostReason is not null) deal.LostReason = p.LostReason;
            if (p.Description is not null) deal.Description = p.Description;
            if (deal.StageId != p.Stage.Id)
            {
                deal.StageId = p.Stage.Id;
                deal.ForecastCategory = OpportunityStages.CategoryOnEntering(fromStage?.Outcome ?? StageOutcome.Open, p.Stage.Outcome, deal.ForecastCategory);
                deal.StageChangedAt = now;
                deal.ClosedAt = p.Stage.Outcome == StageOutcome.Open ? null : p.CloseDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                db.Add(new OpportunityStageChange
                {
                    Opportunity = deal,
                    AccountId = deal.AccountId,
                    FromStageId = fromStage?.Id,
                    FromStageName = fromStage?.Name,
                    ToStageId = p.Stage.Id,
                    ToStageName = p.Stage.Name,
                    Amount = deal.Amount,
                    Probability = deal.Probability,
                    ByUserId = _importerId,
                    At = now,
                });
            }
            if (isNew)
            {
                db.Add(deal);
                existing.Add(deal);
                batch.Created++;
            }
            else if (db.Entry(deal).State != EntityState.Added && db.Entry(deal).Properties.Any(x => x.IsModified)) batch.Updated++;
            else batch.Unchanged++;
        }
        await db.SaveChangesAsync(ct);
    }

    private static OpportunityType? TypeOf(ImportBatch batch, CsvRow row)
    {
        if (batch.Cell(row, "Type") is not { } raw) return OpportunityType.Expansion;
        var key = ImportFields.Normalize(raw);
        foreach (var type in Enum.GetValues<OpportunityType>())
        {
            if (key == ImportFields.Normalize(type.ToString())) return type;
        }
        OpportunityType? guess = key switch
        {
            _ when key.Contains("renew", StringComparison.Ordinal) || key.Contains("verlang", StringComparison.Ordinal) => OpportunityType.Renewal,
            _ when key.Contains("upsell", StringComparison.Ordinal) || key.Contains("expan", StringComparison.Ordinal) || key.Contains("existingbusiness", StringComparison.Ordinal) => OpportunityType.Expansion,
            _ when key.Contains("cross", StringComparison.Ordinal) => OpportunityType.CrossSell,
            _ when key.Contains("newproduct", StringComparison.Ordinal) || key.Contains("newbusiness", StringComparison.Ordinal) => OpportunityType.NewProduct,
            _ when key.Contains("rfp", StringComparison.Ordinal) || key.Contains("tender", StringComparison.Ordinal) || key.Contains("ausschreibung", StringComparison.Ordinal) => OpportunityType.Rfp,
            _ when key.Contains("proforma", StringComparison.Ordinal) => OpportunityType.ProForma,
            _ => null,
        };
        if (guess is null) batch.Reject(row, "Type", $"'{raw}' is not a deal type (expansion, renewal, cross-sell, new product, RFP, pro-forma).");
        return guess;
    }

    private OpportunityStage? StageOf(ImportBatch batch, CsvRow row, OpportunityType type)
    {
        var raw = batch.Cell(row, "Stage");
        if (raw is null)
        {
            batch.Reject(row, "Stage", "The stage is missing.");
            return null;
        }
        var key = ImportFields.Normalize(raw);
        var stages = _stages.Where(s => s.Type == type).ToList();
        var stage = stages.FirstOrDefault(s => ImportFields.Normalize(s.Name) == key)
            // CRMs say "Closed Won" / "Closed Lost" / "Gewonnen" for the closing stages.
            ?? (key.EndsWith("won", StringComparison.Ordinal) || key is "gewonnen" or "win" ? stages.FirstOrDefault(s => s.Outcome == StageOutcome.Won) : null)
            ?? (key.EndsWith("lost", StringComparison.Ordinal) || key is "verloren" ? stages.FirstOrDefault(s => s.Outcome == StageOutcome.Lost) : null);
        if (stage is null) batch.Reject(row, "Stage", $"'{raw}' is not a stage of {type} deals ({string.Join(", ", stages.Select(s => s.Name))}).");
        return stage;
    }

    private static int? ProbabilityOf(ImportBatch batch, CsvRow row, string raw)
    {
        if (!ValueParser.TryDecimal(raw.TrimEnd('%', ' '), batch.Mapping.DecimalSeparator, out var value, out var problem))
        {
            batch.Reject(row, "Probability", problem!);
            return null;
        }
        // "0.6" and "60" and "60%" all mean sixty per cent.
        var percent = value is > 0 and <= 1 && !raw.Contains('%', StringComparison.Ordinal) ? value * 100 : value;
        if (percent is < 0 or > 100)
        {
            batch.Reject(row, "Probability", $"A probability of {raw} is not between 0 and 100%.");
            return null;
        }
        return (int)Math.Round(percent, MidpointRounding.AwayFromZero);
    }

    private async Task<string> OwnerAsync(StewardDbContext db, ImportBatch batch, Parsed p, string fallback, CancellationToken ct)
    {
        if (batch.Cell(p.Row, "Owner") is not { } owner) return fallback;
        if (_usersByKey.TryGetValue(owner.Trim().ToUpperInvariant(), out var userId) && await AccountAccess.UserCanSeeAsync(db, userId, p.AccountId, ct)) return userId;
        // Said once per name: a file full of a departed colleague's deals is one note, not hundreds.
        if (_warnedOwners.Add(owner)) batch.Warn(p.Row, "Owner", $"'{owner}' is not a Steward user who can see the account; such deals go to the account's owner.");
        return fallback;
    }

    public Task CompleteAsync(StewardDbContext db, ImportJob job, ImportMapping mapping, Func<IEnumerable<CsvRow>> rereadRows, CancellationToken ct) => Task.CompletedTask;

    private sealed record Parsed(CsvRow Row, int AccountId, string Name, OpportunityType Type, OpportunityStage Stage, decimal Amount, string Currency,
        DateOnly CloseDate, int? Probability, string? LostReason, string? Description);
}
