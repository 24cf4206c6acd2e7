using System.Globalization;
using Steward.Features.Accounts;

namespace Steward.Features.Relationships.Gaps;

/// <summary>
/// Finds the gaps in one account's relationships. Pure: the same picture, options and moment
/// always give the same gaps, so every rule is testable without a database.
/// <see cref="RelationshipPortfolio"/> counts the same rules in SQL; keep the two in step.
/// </summary>
public static class RelationshipGapRules
{
    public static IReadOnlyList<RelationshipGap> Find(RelationshipPicture picture, RelationshipOptions options, DateTime now)
    {
        var context = new Context(picture, options, now);
        return DecisionMakersUncovered(context)
            .Concat(SingleThreaded(context))
            .Concat(ChampionsLeft(context))
            .Concat(UnmanagedBlockers(context))
            .Concat(NoExecutiveSponsor(context))
            .Concat(Stale(context))
            .Concat(TouchesOverdue(context))
            .OrderByDescending(g => g.Severity).ThenBy(g => g.Kind)
            .ToList();
    }

    private sealed record Context(RelationshipPicture Picture, RelationshipOptions Options, DateTime Now)
    {
        public IReadOnlyList<StakeholderDto> Active { get; } = Picture.Active.ToList();
        public OurPersonDto Owner => Picture.People.First(p => p.IsOwner);
        public OurPersonDto? Sponsor => Picture.People.FirstOrDefault(p => p.TeamRole == AccountTeamRole.ExecutiveSponsor && p.IsActive);
        public string NameOf(string userId) => Picture.Person(userId)?.Name ?? "a colleague";

        public RelationshipGap Gap(GapKind kind, string id, string reason, string action, string? assigneeId, int? contactId = null, string? userId = null) =>
            new(id, kind, RelationshipGap.SeverityOf(kind), reason, action, assigneeId, assigneeId is null ? null : NameOf(assigneeId), contactId, userId);
    }

    private static string Describe(StakeholderDto s) =>
        s.Role is { } role ? $"{s.Name} ({role.Label().ToLowerInvariant()}{(s.Title is null ? "" : ", " + s.Title)})" : s.Name + (s.Title is null ? "" : $" ({s.Title})");

    private static string Id(int contactId) => contactId.ToString(CultureInfo.InvariantCulture);

    private static bool Covered(StakeholderDto s) => s.Relationships.Any(r => r.Counts);

    /// <summary>A decision maker or economic buyer nobody of ours knows at working level.</summary>
    private static IEnumerable<RelationshipGap> DecisionMakersUncovered(Context c)
    {
        foreach (var s in c.Active.Where(s => s.Role.Decides() && !Covered(s)))
        {
            var reason = $"{Describe(s)} decides, but nobody of ours knows them at working level.";
            var acquainted = s.Relationships.FirstOrDefault(r => r.UserIsActive && r.Strength == RelationshipStrength.Acquainted);
            if (acquainted is not null)
            {
                yield return c.Gap(GapKind.DecisionMakerUncovered, "decision-maker:" + Id(s.ContactId), $"{reason} {acquainted.UserName} is only acquainted.",
                    $"{acquainted.UserName}: meet {s.Name} to build a working relationship", acquainted.UserId, s.ContactId);
                continue;
            }
            var bridge = Bridge(c, s);
            if (bridge is { } b)
            {
                yield return c.Gap(GapKind.DecisionMakerUncovered, "decision-maker:" + Id(s.ContactId), reason,
                    $"Ask {b.Contact.Name} to introduce {b.Colleague.UserName} to {s.Name}", b.Colleague.UserId, s.ContactId);
                continue;
            }
            var introducer = s.PlanOwnerId ?? c.Sponsor?.UserId ?? c.Owner.UserId;
            yield return c.Gap(GapKind.DecisionMakerUncovered, "decision-maker:" + Id(s.ContactId), reason,
                $"Plan an introduction meeting between {c.NameOf(introducer)} and {s.Name}", introducer, s.ContactId);
        }
    }

    /// <summary>
    /// Someone close to <paramref name="target"/> in the reporting lines whom we know well and who
    /// is not against us: the natural person to ask for an introduction. Their manager or a direct
    /// report first, then a peer (same manager).
    /// </summary>
    private static (StakeholderDto Contact, RelationshipDto Colleague)? Bridge(Context c, StakeholderDto target) =>
        c.Active
            .Where(s => s.ContactId != target.ContactId && !s.Attitude.IsNegative() && s.Role != BuyingRole.Blocker)
            .Select(s => (Contact: s, Distance: s.ContactId == target.ReportsToId || s.ReportsToId == target.ContactId ? 0
                : s.ReportsToId is not null && s.ReportsToId == target.ReportsToId ? 1 : int.MaxValue))
            .Where(x => x.Distance != int.MaxValue)
            .SelectMany(x => x.Contact.Relationships.Where(r => r.Counts).Select(r => (x.Contact, x.Distance, Colleague: r)))
            .OrderBy(x => x.Distance).ThenByDescending(x => x.Colleague.Strength).ThenByDescending(x => x.Contact.Influence ?? 0).ThenBy(x => x.Contact.Name, StringComparer.Ordinal)
            .Select(x => ((StakeholderDto, RelationshipDto)?)(x.Contact, x.Colleague))
            .FirstOrDefault();

    /// <summary>At most one stakeholder knows us at working level: if they leave, so does the account.</summary>
    private static IEnumerable<RelationshipGap> SingleThreaded(Context c)
    {
        var covered = c.Active.Where(Covered).ToList();
        if (covered.Count > 1) yield break;
        var next = c.Active.Where(s => !Covered(s))
            .OrderBy(s => s.Role.Decides() ? 0 : 1).ThenByDescending(s => s.Influence ?? 0).ThenBy(s => s.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        var owner = c.Owner;
        if (covered.Count == 1)
        {
            var only = covered[0];
            yield return c.Gap(GapKind.SingleThreaded, "single-threaded",
                $"Only {only.Name} knows us at working level: if they leave, we lose our way into {c.Picture.AccountName}.",
                next is null ? $"Ask {only.Name} who else at {c.Picture.AccountName} we should know" : $"Ask {only.Name} to introduce {owner.Name} to {next.Name}",
                owner.UserId, next?.ContactId ?? only.ContactId);
            yield break;
        }
        yield return c.Gap(GapKind.SingleThreaded, "single-threaded",
            $"Nobody at {c.Picture.AccountName} knows us at working level.",
            next is null ? $"Map the people at {c.Picture.AccountName}: who decides, uses and pays for what we do?" : $"Plan a meeting with {Describe(next)} to start a working relationship",
            next?.PlanOwnerId ?? owner.UserId, next?.ContactId);
    }

    /// <summary>Our champion has left and nobody else champions us.</summary>
    private static IEnumerable<RelationshipGap> ChampionsLeft(Context c)
    {
        if (c.Active.Any(s => s.Role == BuyingRole.Champion)) yield break;
        var candidate = c.Active.Where(s => s.Attitude is Attitude.Advocate or Attitude.Supporter)
            .OrderBy(s => s.Attitude).ThenByDescending(s => s.Influence ?? 0).ThenBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault();
        foreach (var s in c.Picture.Stakeholders.Where(s => !s.IsActive && s.Role == BuyingRole.Champion))
        {
            yield return c.Gap(GapKind.ChampionLeft, "champion-left:" + Id(s.ContactId),
                $"{s.Name}, our champion, has left {c.Picture.AccountName} and nobody has taken their place.",
                candidate is null ? $"Find a new champion at {c.Picture.AccountName}" : $"Win {candidate.Name} over as our new champion",
                candidate?.PlanOwnerId ?? c.Owner.UserId, candidate?.ContactId ?? s.ContactId);
        }
    }

    /// <summary>An influential sceptic, opponent or blocker whom nobody on our side owns.</summary>
    private static IEnumerable<RelationshipGap> UnmanagedBlockers(Context c)
    {
        foreach (var s in c.Active.Where(s => (s.Attitude.IsNegative() || s.Role == BuyingRole.Blocker) && s.Influence >= c.Options.InfluentialFrom && s.PlanOwnerId is null))
        {
            var what = s.Attitude.IsNegative() ? s.Attitude!.Value.Label().ToLowerInvariant() : "blocker";
            yield return c.Gap(GapKind.UnmanagedBlocker, "blocker:" + Id(s.ContactId),
                $"{Describe(s)} is an influential {what} (influence {s.Influence}/5) and nobody on our side owns winning them over.",
                $"Agree who wins over {s.Name} and set an engagement plan", c.Owner.UserId, s.ContactId);
        }
    }

    private static IEnumerable<RelationshipGap> NoExecutiveSponsor(Context c)
    {
        if (!c.Options.For(c.Picture.Tier).NeedsExecutiveSponsor || c.Picture.HasExecutiveSponsor) yield break;
        var top = c.Active.Where(s => s.Role.Decides()).OrderByDescending(s => s.Influence ?? 0).ThenBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault();
        yield return c.Gap(GapKind.NoExecutiveSponsor, "executive-sponsor",
            $"{c.Picture.Tier.Label()} accounts need an executive sponsor on our side; {c.Picture.AccountName} has none.",
            top is null ? $"Name an executive sponsor for {c.Picture.AccountName}" : $"Name an executive sponsor for {c.Picture.AccountName} and introduce them to {top.Name}",
            c.Owner.UserId, top?.ContactId);
    }

    /// <summary>A working relationship nobody has used for longer than the tier allows.</summary>
    private static IEnumerable<RelationshipGap> Stale(Context c)
    {
        var days = c.Options.For(c.Picture.Tier).StaleAfterDays;
        var cutoff = c.Now.AddDays(-days);
        foreach (var s in c.Active)
        {
            foreach (var r in s.Relationships.Where(r => r.Counts && (r.LastSpokeAt is null || r.LastSpokeAt < cutoff)))
            {
                var reason = r.LastSpokeAt is { } last
                    ? $"{r.UserName} last spoke with {s.Name} {(int)(c.Now - last).TotalDays} days ago; {c.Picture.Tier.Label()} relationships go stale after {days} days."
                    : $"{r.UserName} has a {r.Strength.Label().ToLowerInvariant()} relationship with {s.Name}, but no conversation is on record.";
                yield return c.Gap(GapKind.StaleRelationship, $"stale:{Id(s.ContactId)}:{r.UserId}", reason,
                    $"{r.UserName}: get back in touch with {s.Name}", r.UserId, s.ContactId, r.UserId);
            }
        }
    }

    /// <summary>The engagement plan's touch frequency has not been kept.</summary>
    private static IEnumerable<RelationshipGap> TouchesOverdue(Context c)
    {
        foreach (var s in c.Active.Where(s => s.TouchEveryDays is not null && s.TouchDueAt < c.Now))
        {
            var last = s.LastSpokeAt is { } l ? $"the last conversation was {(int)(c.Now - l).TotalDays} days ago." : "nobody has yet.";
            var who = s.PlanOwnerId ?? c.Owner.UserId;
            yield return c.Gap(GapKind.TouchOverdue, "touch-overdue:" + Id(s.ContactId),
                $"The plan is to speak with {s.Name} every {s.TouchEveryDays} days; {last}",
                $"{c.NameOf(who)}: get in touch with {s.Name}", who, s.ContactId);
        }
    }
}
