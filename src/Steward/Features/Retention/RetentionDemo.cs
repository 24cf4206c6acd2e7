using Bogus;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Accounts;
using Steward.Features.Cases;
using Steward.Features.Contracts;
using Steward.Features.Opportunities;
using Steward.Features.Tasks;
using Steward.Features.Users;

namespace Steward.Features.Retention;

/// <summary>
/// The demo's contracts (renewals over the next twelve months, some at risk), opportunities in every
/// stage for each account manager, targets for this quarter and the next, and open, escalated and
/// resolved cases. Its own fixed seed, and every date relative to the clock.
/// </summary>
internal static class RetentionDemo
{
    private static readonly string[] LostReasons = ["Lost to a competitor on price", "No budget this year", "Customer postponed indefinitely", "Went with their incumbent"];
    private static readonly string[] RiskReasons =
    [
        "New CFO is reviewing every supplier contract.",
        "Usage down 30% since the spring reorganisation.",
        "Competitor pilot running in the Nordics.",
        "Invoice disputes soured the relationship with procurement.",
        "Our sponsor left the company; no replacement contact yet.",
    ];
    private static readonly string[] ActionPlans =
    [
        "Executive sponsor meets the CFO before the notice date; value review with savings delivered in the QBR.",
        "Usage workshop with each region; propose a right-sized tier with a two-year price lock.",
        "Joint roadmap session with IT; reference call with a customer in their sector.",
        "Clear the open invoices, credit note for the disputed month, monthly billing review.",
    ];

    public static async Task SeedAsync(StewardDbContext db, IReadOnlyList<Account> accounts, IReadOnlyDictionary<string, StewardUser> people, TimeProvider clock, CancellationToken ct)
    {
        var random = new Randomizer(7007);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = Quarter.Today(clock);
        var stages = await db.Set<OpportunityStage>().Where(s => s.IsActive).ToListAsync(ct);
        var customers = accounts.Where(a => a.Status is not (AccountStatus.Prospect or AccountStatus.Churned)).ToList();

        var contracts = Contracts(random, customers, today);
        db.AddRange(contracts);
        await db.SaveChangesAsync(ct);

        var opportunities = Opportunities(random, customers, stages, today, now);
        opportunities.AddRange(Renewals(contracts, accounts, stages, today, now));
        foreach (var opportunity in opportunities) AddHistory(db, random, opportunity, stages, now);
        db.AddRange(opportunities);
        await db.SaveChangesAsync(ct);
        db.AddRange(RfpTasks(random, opportunities, people, today));

        db.AddRange(Targets(opportunities, people, clock));
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.ManagerId, ct);
        var managerOf = people.Values.Where(u => u.TeamId is not null).ToDictionary(u => u.Id, u => teams.GetValueOrDefault(u.TeamId!.Value));
        AddCases(db, random, customers, managerOf, now);
        await db.SaveChangesAsync(ct);
    }

    private static List<Contract> Contracts(Randomizer random, List<Account> customers, DateOnly today)
    {
        var contracts = new List<Contract>();
        for (var i = 0; i < customers.Count; i++)
        {
            var account = customers[i];
            var yearly = account.RevenueLines.Where(r => r.Period >= new DateOnly(today.Year, today.Month, 1).AddMonths(-12)).Sum(r => r.Amount);
            // Spread the end dates evenly over the coming year, with a few already past and undecided.
            var end = today.AddDays(i * 380 / customers.Count - 12 + random.Int(0, 9));
            var daysLeft = end.DayNumber - today.DayNumber;
            var risk = account.Status == AccountStatus.AtRisk ? RenewalRisk.AtRisk
                : random.WeightedRandom([RenewalRisk.Good, RenewalRisk.Monitor, RenewalRisk.AtRisk], [0.62f, 0.23f, 0.15f]);
            var reference = $"C-{today.Year - 1}-{1000 + i}";
            var contract = new Contract
            {
                Account = account,
                AccountId = account.Id,
                Name = $"{random.ArrayElement(["Managed Travel", "Meetings & Events", "Consulting", "Expense Management", "Reporting & Analytics"])} agreement",
                Reference = reference,
                StartDate = end.AddYears(-random.Int(1, 3)).AddDays(1),
                EndDate = end,
                AnnualValue = Math.Max(20_000, Math.Round(yearly * random.Decimal(0.7m, 1.0m) / 1000) * 1000),
                Currency = account.Currency,
                AutoRenew = random.Bool(0.4f),
                NoticePeriodDays = random.ArrayElement([30, 60, 90]),
                Status = ContractStatus.Active,
                RenewalRisk = risk,
                Documents = [new ContractDocument { Title = "Signed agreement", Url = $"https://dms.example.com/contracts/{reference}.pdf" }],
            };
            if (risk == RenewalRisk.AtRisk)
            {
                contract.RiskReason = random.ArrayElement(RiskReasons);
                contract.ActionPlan = random.ArrayElement(ActionPlans);
            }
            else if (risk == RenewalRisk.Monitor)
            {
                contract.RiskReason = random.ArrayElement(RiskReasons);
                if (daysLeft >= 0 && daysLeft <= ContractService.DecisionDays)
                {
                    // What the renewal sweep did to the ones nobody decided at 90 days: at risk, and a plan is still owed.
                    contract.RenewalRisk = RenewalRisk.AtRisk;
                    contract.RiskReason += " (Still on Monitor 90 days before the end date: nobody decided.)";
                }
            }
            contracts.Add(contract);
        }
        return contracts;
    }

    /// <summary>What the renewal sweep would have opened already: contracts within the default lead time.</summary>
    private static IEnumerable<Opportunity> Renewals(List<Contract> contracts, IReadOnlyList<Account> accounts, List<OpportunityStage> stages, DateOnly today, DateTime now)
    {
        var lead = new RetentionOptions().RenewalLeadDays;
        var renewalStages = stages.Where(s => s.Type == OpportunityType.Renewal && s.Outcome == StageOutcome.Open).OrderBy(s => s.Position).ToList();
        foreach (var contract in contracts.Where(c => c.EndDate >= today && c.EndDate.DayNumber - today.DayNumber <= lead))
        {
            var daysLeft = contract.EndDate.DayNumber - today.DayNumber;
            var stage = renewalStages[Math.Clamp((lead - daysLeft) / 30, 0, renewalStages.Count - 1)];
            yield return new Opportunity
            {
                AccountId = contract.AccountId,
                Name = $"Renewal: {contract.Name}",
                Type = OpportunityType.Renewal,
                StageId = stage.Id,
                Stage = stage,
                Amount = contract.AnnualValue,
                Currency = contract.Currency,
                Probability = contract.RenewalRisk == RenewalRisk.AtRisk ? Math.Min(stage.Probability, 30) : stage.Probability,
                CloseDate = contract.EndDate,
                OwnerId = accounts.Single(a => a.Id == contract.AccountId).OwnerId,
                ForecastCategory = contract.RenewalRisk switch { RenewalRisk.Good => ForecastCategory.Commit, RenewalRisk.Monitor => ForecastCategory.BestCase, _ => ForecastCategory.Pipeline },
                Source = OpportunitySource.Contract,
                Description = $"Opened automatically {lead} days ahead of the end of the contract term on {contract.EndDate:d MMM yyyy}.",
                ContractId = contract.Id,
                RenewalTermEnd = contract.EndDate,
                StageChangedAt = now.AddDays(-((lead - daysLeft) % 30)),
            };
        }
    }

    private static List<Opportunity> Opportunities(Randomizer random, List<Account> customers, List<OpportunityStage> stages, DateOnly today, DateTime now)
    {
        var names = new Dictionary<OpportunityType, string[]>
        {
            [OpportunityType.Expansion] = ["APAC rollout", "Add the US subsidiaries", "Extend to all business units", "Group-wide consolidation"],
            [OpportunityType.CrossSell] = ["Expense management add-on", "Reporting & analytics suite", "Meetings & events programme"],
            [OpportunityType.NewProduct] = ["Carbon reporting pilot", "Duty-of-care module", "Virtual payments"],
            [OpportunityType.Rfp] = ["Global travel tender", "Procurement RFP 2027", "Events agency tender"],
            [OpportunityType.ProForma] = ["Pro-forma for the board offsite", "Pro-forma: summit logistics"],
        };
        var opportunities = new List<Opportunity>();
        foreach (var account in customers)
        {
            for (var n = random.Int(1, 3); n > 0; n--)
            {
                var type = random.ArrayElement(names.Keys.ToArray());
                var stage = random.ArrayElement(stages.Where(s => s.Type == type).ToArray());
                var open = stage.Outcome == StageOutcome.Open;
                var close = open ? today.AddDays(random.Int(-5, 200)) : today.AddDays(-random.Int(1, 100));
                var category = stage.Outcome switch
                {
                    StageOutcome.Won => ForecastCategory.Closed,
                    StageOutcome.Lost => ForecastCategory.Omitted,
                    _ when stage.Position >= 40 => random.WeightedRandom([ForecastCategory.Commit, ForecastCategory.BestCase], [0.7f, 0.3f]),
                    _ when stage.Position >= 30 => random.WeightedRandom([ForecastCategory.BestCase, ForecastCategory.Commit, ForecastCategory.Pipeline], [0.5f, 0.2f, 0.3f]),
                    _ => random.WeightedRandom([ForecastCategory.Pipeline, ForecastCategory.Omitted], [0.9f, 0.1f]),
                };
                opportunities.Add(new Opportunity
                {
                    AccountId = account.Id,
                    Name = random.ArrayElement(names[type]),
                    Type = type,
                    StageId = stage.Id,
                    Stage = stage,
                    Amount = Math.Round(random.Decimal(15, 400)) * 1000,
                    Currency = account.Currency,
                    Probability = stage.Probability,
                    CloseDate = close,
                    OwnerId = account.OwnerId,
                    ForecastCategory = category,
                    Source = random.WeightedRandom([OpportunitySource.Plan, OpportunitySource.Insight, OpportunitySource.Qbr, OpportunitySource.CustomerRequest], [0.35f, 0.2f, 0.25f, 0.2f]),
                    LostReason = stage.Outcome == StageOutcome.Lost ? random.ArrayElement(LostReasons) : null,
                    RfpDueDate = type == OpportunityType.Rfp && open ? today.AddDays(random.Int(5, 40)) : null,
                    ClosedAt = open ? null : close.ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc),
                    StageChangedAt = now.AddDays(-random.Int(1, 40)),
                });
            }
        }
        // Every account manager's board has something in every stage.
        foreach (var owned in customers.GroupBy(a => a.OwnerId))
        {
            foreach (var stage in stages.Where(s => s.Type == OpportunityType.Expansion))
            {
                if (opportunities.Any(o => o.OwnerId == owned.Key && o.Stage!.Name == stage.Name)) continue;
                var account = random.ArrayElement(owned.ToArray());
                var open = stage.Outcome == StageOutcome.Open;
                var close = open ? today.AddDays(random.Int(10, 80)) : today.AddDays(-random.Int(1, 30));
                opportunities.Add(new Opportunity
                {
                    AccountId = account.Id,
                    Name = random.ArrayElement(names[OpportunityType.Expansion]),
                    Type = OpportunityType.Expansion,
                    StageId = stage.Id,
                    Stage = stage,
                    Amount = Math.Round(random.Decimal(20, 250)) * 1000,
                    Currency = account.Currency,
                    Probability = stage.Probability,
                    CloseDate = close,
                    OwnerId = account.OwnerId,
                    ForecastCategory = stage.Outcome switch { StageOutcome.Won => ForecastCategory.Closed, StageOutcome.Lost => ForecastCategory.Omitted, _ => stage.Position >= 40 ? ForecastCategory.Commit : ForecastCategory.Pipeline },
                    Source = OpportunitySource.Plan,
                    LostReason = stage.Outcome == StageOutcome.Lost ? random.ArrayElement(LostReasons) : null,
                    ClosedAt = open ? null : close.ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc),
                    StageChangedAt = now.AddDays(-random.Int(1, 40)),
                });
            }
        }
        return opportunities;
    }

    /// <summary>A believable path to the current stage: through the open stages in order, days apart.</summary>
    private static void AddHistory(StewardDbContext db, Randomizer random, Opportunity opportunity, List<OpportunityStage> stages, DateTime now)
    {
        var path = stages.Where(s => s.Type == opportunity.Type && s.Outcome == StageOutcome.Open && s.Position <= opportunity.Stage!.Position).OrderBy(s => s.Position).ToList();
        if (opportunity.Stage!.Outcome != StageOutcome.Open) path.Add(opportunity.Stage);
        var at = (opportunity.ClosedAt ?? opportunity.StageChangedAt).AddDays(-random.Int(10, 25) * (path.Count - 1));
        opportunity.CreatedAt = at;
        OpportunityStage? from = null;
        foreach (var stage in path)
        {
            db.Add(new OpportunityStageChange
            {
                Opportunity = opportunity,
                AccountId = opportunity.AccountId,
                FromStageId = from?.Id,
                FromStageName = from?.Name,
                ToStageId = stage.Id,
                ToStageName = stage.Name,
                Amount = opportunity.Amount,
                Probability = stage.Probability,
                ByUserId = opportunity.OwnerId,
                At = at,
            });
            from = stage;
            if (stage != path[^1]) at = at.AddDays(random.Int(10, 25));
        }
        opportunity.StageChangedAt = at;
    }

    private static IEnumerable<TaskItem> RfpTasks(Randomizer random, List<Opportunity> opportunities, IReadOnlyDictionary<string, StewardUser> people, DateOnly today)
    {
        var colleagues = people.Values.ToArray();
        foreach (var rfp in opportunities.Where(o => o.RfpDueDate is not null))
        {
            var id = rfp.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            yield return new TaskItem { AccountId = rfp.AccountId, Title = $"Submit the RFP response: {rfp.Name}", AssigneeId = rfp.OwnerId, DueDate = rfp.RfpDueDate, Priority = TaskPriority.High, SourceKind = RfpService.SourceKind, SourceId = id + "/due" };
            foreach (var question in random.ArrayElements(["Section 2: company profile", "Section 4: data protection and security", "Section 5: pricing model", "Section 6: implementation plan", "Section 7: references"], 2))
            {
                var due = rfp.RfpDueDate!.Value.AddDays(-random.Int(2, 5));
                yield return new TaskItem
                {
                    AccountId = rfp.AccountId,
                    Title = $"RFP question: {question}",
                    Description = $"For the RFP response \"{rfp.Name}\", due {rfp.RfpDueDate:d MMM yyyy}.",
                    AssigneeId = random.ArrayElement(colleagues).Id,
                    DueDate = due < today ? today.AddDays(1) : due,
                    Priority = TaskPriority.High,
                    SourceKind = RfpService.SourceKind,
                    SourceId = id,
                };
            }
        }
    }

    /// <summary>Targets that leave some people short and others on track: a forecast worth explaining.</summary>
    private static IEnumerable<SalesTarget> Targets(List<Opportunity> opportunities, IReadOnlyDictionary<string, StewardUser> people, TimeProvider clock)
    {
        var current = Quarter.Current(clock);
        var stretch = new Dictionary<string, decimal> { ["am@steward.demo"] = 1.35m, ["am2@steward.demo"] = 0.9m, ["am3@steward.demo"] = 1.2m, ["manager@steward.demo"] = 1.1m, ["manager2@steward.demo"] = 1.0m };
        foreach (var quarter in new[] { current, current.Next })
        {
            foreach (var (email, factor) in stretch)
            {
                var person = people[email];
                var expected = opportunities.Where(o => o.OwnerId == person.Id && quarter.Contains(o.CloseDate) && o.Currency == "EUR"
                    && (o.ForecastCategory is ForecastCategory.Closed or ForecastCategory.Commit)).Sum(o => o.Amount);
                yield return new SalesTarget
                {
                    UserId = person.Id,
                    Year = quarter.Year,
                    Quarter = quarter.Number,
                    Currency = "EUR",
                    Amount = Math.Max(100_000, Math.Round(expected * factor / 10_000) * 10_000),
                    SetById = people[email.StartsWith("manager", StringComparison.Ordinal) ? "admin@steward.demo" : email == "am3@steward.demo" ? "manager2@steward.demo" : "manager@steward.demo"].Id,
                };
            }
        }
    }

    private static void AddCases(StewardDbContext db, Randomizer random, List<Account> customers, Dictionary<string, string?> managerOf, DateTime now)
    {
        var issues = new (string Title, CaseCategory Category)[]
        {
            ("Invoice for October charged twice", CaseCategory.BillingDiscrepancy),
            ("Payment for Q3 invoices 45 days late", CaseCategory.LatePayment),
            ("Booking tool times out during peak hours", CaseCategory.ProductDefect),
            ("Event materials arrived after the conference", CaseCategory.DeliveryDelay),
            ("Travellers were told the wrong policy limits", CaseCategory.Miscommunication),
            ("Expense export misses VAT lines", CaseCategory.ProductDefect),
            ("Rebate not applied on the annual statement", CaseCategory.BillingDiscrepancy),
            ("Visa service delays for the Singapore team", CaseCategory.DeliveryDelay),
            ("Credit hold blocks new bookings", CaseCategory.LatePayment),
            ("Account team changes were not announced", CaseCategory.Miscommunication),
            ("Duplicate hotel bookings after a sync error", CaseCategory.ProductDefect),
            ("Reporting dashboard shows last year's data", CaseCategory.ProductDefect),
            ("Hotel rates above the negotiated cap", CaseCategory.BillingDiscrepancy),
            ("Onboarding of the new subsidiary delayed", CaseCategory.DeliveryDelay),
        };
        var sla = new RetentionOptions().SlaHours;
        for (var i = 0; i < issues.Length; i++)
        {
            var account = customers[(i * 7 + 3) % customers.Count];
            var severity = random.WeightedRandom([CaseSeverity.Low, CaseSeverity.Medium, CaseSeverity.High, CaseSeverity.Critical], [0.2f, 0.35f, 0.3f, 0.15f]);
            var window = TimeSpan.FromHours(sla[severity.ToString()]);
            // Resolved, open within SLA, escalated once or twice, or overdue at the first level (the sweep escalates it).
            var shape = i % 5;
            var opened = shape switch { 0 => now.AddDays(-random.Int(10, 40)), 1 => now - window * 0.4, 2 => now - window * 1.5, 3 => now - window * 2.5, _ => now - window * 1.1 };
            var manager = managerOf.GetValueOrDefault(account.OwnerId);
            var sponsor = account.TeamMembers.FirstOrDefault(m => m.Role == AccountTeamRole.ExecutiveSponsor)?.UserId;
            var item = new Case
            {
                AccountId = account.Id,
                Title = issues[i].Title,
                Category = issues[i].Category,
                Severity = severity,
                OwnerId = account.OwnerId,
                OpenedAt = opened,
                SlaDueAt = opened + window,
                LevelHolderId = account.OwnerId,
                LevelDueAt = opened + window,
                Status = shape == 1 ? CaseStatus.InProgress : CaseStatus.Open,
                Description = "Raised by the customer's procurement lead; affects several business units.",
                CreatedAt = opened,
            };
            var steps = new List<CaseEscalation> { new() { Case = item, AccountId = account.Id, Level = EscalationLevel.AccountManager, AssigneeId = account.OwnerId, StartedAt = opened, Reason = "Opened", ByUserId = account.OwnerId } };
            void Escalate(EscalationLevel level, string? holder, DateTime at)
            {
                steps[^1].EndedAt = at;
                item.EscalationLevel = level;
                item.LevelHolderId = holder ?? account.OwnerId;
                item.LevelDueAt = at + window;
                steps.Add(new CaseEscalation { Case = item, AccountId = account.Id, Level = level, AssigneeId = item.LevelHolderId, StartedAt = at, Automatic = true, Reason = $"SLA overdue: {severity} cases have {window.TotalHours:0} hours." });
            }
            if (shape is 2 or 3) Escalate(EscalationLevel.Manager, manager ?? sponsor, opened + window);
            if (shape == 3) Escalate(EscalationLevel.ExecutiveSponsor, sponsor ?? manager, opened + window * 2);
            if (shape == 0)
            {
                item.Status = CaseStatus.Resolved;
                item.ResolvedAt = opened + window * 0.7;
                item.Resolution = "Corrected and confirmed with the customer's finance team.";
                item.RootCause = "A manual step in the monthly process was skipped.";
                steps[^1].EndedAt = item.ResolvedAt;
            }
            db.Add(item);
            db.AddRange(steps);
        }
    }
}
