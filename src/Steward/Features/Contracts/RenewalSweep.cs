using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steward.Data;
using Steward.Features.Notifications;
using Steward.Features.Opportunities;
using Steward.Features.Retention;

namespace Steward.Features.Contracts;

public sealed record RenewalSweepResult(int OpportunitiesOpened, int MarkedAtRisk);

/// <summary>
/// The renewal rules that run by themselves: a renewal opportunity opens a lead time ahead of each
/// active contract's end date, and a renewal still on Monitor 90 days before the end becomes At risk
/// (the account manager is told to record an action plan). Safe to run any number of times, on any
/// number of app nodes: what was done is not done again.
/// </summary>
public sealed class RenewalSweep(
    IDbContextFactory<StewardDbContext> dbFactory,
    OpportunityService opportunities,
    NotificationService notifications,
    IOptions<RetentionOptions> options,
    TimeProvider clock,
    ILogger<RenewalSweep> logger)
{
    private const int MaxLeadDays = 730;

    public async Task<RenewalSweepResult> RunAsync(CancellationToken ct = default)
    {
        var opened = await OpenRenewalOpportunitiesAsync(ct);
        var atRisk = await EnforceDecisionAsync(ct);
        return new RenewalSweepResult(opened, atRisk);
    }

    private async Task<int> OpenRenewalOpportunitiesAsync(CancellationToken ct)
    {
        var today = Quarter.Today(clock);
        var defaultLead = options.Value.RenewalLeadDays;
        var (byDefault, longest) = (today.AddDays(defaultLead), today.AddDays(MaxLeadDays));
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var due = await db.Set<Contract>().AsNoTracking()
                .Where(c => c.Status == ContractStatus.Active && c.ArchivedAt == null && c.EndDate >= today
                    && (c.EndDate <= byDefault || (c.RenewalLeadDays != null && c.EndDate <= longest))
                    && !db.Set<Opportunity>().Any(o => o.ContractId == c.Id && o.RenewalTermEnd == c.EndDate))
                .Select(c => new { c.Id, c.EndDate, c.RenewalLeadDays })
                .ToListAsync(ct);
            var ids = due.Where(c => c.EndDate.DayNumber - today.DayNumber <= (c.RenewalLeadDays ?? defaultLead)).Select(c => c.Id).ToList();
            var opened = 0;
            foreach (var id in ids)
            {
                if (await OpenAsync(id, today, ct)) opened++;
            }
            return opened;
        }
    }

    /// <summary>Opens one renewal opportunity; false when another node got there first.</summary>
    private async Task<bool> OpenAsync(int contractId, DateOnly today, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contract = await db.Set<Contract>().Include(c => c.Account).SingleAsync(c => c.Id == contractId, ct);
        var stage = await db.Set<OpportunityStage>().Where(s => s.Type == OpportunityType.Renewal && s.IsActive && s.Outcome == StageOutcome.Open)
            .OrderBy(s => s.Position).FirstOrDefaultAsync(ct);
        if (stage is null)
        {
            logger.LogWarning("Renewal opportunities have no open stage; cannot open the renewal of contract {ContractId}.", contractId);
            return false;
        }
        var lead = contract.RenewalLeadDays ?? options.Value.RenewalLeadDays;
        var opportunity = new Opportunity
        {
            AccountId = contract.AccountId,
            Name = $"Renewal: {contract.Name}",
            Type = OpportunityType.Renewal,
            StageId = stage.Id,
            Stage = stage,
            Amount = contract.AnnualValue,
            Currency = contract.Currency,
            Probability = stage.Probability,
            CloseDate = contract.EndDate,
            OwnerId = contract.Account!.OwnerId,
            ForecastCategory = ForecastCategory.Pipeline,
            Source = OpportunitySource.Contract,
            Description = $"Opened automatically {lead} days ahead of the end of the contract term on {contract.EndDate:d MMM yyyy}"
                + (contract.AutoRenew ? $" (renews by itself unless notice is given by {contract.NoticeDeadline:d MMM yyyy})." : "."),
            ContractId = contract.Id,
            RenewalTermEnd = contract.EndDate,
        };
        opportunities.EnterStage(db, opportunity, null, stage);
        db.Add(opportunity);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (contract, term) index: someone else opened it a moment ago.
            return false;
        }
        notifications.Notify(db, opportunity.OwnerId, $"Renewal opened: {contract.Name}",
            $"{contract.Account.Name}'s contract ends on {contract.EndDate:d MMM yyyy} (in {contract.EndDate.DayNumber - today.DayNumber} days). A renewal opportunity is in your pipeline.",
            $"/opportunities/{opportunity.Id}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Monitor is not allowed within 90 days of the end: undecided renewals become At risk.</summary>
    private async Task<int> EnforceDecisionAsync(CancellationToken ct)
    {
        var today = Quarter.Today(clock);
        var decisionDay = today.AddDays(ContractService.DecisionDays);
        List<int> undecided;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            undecided = await db.Set<Contract>()
                .Where(c => c.Status == ContractStatus.Active && c.ArchivedAt == null && c.RenewalRisk == RenewalRisk.Monitor && c.EndDate >= today && c.EndDate <= decisionDay)
                .Select(c => c.Id).ToListAsync(ct);
        }
        var changed = 0;
        foreach (var id in undecided)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var contract = await db.Set<Contract>().Include(c => c.Account).SingleAsync(c => c.Id == id, ct);
            if (contract.RenewalRisk != RenewalRisk.Monitor) continue;
            const string why = "Still on Monitor 90 days before the end date: nobody decided.";
            contract.RenewalRisk = RenewalRisk.AtRisk;
            contract.RiskReason = contract.RiskReason is null ? why : $"{(contract.RiskReason.Length > 1900 ? contract.RiskReason[..1900] : contract.RiskReason)} ({why})";
            notifications.Notify(db, contract.Account!.OwnerId, $"Renewal at risk: {contract.Name}",
                $"{contract.Account.Name}'s contract ends on {contract.EndDate:d MMM yyyy} and its renewal was still on Monitor. It is now At risk: record an action plan.",
                $"/accounts/{contract.AccountId}");
            try
            {
                await db.SaveChangesAsync(ct);
                changed++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone edited it meanwhile; the next run looks again.
            }
        }
        return changed;
    }
}
