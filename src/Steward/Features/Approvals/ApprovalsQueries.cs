using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Plans;
using Steward.Features.Playbooks;
using Steward.Infrastructure.Access;

namespace Steward.Features.Approvals;

public enum ApprovalKind
{
    Plan,
    Gate,
}

/// <summary>Something waiting on a decision. <see cref="Id"/> is the plan's id or the gate step's id; <see cref="Version"/> guards the decision.</summary>
public sealed record ApprovalItemDto(
    ApprovalKind Kind, int Id, string Title, string Context, int AccountId, string AccountName, string? RequestedByName,
    DateTime RequestedAt, string Link, string? Status, string? Comment, long Version);

/// <summary>A periodic review that has come due on one of the viewer's active plans.</summary>
public sealed record ReviewDueDto(int PlanId, string Title, int AccountId, string AccountName, DateOnly DueOn);

/// <summary>
/// The approvals inbox: plans and gates waiting on the viewer (as the named approver, or as an
/// admin when nobody is named), never their own; what they asked for and what was decided; and
/// the reviews that have come due on their plans.
/// </summary>
public sealed class ApprovalsQueries(IDbContextFactory<StewardDbContext> dbFactory, Viewer viewer, TimeProvider clock)
{
    /// <summary>How many decisions wait on the viewer: for a badge or a "My day" tile.</summary>
    public async Task<int> CountWaitingAsync(CancellationToken ct = default)
    {
        if (viewer.UserId is null) return 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await WaitingPlans(db).CountAsync(ct) + await WaitingGates(db).CountAsync(ct);
    }

    public async Task<IReadOnlyList<ApprovalItemDto>> WaitingAsync(CancellationToken ct = default)
    {
        if (viewer.UserId is null) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plans = await PlanItems(db, WaitingPlans(db)).ToListAsync(ct);
        var gates = await GateItems(db, WaitingGates(db)).ToListAsync(ct);
        return plans.Concat(gates).OrderBy(i => i.RequestedAt).ToList();
    }

    /// <summary>What the viewer sent for approval lately, with the decision once there is one.</summary>
    public async Task<IReadOnlyList<ApprovalItemDto>> RequestedByMeAsync(int days = 60, CancellationToken ct = default)
    {
        if (viewer.UserId is null) return [];
        var me = viewer.UserId;
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-days);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plans = await PlanItems(db, db.Set<AccountPlan>().AsNoTracking().Where(p => p.SubmittedById == me && p.UpdatedAt >= since)).ToListAsync(ct);
        var gates = await GateItems(db, db.Set<PlaybookRunStep>().AsNoTracking()
            .Where(s => s.Kind == StepKind.Approval && s.RequestedById == me && s.UpdatedAt >= since)).ToListAsync(ct);
        return plans.Concat(gates).OrderByDescending(i => i.RequestedAt).ToList();
    }

    public async Task<IReadOnlyList<ReviewDueDto>> ReviewsDueAsync(CancellationToken ct = default)
    {
        if (viewer.UserId is null) return [];
        var me = viewer.UserId;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<AccountPlan>().AsNoTracking()
            .Where(p => p.OwnerId == me && p.Status == PlanStatus.Active && p.NextReviewDue <= today)
            .OrderBy(p => p.NextReviewDue)
            .Select(p => new ReviewDueDto(p.Id, p.Title, p.AccountId, p.Account!.Name, p.NextReviewDue!.Value)).ToListAsync(ct);
    }

    private IQueryable<AccountPlan> WaitingPlans(StewardDbContext db)
    {
        var me = viewer.UserId;
        var admin = viewer.IsAdmin;
        return db.Set<AccountPlan>().AsNoTracking().Where(p => p.Status == PlanStatus.Submitted && p.OwnerId != me && p.SubmittedById != me
            && (p.ApproverId == me || (p.ApproverId == null && admin)));
    }

    private IQueryable<PlaybookRunStep> WaitingGates(StewardDbContext db)
    {
        var me = viewer.UserId;
        var admin = viewer.IsAdmin;
        return db.Set<PlaybookRunStep>().AsNoTracking().Where(s => s.Kind == StepKind.Approval && s.Status == StepStatus.AwaitingApproval
            && s.RequestedById != me && s.Run!.Account!.OwnerId != me && (s.ApproverId == me || (s.ApproverId == null && admin)));
    }

    private static IQueryable<ApprovalItemDto> PlanItems(StewardDbContext db, IQueryable<AccountPlan> plans) => plans.Select(p => new ApprovalItemDto(
        ApprovalKind.Plan, p.Id, p.Title, "Account plan", p.AccountId, p.Account!.Name,
        db.Users.Where(u => u.Id == p.SubmittedById).Select(u => u.DisplayName).FirstOrDefault(),
        db.Set<PlanTransition>().Where(t => t.PlanId == p.Id && t.Action == nameof(PlanAction.Submit)).Max(t => (DateTime?)t.At) ?? p.UpdatedAt,
        "/plans/" + p.Id, p.Status.ToString(),
        db.Set<PlanTransition>().Where(t => t.PlanId == p.Id).OrderByDescending(t => t.At).ThenByDescending(t => t.Id).Select(t => t.Comment).FirstOrDefault(),
        p.Version));

    private static IQueryable<ApprovalItemDto> GateItems(StewardDbContext db, IQueryable<PlaybookRunStep> gates) => gates.Select(s => new ApprovalItemDto(
        ApprovalKind.Gate, s.Id, s.Title, s.Run!.Name, s.AccountId, s.Run.Account!.Name,
        db.Users.Where(u => u.Id == s.RequestedById).Select(u => u.DisplayName).FirstOrDefault(),
        s.UpdatedAt, "/playbooks/runs/" + s.RunId, s.Status.ToString(), s.Comment, s.Version));
}
