using Bogus;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Accounts;
using Steward.Features.Contacts;
using Steward.Features.Relationships;
using Steward.Features.Users;

namespace Steward.Features.Demo;

/// <summary>
/// The relationship side of the demo: a few more colleagues who know customers (our CEO, product,
/// support, a solutions architect), buying roles, influence and attitudes for every contact,
/// who of ours knows whom, and engagement plans on key accounts. Some relationships are stale,
/// some accounts single-threaded, one champion has left, so the map and the gaps have something
/// to say. One key account is a large organisation (about 45 stakeholders) to show the map at scale.
/// Its own seeded randomizer, so it does not shift the rest of the demo.
/// </summary>
internal static class DemoRelationships
{
    public static readonly IReadOnlyList<NewUser> Colleagues =
    [
        new("dana@steward.demo", "Dana Whitfield", DemoOrganisation.Password, Roles.AccountManager, JobTitle: "Chief Executive Officer"),
        new("priya@steward.demo", "Priya Raman", DemoOrganisation.Password, Roles.AccountManager, JobTitle: "Head of Product"),
        new("tomas@steward.demo", "Tomás Ortega", DemoOrganisation.Password, Roles.AccountManager, JobTitle: "Customer Support Lead"),
        new("elena@steward.demo", "Elena Novak", DemoOrganisation.Password, Roles.AccountManager, JobTitle: "Solutions Architect"),
    ];

    /// <summary>A large customer's organisation: title, department, and the title of their manager.</summary>
    private static readonly (string Title, string Department, string? Manager)[] LargeOrganisation =
    [
        ("Chief Executive Officer", "Executive Board", null),
        ("Chief Financial Officer", "Finance", "Chief Executive Officer"),
        ("Chief Operating Officer", "Executive Board", "Chief Executive Officer"),
        ("Chief Procurement Officer", "Procurement", "Chief Executive Officer"),
        ("Chief Information Officer", "IT", "Chief Executive Officer"),
        ("Chief People Officer", "HR", "Chief Executive Officer"),
        ("Finance Director", "Finance", "Chief Financial Officer"),
        ("Head of Accounts Payable", "Finance", "Finance Director"),
        ("Group Controller", "Finance", "Finance Director"),
        ("Tax Manager", "Finance", "Finance Director"),
        ("Head of Indirect Procurement", "Procurement", "Chief Procurement Officer"),
        ("Category Manager Travel", "Procurement", "Head of Indirect Procurement"),
        ("Category Manager Events", "Procurement", "Head of Indirect Procurement"),
        ("Procurement Analyst", "Procurement", "Head of Indirect Procurement"),
        ("Supplier Risk Manager", "Procurement", "Chief Procurement Officer"),
        ("Global Travel Manager", "Travel Management", "Chief Operating Officer"),
        ("Travel Coordinator EMEA", "Travel Management", "Global Travel Manager"),
        ("Travel Coordinator Americas", "Travel Management", "Global Travel Manager"),
        ("Travel Coordinator APAC", "Travel Management", "Global Travel Manager"),
        ("Travel Policy Analyst", "Travel Management", "Global Travel Manager"),
        ("Events Manager", "Operations", "Chief Operating Officer"),
        ("Head of Facilities", "Operations", "Chief Operating Officer"),
        ("Regional Director EMEA", "Operations", "Chief Operating Officer"),
        ("Regional Director APAC", "Operations", "Chief Operating Officer"),
        ("Regional Director Americas", "Operations", "Chief Operating Officer"),
        ("Head of Enterprise Applications", "IT", "Chief Information Officer"),
        ("IT Security Officer", "IT", "Chief Information Officer"),
        ("Integration Architect", "IT", "Head of Enterprise Applications"),
        ("Data Protection Officer", "IT", "Chief Information Officer"),
        ("Head of Talent", "HR", "Chief People Officer"),
        ("Global Mobility Manager", "HR", "Chief People Officer"),
        ("Sustainability Lead", "Executive Board", "Chief Operating Officer"),
        ("Executive Assistant to the CEO", "Executive Board", "Chief Executive Officer"),
        ("Internal Communications Manager", "HR", "Chief People Officer"),
        ("Sales Operations Director", "Operations", "Chief Operating Officer"),
        ("Travel Booker", "Travel Management", "Travel Coordinator EMEA"),
        ("Finance Analyst", "Finance", "Group Controller"),
        ("Treasury Manager", "Finance", "Finance Director"),
        ("Legal Counsel", "Executive Board", "Chief Executive Officer"),
        ("Category Manager Fleet", "Procurement", "Head of Indirect Procurement"),
        ("Payroll Manager", "HR", "Chief People Officer"),
    ];

    public static async Task SeedAsync(StewardDbContext db, UserAdministration userAdmin, Dictionary<string, StewardUser> people, DateTime now, CancellationToken ct)
    {
        foreach (var colleague in Colleagues) people[colleague.Email] = await userAdmin.CreateAsync(colleague, ct);
        var faker = new Faker("en") { Random = new Randomizer(4_2026) };
        var accounts = await db.Accounts.IgnoreQueryFilters().Include(a => a.Contacts).Include(a => a.TeamMembers).OrderBy(a => a.Id).ToListAsync(ct);

        // The flagship: the first key account of the demo's main account manager, grown into a large organisation.
        var flagship = accounts.First(a => a.Tier == AccountTier.Key && a.OwnerId == people["am@steward.demo"].Id && a.ArchivedAt == null);
        AddContacts(faker, flagship, LargeOrganisation);
        foreach (var account in accounts.Where(a => a.Tier == AccountTier.Key && a != flagship))
        {
            AddContacts(faker, account, faker.PickRandom(LargeOrganisation.Skip(1), faker.Random.Int(3, 7)).ToArray());
        }
        await db.SaveChangesAsync(ct);
        foreach (var account in accounts.Where(a => a.Tier == AccountTier.Key)) LinkManagers(account);

        var dana = people["dana@steward.demo"];
        var specialists = new[] { people["priya@steward.demo"], people["tomas@steward.demo"], people["elena@steward.demo"] };
        var index = 0;
        foreach (var account in accounts)
        {
            var key = account.Tier == AccountTier.Key;
            // Most key accounts get our CEO as executive sponsor; every fourth is left without one.
            if (key && (account == flagship || index++ % 4 != 1) && account.TeamMembers.All(m => m.Role != AccountTeamRole.ExecutiveSponsor) && account.TeamMembers.All(m => m.UserId != dana.Id))
            {
                account.TeamMembers.Add(new AccountTeamMember { UserId = dana.Id, Role = AccountTeamRole.ExecutiveSponsor, AddedAt = now.AddDays(-200) });
            }
            Profile(db, faker, account, key || account.Tier == AccountTier.Growth ? 1f : 0.6f, now);
            Relate(db, faker, account, account == flagship, specialists, now);
        }
        ChampionLeaves(db, accounts.Where(a => a.Tier == AccountTier.Key && a != flagship));
        ShapeFlagship(db, flagship, flagship.OwnerId, flagship.TeamMembers.First(m => m.Role == AccountTeamRole.ExecutiveSponsor).UserId, now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>On one key account our champion has just left, and nobody else champions us there.</summary>
    private static void ChampionLeaves(StewardDbContext db, IEnumerable<Account> keyAccounts)
    {
        var profiles = db.ChangeTracker.Entries<Stakeholder>().Select(e => e.Entity).ToDictionary(s => s.ContactId);
        foreach (var account in keyAccounts)
        {
            var champions = account.Contacts.Where(c => profiles.GetValueOrDefault(c.Id)?.Role == BuyingRole.Champion).ToList();
            if (champions.Count == 0) continue;
            champions[0].IsActive = false;
            foreach (var other in champions.Skip(1)) profiles[other.Id].Role = BuyingRole.Influencer;
            return;
        }
    }

    private static void AddContacts(Faker faker, Account account, IEnumerable<(string Title, string Department, string? Manager)> roles)
    {
        var domain = account.Website!.Replace("https://www.", "", StringComparison.Ordinal);
        foreach (var (title, department, _) in roles)
        {
            if (account.Contacts.Any(c => c.Title == title)) continue;
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            var email = $"{first}.{last}@{domain}".ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal);
            account.Contacts.Add(new Contact
            {
                FirstName = first,
                LastName = last,
                Title = title,
                Department = department,
                Email = email,
                NormalizedEmail = email,
                Phone = faker.Phone.PhoneNumber("+## ### ### ####"),
                IsActive = true,
            });
        }
    }

    /// <summary>Where the demo's first contacts sit in a large organisation.</summary>
    private static readonly Dictionary<string, string> Managers = new(StringComparer.Ordinal)
    {
        ["Head of Procurement"] = "Chief Procurement Officer",
        ["Travel Manager"] = "Global Travel Manager",
        ["Operations Director"] = "Chief Operating Officer",
        ["IT Director"] = "Chief Information Officer",
        ["HR Business Partner"] = "Chief People Officer",
        ["Category Manager"] = "Head of Indirect Procurement",
    };

    /// <summary>
    /// Hangs everyone under their manager, or the nearest manager above that the customer has; the
    /// top of the chart (the CEO if there is one) when nobody fits.
    /// </summary>
    private static void LinkManagers(Account account)
    {
        var byTitle = account.Contacts.Where(c => c.Title is not null).GroupBy(c => c.Title!).ToDictionary(g => g.Key, g => g.First());
        var ceo = byTitle.GetValueOrDefault("Chief Executive Officer");
        foreach (var contact in account.Contacts.Where(c => c != ceo))
        {
            var manager = contact.Title is null ? null : Managers.GetValueOrDefault(contact.Title) ?? LargeOrganisation.FirstOrDefault(o => o.Title == contact.Title).Manager;
            while (manager is not null && !byTitle.ContainsKey(manager)) manager = LargeOrganisation.FirstOrDefault(o => o.Title == manager).Manager;
            if (manager is not null && byTitle[manager] != contact) contact.ReportsToId = byTitle[manager].Id;
            else if (contact.ReportsToId is null && ceo is not null) contact.ReportsToId = ceo.Id;
        }
        if (ceo is not null) ceo.ReportsToId = null;
    }

    /// <summary>
    /// The flagship tells a clear story: our CEO sponsors it but has not spoken with theirs for ten
    /// weeks, nobody of ours knows their CFO (though we know the finance director well), and an
    /// influential procurement head is sceptical with no plan.
    /// </summary>
    private static void ShapeFlagship(StewardDbContext db, Account flagship, string ownerId, string sponsorId, DateTime now)
    {
        var byTitle = flagship.Contacts.Where(c => c.Title is not null).GroupBy(c => c.Title!).ToDictionary(g => g.Key, g => g.First());
        var profiles = db.ChangeTracker.Entries<Stakeholder>().Select(e => e.Entity).Where(s => s.AccountId == flagship.Id).ToDictionary(s => s.ContactId);
        var relationships = db.ChangeTracker.Entries<Relationship>().Select(e => e.Entity).Where(r => r.AccountId == flagship.Id).ToList();
        void Knows(string title, string userId, RelationshipStrength strength, int daysAgo)
        {
            var contact = byTitle[title];
            var existing = relationships.FirstOrDefault(r => r.ContactId == contact.Id && r.UserId == userId);
            if (existing is null) db.Add(existing = new Relationship { AccountId = flagship.Id, ContactId = contact.Id, UserId = userId });
            existing.Strength = strength;
            existing.LastSpokeAt = now.AddDays(-daysAgo);
        }
        Knows("Chief Executive Officer", sponsorId, RelationshipStrength.Working, 71);
        Knows("Finance Director", ownerId, RelationshipStrength.Working, 12);
        Knows("Chief Operating Officer", ownerId, RelationshipStrength.TrustedAdvisor, 9);
        foreach (var r in relationships.Where(r => r.ContactId == byTitle["Chief Financial Officer"].Id && r.Strength >= RelationshipStrength.Working))
        {
            r.Strength = RelationshipStrength.Acquainted;
        }
        var sceptic = profiles[byTitle["Head of Indirect Procurement"].Id];
        (sceptic.Role, sceptic.Attitude, sceptic.Influence, sceptic.PlanOwnerId, sceptic.TouchEveryDays, sceptic.TargetStrength) = (BuyingRole.Gatekeeper, Attitude.Sceptic, 4, null, null, null);
        profiles[byTitle["Chief Financial Officer"].Id].Role = BuyingRole.EconomicBuyer;
        profiles[byTitle["Chief Executive Officer"].Id].Attitude = Attitude.Supporter;
        foreach (var profile in profiles.Values)
        {
            profile.ScheduleNextTouch(db.ChangeTracker.Entries<Relationship>().Where(e => e.Entity.ContactId == profile.ContactId).Max(e => e.Entity.LastSpokeAt));
        }
    }

    private static BuyingRole RoleFor(Faker faker, string? title) => title switch
    {
        "Chief Executive Officer" => BuyingRole.DecisionMaker,
        "Chief Financial Officer" => BuyingRole.EconomicBuyer,
        "Chief Procurement Officer" or "Chief Operating Officer" => BuyingRole.DecisionMaker,
        "IT Director" or "Chief Information Officer" or "Integration Architect" or "Head of Enterprise Applications" => BuyingRole.TechnicalBuyer,
        "Head of Procurement" => faker.Random.Bool(0.4f) ? BuyingRole.EconomicBuyer : BuyingRole.Gatekeeper,
        "Operations Director" => faker.Random.Bool(0.4f) ? BuyingRole.DecisionMaker : BuyingRole.Influencer,
        "Travel Manager" or "Global Travel Manager" => faker.Random.Bool(0.7f) ? BuyingRole.Champion : BuyingRole.User,
        "Head of Indirect Procurement" or "Supplier Risk Manager" or "Data Protection Officer" or "Legal Counsel" => faker.Random.Bool(0.5f) ? BuyingRole.Gatekeeper : BuyingRole.Blocker,
        var t when t?.Contains("Coordinator", StringComparison.Ordinal) == true || t?.Contains("Booker", StringComparison.Ordinal) == true => BuyingRole.User,
        _ => faker.Random.Bool(0.6f) ? BuyingRole.Influencer : BuyingRole.User,
    };

    private static int InfluenceFor(Faker faker, string? title) => title switch
    {
        "Chief Executive Officer" or "Chief Financial Officer" => 5,
        var t when t?.StartsWith("Chief", StringComparison.Ordinal) == true => faker.Random.Int(4, 5),
        var t when t?.Contains("Director", StringComparison.Ordinal) == true || t?.StartsWith("Head", StringComparison.Ordinal) == true => faker.Random.Int(3, 4),
        var t when t?.Contains("Manager", StringComparison.Ordinal) == true => faker.Random.Int(2, 3),
        _ => faker.Random.Int(1, 2),
    };

    private static void Profile(StewardDbContext db, Faker faker, Account account, float share, DateTime now)
    {
        foreach (var contact in account.Contacts.Where(_ => faker.Random.Bool(share)))
        {
            db.Add(new Stakeholder
            {
                ContactId = contact.Id,
                AccountId = account.Id,
                Role = RoleFor(faker, contact.Title),
                Influence = InfluenceFor(faker, contact.Title),
                Attitude = faker.Random.WeightedRandom([Attitude.Advocate, Attitude.Supporter, Attitude.Neutral, Attitude.Sceptic, Attitude.Opponent], [0.14f, 0.34f, 0.32f, 0.14f, 0.06f]),
            });
        }
    }

    /// <summary>Who of ours knows whom: the owner their counterparts, the team members theirs, the specialists a few.</summary>
    private static void Relate(StewardDbContext db, Faker faker, Account account, bool flagship, StewardUser[] specialists, DateTime now)
    {
        var profiles = db.ChangeTracker.Entries<Stakeholder>().Select(e => e.Entity).Where(s => s.AccountId == account.Id).ToDictionary(s => s.ContactId);
        var contacts = account.Contacts.OrderBy(c => c.Id).ToList();
        var known = new HashSet<(int, string)>();
        void Knows(Contact contact, string userId, RelationshipStrength strength, int daysAgo)
        {
            if (!known.Add((contact.Id, userId))) return;
            db.Add(new Relationship { AccountId = account.Id, ContactId = contact.Id, UserId = userId, Strength = strength, LastSpokeAt = now.AddDays(-daysAgo).AddHours(-faker.Random.Int(0, 9)) });
        }
        int Recent() => faker.Random.WeightedRandom([faker.Random.Int(2, 30), faker.Random.Int(31, 55), faker.Random.Int(56, 160)], [0.6f, 0.2f, 0.2f]);
        Stakeholder? P(Contact c) => profiles.GetValueOrDefault(c.Id);

        // The owner's counterpart is the champion or the most involved user; about one account in three stops there.
        var counterpart = contacts.FirstOrDefault(c => P(c)?.Role == BuyingRole.Champion) ?? contacts.OrderBy(c => P(c)?.Influence ?? 3).FirstOrDefault();
        if (counterpart is null) return;
        Knows(counterpart, account.OwnerId, faker.Random.Bool(0.5f) ? RelationshipStrength.TrustedAdvisor : RelationshipStrength.Working, Recent());
        var singleThreaded = !flagship && faker.Random.Bool(account.Tier == AccountTier.Key ? 0.15f : 0.35f);
        if (singleThreaded) return;

        foreach (var c in faker.PickRandom(contacts.Where(c => c != counterpart), Math.Min(contacts.Count - 1, flagship ? 6 : faker.Random.Int(1, 3))))
        {
            Knows(c, account.OwnerId, faker.Random.WeightedRandom([RelationshipStrength.Acquainted, RelationshipStrength.Working, RelationshipStrength.TrustedAdvisor], [0.4f, 0.45f, 0.15f]), Recent());
        }
        foreach (var member in account.TeamMembers)
        {
            var target = member.Role switch
            {
                AccountTeamRole.ExecutiveSponsor => contacts.OrderByDescending(c => P(c)?.Influence ?? 0).FirstOrDefault(),
                AccountTeamRole.TechnicalLead => contacts.FirstOrDefault(c => P(c)?.Role == BuyingRole.TechnicalBuyer),
                AccountTeamRole.Finance => contacts.FirstOrDefault(c => P(c)?.Role == BuyingRole.EconomicBuyer),
                _ => faker.PickRandom(contacts),
            };
            if (target is not null) Knows(target, member.UserId, faker.Random.Bool(0.7f) ? RelationshipStrength.Working : RelationshipStrength.Acquainted, Recent());
        }
        if (account.Tier == AccountTier.Key)
        {
            foreach (var specialist in faker.PickRandom(specialists, flagship ? 3 : faker.Random.Int(0, 2)))
            {
                foreach (var c in faker.PickRandom(contacts, Math.Min(contacts.Count, flagship ? faker.Random.Int(3, 6) : 1)))
                {
                    Knows(c, specialist.Id, faker.Random.WeightedRandom([RelationshipStrength.Acquainted, RelationshipStrength.Working, RelationshipStrength.TrustedAdvisor], [0.45f, 0.45f, 0.1f]), Recent());
                }
            }
            // Engagement plans for the people who decide: the sponsor or the owner keeps in touch.
            var sponsor = account.TeamMembers.FirstOrDefault(m => m.Role == AccountTeamRole.ExecutiveSponsor)?.UserId;
            foreach (var c in contacts.Where(c => P(c) is { Role: BuyingRole.DecisionMaker or BuyingRole.EconomicBuyer or BuyingRole.Champion }))
            {
                var profile = P(c)!;
                profile.PlanOwnerId = profile.Role == BuyingRole.Champion || sponsor is null ? account.OwnerId : sponsor;
                profile.TargetStrength = profile.Role == BuyingRole.Champion ? RelationshipStrength.TrustedAdvisor : RelationshipStrength.Working;
                profile.TouchEveryDays = faker.PickRandom(21, 30, 45, 60);
                profile.PlanStartedAt = now.AddDays(-120);
                profile.PlanNotes = faker.PickRandom(
                    "Quarterly business review plus one informal lunch a quarter.",
                    "Share the savings report monthly; invite to the customer advisory board.",
                    "Keep close through the renewal; involve in the roadmap preview.");
            }
        }
        // Every plan's next touch follows the latest conversation recorded above.
        foreach (var profile in profiles.Values)
        {
            var last = db.ChangeTracker.Entries<Relationship>().Where(e => e.Entity.ContactId == profile.ContactId).Max(e => e.Entity.LastSpokeAt);
            profile.ScheduleNextTouch(last);
        }
    }
}
