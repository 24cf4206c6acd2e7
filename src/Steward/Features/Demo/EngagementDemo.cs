using Bogus;
using Steward.Data;
using Steward.Features.Accounts;
using Steward.Features.Interactions;
using Steward.Features.Tasks;

namespace Steward.Features.Demo;

/// <summary>
/// Demo engagement: months of meetings, calls and emails per account (more for key accounts), a
/// few weeks of planned meetings, follow-up tasks (some overdue), contacts' last-contacted dates,
/// and a full day for am@steward.demo today. Relative to the clock; its own fixed seed, so the
/// rest of the demo does not shift.
/// </summary>
internal static class EngagementDemo
{
    private static readonly string[] CallSubjects = ["Check-in on the travel programme", "Invoice question follow-up", "Booking tool feedback", "Renewal timing", "Policy change for 2027", "Supplier consolidation idea"];
    private static readonly string[] Outcomes = ["Agreed next steps and owners", "They will share the new policy draft", "Pricing concerns noted; proposal to follow", "Positive: interested in expanding to APAC", "Escalation closed; customer satisfied", "Need finance on the next call"];
    private static readonly string[] FollowUps = ["Send the meeting summary", "Share the savings report", "Prepare a pricing proposal", "Introduce our product lead", "Book the QBR", "Check invoice accuracy with finance", "Send the reference case study"];

    public static async Task SeedAsync(StewardDbContext db, IReadOnlyList<Account> accounts, string focusUserId, TimeProvider clock, CancellationToken ct)
    {
        var random = new Randomizer(5005);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var interactions = new List<Interaction>();

        foreach (var account in accounts.Where(a => a.Status != AccountStatus.Prospect))
        {
            var past = account.Tier switch { AccountTier.Key => random.Int(6, 10), AccountTier.Growth => random.Int(3, 5), AccountTier.Standard => random.Int(1, 3), _ => random.Int(0, 1) };
            // Some accounts have gone quiet lately: the cadence lists need something to show.
            var quietDays = random.Bool(0.3f) ? random.Int(35, 80) : 0;
            for (var n = 0; n < past; n++)
            {
                interactions.Add(NewInteraction(random, account, now.AddDays(-random.Int(1 + quietDays, 160)).AddMinutes(-random.Int(0, 600))));
            }
            if (random.Bool(account.Tier == AccountTier.Key ? 0.6f : 0.25f))
            {
                var planned = NewInteraction(random, account, now.Date.AddDays(random.Int(1, 21)).AddHours(random.Int(8, 16)));
                planned.Outcome = null;
                planned.Notes = null;
                interactions.Add(planned);
            }
        }

        // The focus person's day: two meetings today on their own accounts.
        var mine = accounts.Where(a => a.OwnerId == focusUserId && a.Status != AccountStatus.Prospect).Take(2).ToList();
        for (var n = 0; n < mine.Count; n++)
        {
            var meeting = NewInteraction(random, mine[n], now.Date.AddHours(n == 0 ? 10 : 15), InteractionKind.Meeting);
            meeting.MeetingType = n == 0 ? MeetingType.Qbr : MeetingType.Relationship;
            meeting.Subject = n == 0 ? $"Quarterly business review with {mine[n].Name}" : $"Lunch with the {mine[n].Contacts.FirstOrDefault()?.Title ?? "customer"}";
            meeting.Agenda = "1. Results and savings\n2. Open issues\n3. Plans for next quarter";
            meeting.Outcome = null;
            meeting.Notes = null;
            meeting.IsCustomerTouch = true;
            interactions.Add(meeting);
        }

        db.AddRange(interactions);
        await db.SaveChangesAsync(ct);

        var tasks = new List<TaskItem>();
        foreach (var interaction in interactions.Where(i => i.StartsAt <= now && i.StartsAt > now.AddDays(-45)))
        {
            foreach (var title in random.ArrayElements(FollowUps, random.Int(0, 2)))
            {
                var due = DateOnly.FromDateTime(interaction.StartsAt).AddDays(random.Int(3, 21));
                var done = due < today && random.Bool(0.6f);
                tasks.Add(new TaskItem
                {
                    AccountId = interaction.AccountId,
                    Title = title,
                    AssigneeId = interaction.OwnerId,
                    CreatedById = interaction.OwnerId,
                    DueDate = due,
                    Priority = random.Bool(0.2f) ? TaskPriority.High : TaskPriority.Normal,
                    State = done ? TaskState.Done : TaskState.Open,
                    CompletedAt = done ? due.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc) : null,
                    SourceKind = InteractionQueries.FollowUpSource,
                    SourceId = interaction.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
            }
        }
        foreach (var account in mine)
        {
            tasks.Add(new TaskItem { AccountId = account.Id, Title = $"Call {account.Name} about the renewal", AssigneeId = focusUserId, CreatedById = focusUserId, DueDate = today, Priority = TaskPriority.High });
            tasks.Add(new TaskItem { AccountId = account.Id, Title = "Send the updated rate card", AssigneeId = focusUserId, CreatedById = focusUserId, DueDate = today.AddDays(-3) });
        }
        db.AddRange(tasks);
        await db.SaveChangesAsync(ct);
        // Follow-ups were created just after their meeting, not at seeding time (the timeline shows when).
        var startsAt = interactions.ToDictionary(i => i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), i => i.StartsAt);
        foreach (var task in tasks.Where(t => t.SourceId is not null)) task.CreatedAt = startsAt[task.SourceId!].AddHours(1);

        // Last contacted: the latest touch each contact took part in.
        var latest = interactions.Where(i => i.IsCustomerTouch && i.StartsAt <= now)
            .SelectMany(i => i.Participants.Where(p => p.Contact is not null).Select(p => (p.Contact!, i.StartsAt)))
            .GroupBy(x => x.Item1).ToDictionary(g => g.Key, g => g.Max(x => x.StartsAt));
        foreach (var (contact, at) in latest) contact.LastContactedAt = at;
        await db.SaveChangesAsync(ct);
    }

    private static Interaction NewInteraction(Randomizer random, Account account, DateTime at, InteractionKind? kind = null)
    {
        kind ??= random.WeightedRandom([InteractionKind.Meeting, InteractionKind.Call, InteractionKind.Email, InteractionKind.Visit, InteractionKind.Chat, InteractionKind.Note], [0.3f, 0.3f, 0.2f, 0.08f, 0.07f, 0.05f]);
        MeetingType? type = kind == InteractionKind.Meeting
            ? random.WeightedRandom([MeetingType.Relationship, MeetingType.Qbr, MeetingType.IssueResolution, MeetingType.Expansion, MeetingType.Contract, MeetingType.Planning, MeetingType.Preparation], [0.3f, 0.2f, 0.15f, 0.1f, 0.1f, 0.1f, 0.05f])
            : null;
        var contacts = account.Contacts.Where(c => c.IsActive).ToList();
        var interaction = new Interaction
        {
            AccountId = account.Id,
            Kind = kind.Value,
            MeetingType = type,
            Channel = kind == InteractionKind.Meeting ? random.ArrayElement([InteractionChannel.Video, InteractionChannel.InPerson]) : kind.Value.DefaultChannel(),
            StartsAt = at,
            DurationMinutes = kind switch { InteractionKind.Meeting => random.ArrayElement([30, 45, 60, 90]), InteractionKind.Call => random.ArrayElement([15, 20, 30]), InteractionKind.Visit => 120, _ => null },
            Subject = type is { } t ? $"{t.Label()} meeting" : kind == InteractionKind.Note ? "Internal note" : random.ArrayElement(CallSubjects),
            Notes = random.Bool(0.6f) ? $"- Discussed **{random.ArrayElement(["travel spend", "policy compliance", "the renewal", "service levels", "APAC expansion"])}**\n- {random.ArrayElement(Outcomes)}" : null,
            Outcome = kind == InteractionKind.Note ? null : random.ArrayElement(Outcomes),
            OwnerId = account.OwnerId,
        };
        interaction.IsCustomerTouch = InteractionText.IsCustomerTouch(interaction.Kind, interaction.MeetingType);
        if (interaction.IsCustomerTouch)
        {
            foreach (var contact in random.ArrayElements(contacts.ToArray(), Math.Min(contacts.Count, random.Int(1, 2))))
            {
                interaction.Participants.Add(new InteractionParticipant { AccountId = account.Id, Contact = contact });
            }
            if (account.TeamMembers.Count > 0 && random.Bool(0.4f))
            {
                var member = random.ArrayElement(account.TeamMembers.ToArray());
                interaction.Participants.Add(new InteractionParticipant { AccountId = account.Id, UserId = member.UserId });
            }
        }
        return interaction;
    }
}
