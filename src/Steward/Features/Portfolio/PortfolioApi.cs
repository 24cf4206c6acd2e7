using Steward.Infrastructure.Access;
using Steward.Infrastructure.Errors;

namespace Steward.Features.Portfolio;

public static class PortfolioApi
{
    public static RouteGroupBuilder MapPortfolioApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/portfolio").WithTags("Portfolio");

        group.MapGet("/", ([AsParameters] PortfolioFilter filter, PortfolioQueries portfolio, CancellationToken ct) => portfolio.SummaryAsync(filter, ct))
            .WithSummary("Matrix points, the 80/20 figures, quadrant counts, load per account manager and the rising accounts, for the accounts you can see.");

        group.MapGet("/accounts", ([AsParameters] PortfolioFilter filter, string? sort, int? page, int? pageSize, PortfolioQueries portfolio, CancellationToken ct) =>
            portfolio.TableAsync(filter, sort, page, pageSize, ct))
            .WithSummary("Scored accounts, paged; sort by attractiveness (default, highest first), position, revenue, growth, name or owner.");

        group.MapPost("/rescore", async (Viewer viewer, ScoringService scoring, CancellationToken ct) =>
        {
            if (!viewer.IsAdmin && !viewer.IsManager) throw new ForbiddenException("Managers and admins can rescore the portfolio.");
            return await scoring.RecomputeAsync("manual", viewer.UserId, ct);
        }).WithSummary("Recompute every account's score now (also happens after each import and settings change).");

        group.MapGet("/settings", (PortfolioService service, CancellationToken ct) => service.GetSettingsAsync(ct))
            .WithSummary("Scoring weights, thresholds and capacity per account manager.");

        group.MapPut("/settings", (PortfolioSettings settings, PortfolioService service, CancellationToken ct) => service.UpdateSettingsAsync(settings, ct))
            .WithSummary("Admins only: change the scoring settings; the portfolio is rescored at once.");

        api.MapGet("/accounts/{id:int}/score", async (int id, PortfolioService service, CancellationToken ct) =>
            await service.ExplainAsync(id, ct) is { } explanation ? Results.Ok(explanation) : Results.NoContent())
            .WithTags("Portfolio").WithSummary("The account's scores with each criterion's value, weight and contribution (204 before the first scoring).");

        api.MapPut("/accounts/{id:int}/tier", (int id, TierAssignment assignment, PortfolioService service, CancellationToken ct) =>
            service.AssignTierAsync(id, assignment, ct))
            .WithTags("Portfolio").WithSummary("Assign the account's tier, with the reason; recorded in its history.");
        return api;
    }
}
