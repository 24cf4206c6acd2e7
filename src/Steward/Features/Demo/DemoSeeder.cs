using Bogus;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Accounts;
using Steward.Features.Contacts;
using Steward.Features.Revenue;
using Steward.Features.Users;

namespace Steward.Features.Demo;

public sealed class DemoOptions
{
    /// <summary>Seed the demo organisation when the database has no users yet.</summary>
    public bool Seed { get; set; }
    /// <summary>How many customer accounts the demo gets (0 = people only, as the tests use).</summary>
    public int Accounts { get; set; } = 60;
}

/// <summary>
/// Fills a new database with a believable organisation: people, about 60 accounts (some groups with
/// subsidiaries), contacts with reporting lines, account teams and 24 months of revenue. Bogus
/// with a fixed seed makes it the same every time.
/// </summary>
public sealed class DemoSeeder(StewardDbContext db, UserAdministration userAdmin, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    private static readonly string[] Sectors = ["Manufacturing", "Retail", "Financial Services", "Healthcare", "Technology", "Logistics", "Energy", "Food & Beverage", "Pharmaceuticals", "Professional Services"];
    private static readonly (string Country, string Region)[] Places = [("Germany", "EMEA"), ("United Kingdom", "EMEA"), ("France", "EMEA"), ("Netherlands", "EMEA"), ("Sweden", "EMEA"), ("United States", "North America"), ("Canada", "North America"), ("Japan", "APAC"), ("Australia", "APAC"), ("Singapore", "APAC")];
    private static readonly string[] Products = ["Managed Travel", "Consulting", "Meetings & Events", "Expense Management", "Reporting & Analytics"];
    private static readonly string[] Departments = ["Procurement", "Finance", "Operations", "IT", "HR", "Executive Board", "Travel Management"];

    public async Task<bool> SeedIfEmptyAsync(DemoOptions options, CancellationToken ct = default)
    {
        if (await db.Users.AnyAsync(ct)) return false;

        // All or nothing: a half-seeded database would count as "not new" and never be completed.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var people = new Dictionary<string, StewardUser>();
        foreach (var person in DemoOrganisation.People)
        {
            people[person.Email] = await userAdmin.CreateAsync(person, ct);
        }
        if (options.Accounts > 0) await SeedAccountsAsync(options.Accounts, people, ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Seeded the demo organisation: {People} people, {Accounts} accounts.", people.Count, options.Accounts);
        return true;
    }

    private async Task SeedAccountsAsync(int count, Dictionary<string, StewardUser> people, CancellationToken ct)
    {
        var faker = new Faker("en") { Random = new Randomizer(20261125) };
        var owners = new[] { "am@steward.demo", "am2@steward.demo", "am3@steward.demo", "am@steward.demo", "am2@steward.demo", "am3@steward.demo", "manager@steward.demo" }
            .Select(e => people[e]).ToArray();
        var colleagues = people.Values.ToArray();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-24);

        var accounts = new List<Account>();
        var usedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (accounts.Count < count)
        {
            var name = UniqueName(faker, usedNames);
            var owner = faker.PickRandom(owners);
            var parent = NewAccount(faker, name, owner, today);
            accounts.Add(parent);
            // About one group in six has subsidiaries, which share its owner and sector.
            if (faker.Random.Bool(0.17f) && accounts.Count < count - 2)
            {
                parent.Name = name.EndsWith(" Group", StringComparison.Ordinal) ? name : name + " Group";
                parent.NormalizedName = Account.Normalize(parent.Name);
                foreach (var suffix in faker.PickRandom(new[] { "Deutschland GmbH", "UK Ltd", "France SAS", "Nordics AB", "Americas Inc." }, faker.Random.Int(2, 3)))
                {
                    var child = NewAccount(faker, $"{name} {suffix}", owner, today);
                    child.Sector = parent.Sector;
                    child.Parent = parent;
                    accounts.Add(child);
                }
            }
        }

        foreach (var account in accounts)
        {
            AddContacts(faker, account);
            AddTeam(faker, account, colleagues, clock.GetUtcNow().UtcDateTime);
            AddRevenue(faker, account, firstMonth);
        }
        AddScoringInputs(accounts);
        db.Accounts.AddRange(accounts);
        await db.SaveChangesAsync(ct);
        await LinkReportingLinesAsync(faker, ct);
        await DemoRelationships.SeedAsync(db, userAdmin, people, clock.GetUtcNow().UtcDateTime, ct);
        await EngagementDemo.SeedAsync(db, accounts, people["am@steward.demo"].Id, clock, ct);
        await Retention.RetentionDemo.SeedAsync(db, accounts, people, clock, ct);
        await Plans.PlansDemoData.SeedAsync(db, accounts, people, clock, ct);
    }

    private static string UniqueName(Faker faker, HashSet<string> used)
    {
        while (true)
        {
            var name = faker.Random.Bool(0.5f)
                ? faker.Company.CompanyName(0).Replace(",", "", StringComparison.Ordinal)
                : $"{faker.Name.LastName()} {faker.PickRandom("Industries", "Logistics", "Foods", "Systems", "Pharma", "Energy", "Partners", "Retail", "Holding", "Technologies")}";
            if (used.Add(name)) return name;
        }
    }

    private static Account NewAccount(Faker faker, string name, StewardUser owner, DateOnly today)
    {
        var (country, region) = faker.PickRandom(Places);
        var employees = faker.Random.Int(200, 60_000);
        var status = faker.Random.WeightedRandom(
            [AccountStatus.Active, AccountStatus.AtRisk, AccountStatus.Onboarding, AccountStatus.Prospect, AccountStatus.Churned],
            [0.72f, 0.1f, 0.08f, 0.06f, 0.04f]);
        return new Account
        {
            Name = name,
            NormalizedName = Account.Normalize(name),
            Sector = faker.PickRandom(Sectors),
            Country = country,
            Region = region,
            Website = $"https://www.{new string(name.ToLowerInvariant().Where(char.IsLetterOrDigit).Take(20).ToArray())}.example",
            Employees = employees,
            AnnualRevenue = Math.Round(employees * faker.Random.Decimal(0.8m, 4m)) * 100_000,
            Currency = "EUR",
            OwnerId = owner.Id,
            Tier = faker.Random.WeightedRandom([AccountTier.Key, AccountTier.Growth, AccountTier.Standard, AccountTier.Unassigned], [0.2f, 0.3f, 0.4f, 0.1f]),
            Status = status,
            CustomerSince = status == AccountStatus.Prospect ? null : today.AddDays(-faker.Random.Int(120, 3650)),
            Notes = faker.Random.Bool(0.4f) ? faker.PickRandom(
                "Procurement-led; values cost transparency and quarterly reporting.",
                "New CFO since spring; expect a tender for the travel programme next year.",
                "Strong relationship with the operations director; finance is sceptical.",
                "Expanding into APAC; potential for a global consolidation deal.",
                "Escalation about invoice accuracy last quarter, now resolved.") : null,
        };
    }

    private static void AddContacts(Faker faker, Account account)
    {
        var domain = account.Website!.Replace("https://www.", "", StringComparison.Ordinal);
        var titles = new[] { "Chief Financial Officer", "Head of Procurement", "Travel Manager", "Operations Director", "IT Director", "HR Business Partner", "Category Manager", "Chief Executive Officer" };
        foreach (var title in faker.PickRandom(titles, faker.Random.Int(3, 6)))
        {
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            var email = $"{first}.{last}@{domain}".ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal);
            account.Contacts.Add(new Contact
            {
                FirstName = first,
                LastName = last,
                Title = title,
                Department = title.Contains("Financial", StringComparison.Ordinal) ? "Finance" : faker.PickRandom(Departments),
                Email = email,
                NormalizedEmail = email,
                Phone = faker.Phone.PhoneNumber("+## ### ### ####"),
                IsActive = faker.Random.Bool(0.93f),
            });
        }
    }

    private static void AddTeam(Faker faker, Account account, StewardUser[] colleagues, DateTime now)
    {
        var roles = new[] { AccountTeamRole.ExecutiveSponsor, AccountTeamRole.TechnicalLead, AccountTeamRole.Support, AccountTeamRole.Finance };
        foreach (var member in faker.PickRandom(colleagues.Where(c => c.Id != account.OwnerId), faker.Random.Int(0, 2)))
        {
            account.TeamMembers.Add(new AccountTeamMember { UserId = member.Id, Role = faker.PickRandom(roles), AddedAt = now });
        }
    }

    private static void AddRevenue(Faker faker, Account account, DateOnly firstMonth)
    {
        if (account.Status == AccountStatus.Prospect) return;
        var products = faker.PickRandom(Products, faker.Random.Int(1, 3)).ToArray();
        var monthlyBase = (decimal)Math.Round(faker.Random.Double(4_000, 180_000) * (account.Tier == AccountTier.Key ? 2.5 : 1), 2);
        var yearlyGrowth = account.Status switch
        {
            AccountStatus.AtRisk => faker.Random.Double(-0.35, -0.05),
            AccountStatus.Churned => -0.6,
            _ => faker.Random.Double(-0.1, 0.35),
        };
        for (var i = 0; i < 24; i++)
        {
            var trend = Math.Pow(1 + yearlyGrowth, i / 12.0);
            var season = 1 + 0.12 * Math.Sin((firstMonth.AddMonths(i).Month - 3) / 12.0 * 2 * Math.PI);
            foreach (var product in products)
            {
                var amount = monthlyBase / products.Length * (decimal)(trend * season * faker.Random.Double(0.85, 1.15));
                account.RevenueLines.Add(new RevenueLine
                {
                    Period = firstMonth.AddMonths(i),
                    Amount = Math.Round(amount, 2),
                    Currency = account.Currency,
                    Product = product,
                    Margin = Math.Round(faker.Random.Decimal(0.12m, 0.38m), 4),
                });
            }
        }
    }

    /// <summary>
    /// Wallet estimates and the hand-set scores (fit, replaceability, relationship) that put the
    /// accounts across the whole portfolio matrix. Its own seed, so the other demo data stays put.
    /// </summary>
    private static void AddScoringInputs(List<Account> accounts)
    {
        var random = new Randomizer(4242);
        foreach (var account in accounts)
        {
            var latest = account.RevenueLines.Count == 0 ? DateOnly.MinValue : account.RevenueLines.Max(r => r.Period);
            var lastYear = account.RevenueLines.Where(r => r.Period > latest.AddMonths(-12)).Sum(r => r.Amount);
            if (random.Bool(0.85f)) account.EstimatedWallet = Math.Round(Math.Max(lastYear, 50_000m) * random.Decimal(1.1m, 4.5m) / 1000) * 1000;
            if (random.Bool(0.8f)) account.StrategicFit = random.Int(1, 5);
            if (random.Bool(0.7f)) account.Replaceability = random.Int(1, 5);
            if (random.Bool(0.8f)) account.RelationshipStrength = random.WeightedRandom([1, 2, 3, 4, 5], [0.1f, 0.2f, 0.3f, 0.25f, 0.15f]);
        }
    }

    /// <summary>The senior titles head each account's chart; the others report to them.</summary>
    private async Task LinkReportingLinesAsync(Faker faker, CancellationToken ct)
    {
        var contacts = await db.Contacts.IgnoreQueryFilters().ToListAsync(ct);
        foreach (var group in contacts.GroupBy(c => c.AccountId))
        {
            var ordered = group.OrderBy(c => Seniority(c.Title)).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                ordered[i].ReportsToId = ordered[faker.Random.Int(0, Math.Min(i - 1, 1))].Id;
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static int Seniority(string? title) => title switch
    {
        "Chief Executive Officer" => 0,
        "Chief Financial Officer" => 1,
        "Operations Director" or "IT Director" => 2,
        "Head of Procurement" => 3,
        _ => 4,
    };
}
