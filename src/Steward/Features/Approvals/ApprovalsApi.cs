namespace Steward.Features.Approvals;

public static class ApprovalsApi
{
    public static RouteGroupBuilder MapApprovalsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/approvals").WithTags("Approvals");

        group.MapGet("/", (ApprovalsQueries approvals, CancellationToken ct) => approvals.WaitingAsync(ct))
            .WithSummary("Plans and playbook gates waiting on your decision. Decide with POST /plans/{id}/approve|request-changes or /playbook-steps/{id}/approve|request-changes.");

        group.MapGet("/count", async (ApprovalsQueries approvals, CancellationToken ct) => new { waiting = await approvals.CountWaitingAsync(ct) })
            .WithSummary("How many decisions wait on you.");

        group.MapGet("/requested", (ApprovalsQueries approvals, CancellationToken ct) => approvals.RequestedByMeAsync(ct: ct))
            .WithSummary("What you sent for approval in the last 60 days, with the decision.");

        group.MapGet("/reviews-due", (ApprovalsQueries approvals, CancellationToken ct) => approvals.ReviewsDueAsync(ct))
            .WithSummary("Periodic reviews that have come due on your active plans.");

        group.MapGet("/routing", (ApproverRouting routing, CancellationToken ct) => routing.ListAsync(ct))
            .WithSummary("Who approves for each team: the configured approver, else the team's manager.");

        group.MapPut("/routing/{teamId:int}", async (int teamId, TeamApproverInput input, ApproverRouting routing, CancellationToken ct) =>
        {
            await routing.SetAsync(teamId, input.ApproverId, ct);
            return Results.NoContent();
        }).WithSummary("Admins: name a team's approver (empty to fall back to the team's manager).");

        return api;
    }
}

public sealed record TeamApproverInput(string? ApproverId);
