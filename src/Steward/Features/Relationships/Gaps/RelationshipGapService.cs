using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steward.Data;
using Steward.Features.Tasks;
using Steward.Infrastructure.Errors;

namespace Steward.Features.Relationships.Gaps;

/// <summary>An account's relationship gaps, each with the open task made from it, if any.</summary>
public sealed record AccountGaps(RelationshipPicture Picture, IReadOnlyList<RelationshipGap> Gaps);

/// <summary>Lists an account's relationship gaps and turns one into a task.</summary>
public sealed class RelationshipGapService(IDbContextFactory<StewardDbContext> dbFactory, RelationshipQueries queries, TaskService tasks, IOptionsMonitor<RelationshipOptions> options, TimeProvider clock)
{
    public async Task<AccountGaps> ForAccountAsync(int accountId, CancellationToken ct = default)
    {
        var picture = await queries.PictureAsync(accountId, ct);
        var open = (await tasks.OpenForAccountAsync(accountId, RelationshipGap.TaskSourceKind, ct))
            .Where(t => t.SourceId is not null)
            .GroupBy(t => t.SourceId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var found = RelationshipGapRules.Find(picture, options.CurrentValue, picture.AsOf);
        found = await HandOutsidersToOwnerAsync(picture, found, ct);
        var gaps = found
            .Select(g => open.TryGetValue(RelationshipGap.TaskSourceId(accountId, g.Id), out var task)
                ? g with { OpenTaskId = task.Id, OpenTaskAssignee = task.AssigneeName, OpenTaskDue = task.DueDate }
                : g)
            .ToList();
        return new AccountGaps(picture, gaps);
    }

    /// <summary>
    /// Makes the gap's suggested action a task for the suggested colleague (or the viewer, when
    /// that colleague has left), due in a week for a serious gap. A gap whose task is still open
    /// is not offered again.
    /// </summary>
    public async Task<TaskDto> CreateTaskAsync(int accountId, string gapId, CancellationToken ct = default)
    {
        var current = await ForAccountAsync(accountId, ct);
        var gap = current.Gaps.FirstOrDefault(g => g.Id == gapId)
            ?? throw new NotFoundException("Relationship gap", gapId);
        if (gap.OpenTaskId is { } taskId)
        {
            throw new InvalidInputException("gapId", $"Task {taskId} for this gap is already open ({gap.OpenTaskAssignee}).");
        }
        var assignee = gap.AssigneeId is { } id && current.Picture.Person(id) is { IsActive: true } ? id : null;
        var description = $"{gap.Kind.Label()}: {gap.Reason}";
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return await tasks.CreateAsync(new TaskInput
        {
            AccountId = accountId,
            Title = gap.Action.Length > 300 ? gap.Action[..300] : gap.Action,
            Description = description,
            AssigneeId = assignee,
            ContactId = gap.ContactId,
            DueDate = today.AddDays(gap.Severity switch { GapSeverity.High => 7, GapSeverity.Medium => 14, _ => 21 }),
            Priority = gap.Severity switch { GapSeverity.High => TaskPriority.High, GapSeverity.Medium => TaskPriority.Normal, _ => TaskPriority.Low },
            SourceKind = RelationshipGap.TaskSourceKind,
            SourceId = RelationshipGap.TaskSourceId(accountId, gap.Id),
        }, ct);
    }

    /// <summary>
    /// A colleague who knows a stakeholder but cannot see the account (not its owner, team or their
    /// manager) could not see a task on it either: the account's owner gets it, to arrange it with
    /// them or to add them to the team and hand it over.
    /// </summary>
    private async Task<IReadOnlyList<RelationshipGap>> HandOutsidersToOwnerAsync(RelationshipPicture picture, IReadOnlyList<RelationshipGap> gaps, CancellationToken ct)
    {
        var candidates = gaps.Select(g => g.AssigneeId).OfType<string>().Distinct(StringComparer.Ordinal)
            .Where(id => picture.Person(id) is { IsOwner: false, TeamRole: null }).ToList();
        if (candidates.Count == 0) return gaps;
        var owner = picture.People.FirstOrDefault(p => p.IsOwner && p.IsActive);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var outsiders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in candidates)
        {
            if (!await AccountAccess.UserCanSeeAsync(db, id, picture.AccountId, ct)) outsiders.Add(id);
        }
        return gaps.Select(g => g.AssigneeId is { } id && outsiders.Contains(id)
            ? g with { AssigneeId = owner?.UserId, AssigneeName = owner?.Name, Reason = $"{g.Reason} {g.AssigneeName} is not on the account team." }
            : g).ToList();
    }
}
