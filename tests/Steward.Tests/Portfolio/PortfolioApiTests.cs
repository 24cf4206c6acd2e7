using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Accounts;
using Steward.Features.Portfolio;
using Steward.Features.Revenue;
using Steward.Infrastructure.Http;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Portfolio;

public sealed class PortfolioApiTests : ApiTest
{
    /// <summary>Monthly revenue for the 24 complete months before the test clock (Nov 2026): Nov 2024 … Oct 2026.</summary>
    private Task AddRevenueAsync(int accountId, decimal previousYearMonthly, decimal lastYearMonthly, decimal? margin = null) =>
        App.AsAsync<int>(null, async services =>
        {
            var db = services.GetRequiredService<StewardDbContext>();
            for (var i = 0; i < 24; i++)
            {
                db.Add(new RevenueLine { AccountId = accountId, Period = new DateOnly(2024, 11, 1).AddMonths(i), Amount = i < 12 ? previousYearMonthly : lastYearMonthly, Currency = "EUR", Margin = margin });
            }
            return await db.SaveChangesAsync();
        });

    private async Task<ScoringRun> RescoreAsync(HttpClient client) =>
        await ReadAsync<ScoringRun>(await client.PostAsync("/api/v1/portfolio/rescore", null));

    [Fact]
    public async Task Scores_are_explained_criterion_by_criterion_and_parents_include_their_subsidiaries()
    {
        var am = await As(People.AmNorth);
        var group = await CreateAccountAsync(am, "Omega Group", b => { b["estimatedWallet"] = 3_000_000m; b["strategicFit"] = 5; b["replaceability"] = 2; b["relationshipStrength"] = 4; });
        var sub = await CreateAccountAsync(am, "Omega UK", b => b["parentId"] = group.Id);
        var small = await CreateAccountAsync(am, "Tiny Traders");
        await AddRevenueAsync(group.Id, 50_000m, 60_000m, margin: 0.2m);   // own: 720k this year, 600k before
        await AddRevenueAsync(sub.Id, 50_000m, 65_000m, margin: 0.4m);     // 780k vs 600k
        await AddRevenueAsync(small.Id, 10_000m, 5_000m);

        var run = await RescoreAsync(await As(People.ManagerNorth));
        Assert.Equal(3, run.Accounts);

        var explanation = await ReadAsync<ScoreExplanation>(await am.GetAsync($"/api/v1/accounts/{group.Id}/score"));
        Assert.Equal(1_500_000m, explanation.Revenue12);        // 720k + 780k
        Assert.Equal(720_000m, explanation.OwnRevenue12);
        var growth = explanation.Criteria.Single(c => c.Criterion.StartsWith("Growth", StringComparison.Ordinal));
        Assert.Equal("+25.0%", growth.Value);                   // 1.5M vs 1.2M
        Assert.Equal(75, growth.Score);
        var margin = explanation.Criteria.Single(c => c.Criterion == "Margin");
        Assert.Equal("30.4%", margin.Value);                    // (720k·0.2 + 780k·0.4) / 1.5M
        Assert.Equal(100, explanation.Criteria.Single(c => c.Criterion == "Revenue, last 12 months").Score);
        Assert.Equal("5 of 5", explanation.Criteria.Single(c => c.Criterion == "Strategic fit").Value);
        var share = explanation.Criteria.Single(c => c.Criterion == "Share of wallet");
        Assert.Equal("50.0%", share.Value);                     // 1.5M of 3M
        // Contributions add up to the axis scores.
        Assert.Equal(explanation.Attractiveness, (int)Math.Round(explanation.Criteria.Where(c => c.Axis == "Attractiveness").Sum(c => c.Points), MidpointRounding.AwayFromZero));
        Assert.Equal(explanation.Position, (int)Math.Round(explanation.Criteria.Where(c => c.Axis == "Position").Sum(c => c.Points), MidpointRounding.AwayFromZero));
        Assert.Equal(Quadrant.Strategic, explanation.Quadrant);
        Assert.Equal(AccountTier.Key, explanation.RecommendedTier);

        var tiny = await ReadAsync<ScoreExplanation>(await am.GetAsync($"/api/v1/accounts/{small.Id}/score"));
        Assert.Equal(0, tiny.Criteria.Single(c => c.Criterion.StartsWith("Growth", StringComparison.Ordinal)).Score); // −50%
        Assert.Equal("not set (counts as neutral)", tiny.Criteria.Single(c => c.Criterion == "Strategic fit").Value);
    }

    [Fact]
    public async Task The_portfolio_summary_covers_only_what_the_viewer_sees_and_the_80_20_counts_own_revenue()
    {
        var am = await As(People.AmNorth);
        var south = await As(People.AmSouth);
        var a = await CreateAccountAsync(am, "Alpha");
        var b = await CreateAccountAsync(am, "Beta", x => x["parentId"] = a.Id);
        var c = await CreateAccountAsync(south, "Gamma South");
        await AddRevenueAsync(a.Id, 0m, 80_000m);
        await AddRevenueAsync(b.Id, 0m, 20_000m);
        await AddRevenueAsync(c.Id, 0m, 500_000m);
        await RescoreAsync(await As(People.Admin));

        var mine = await ReadAsync<PortfolioSummary>(await am.GetAsync("/api/v1/portfolio"));
        Assert.Equal(["Alpha", "Beta"], mine.Matrix.Select(m => m.Name).Order());
        Assert.Equal(1_200_000m, mine.Pareto.TotalRevenue);     // 960k + 240k, the parent's roll-up not counted twice
        Assert.Equal(1, mine.Pareto.TopCount);
        Assert.Equal("The top 1 accounts (50%) bring 80% of revenue.", mine.Pareto.Sentence);
        Assert.Equal(2, Assert.Single(mine.Load).Accounts);

        var admin = await ReadAsync<PortfolioSummary>(await (await As(People.Admin)).GetAsync("/api/v1/portfolio"));
        Assert.Equal(3, admin.Matrix.Count);
        Assert.Equal(2, admin.Load.Count);

        var southTable = await ReadAsync<Page<PortfolioRow>>(await south.GetAsync("/api/v1/portfolio/accounts"));
        Assert.Equal("Gamma South", Assert.Single(southTable.Items).Name);
        Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/api/v1/accounts/{a.Id}/score")).StatusCode);
    }

    [Fact]
    public async Task Load_is_measured_against_the_configured_capacity()
    {
        var admin = await As(People.Admin);
        var settings = await ReadAsync<PortfolioSettings>(await admin.GetAsync("/api/v1/portfolio/settings"));
        settings.AccountsPerManager = 2;
        await ReadAsync<PortfolioSettings>(await admin.PutAsJsonAsync("/api/v1/portfolio/settings", settings, Json));

        var am = await As(People.AmNorth);
        foreach (var name in new[] { "One", "Two", "Three" }) await CreateAccountAsync(am, name);
        await RescoreAsync(admin);
        var load = Assert.Single((await ReadAsync<PortfolioSummary>(await am.GetAsync("/api/v1/portfolio"))).Load);
        Assert.Equal((3, 2, true), (load.Accounts, load.Capacity, load.OverCapacity));
    }

    [Fact]
    public async Task Assigning_a_tier_is_recorded_with_the_reason_and_only_owner_manager_or_admin_may()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Sigma Tier", b => b["tier"] = "Standard");
        var south = await As(People.AmSouth);
        await am.PostAsJsonAsync($"/api/v1/accounts/{account.Id}/team", new { userId = await App.UserIdAsync(People.AmSouth), role = "Support" }, Json);

        Assert.Equal(HttpStatusCode.Forbidden, (await south.PutAsJsonAsync($"/api/v1/accounts/{account.Id}/tier", new { tier = "Key", reason = "I say so" }, Json)).StatusCode);
        Assert.Contains("tier", (await FieldErrorsAsync(await am.PutAsJsonAsync($"/api/v1/accounts/{account.Id}/tier", new { reason = "no tier" }, Json))).Keys);

        var manager = await As(People.ManagerNorth);
        var updated = await ReadAsync<AccountDto>(await manager.PutAsJsonAsync($"/api/v1/accounts/{account.Id}/tier", new { tier = "Key", reason = "Recommended by the portfolio review" }, Json));
        Assert.Equal(AccountTier.Key, updated.Tier);

        var history = await ReadAsync<Page<AccountChangeDto>>(await am.GetAsync($"/api/v1/accounts/{account.Id}/history"));
        var change = history.Items.First(h => h.Kind == AccountChangeKind.TierChanged);
        Assert.Equal(("Standard", "Key", "Recommended by the portfolio review", "Morgan Meyer"), (change.From, change.To, change.Reason, change.ByName));
    }

    [Fact]
    public async Task Only_admins_change_the_settings_and_bad_weights_are_refused()
    {
        var manager = await As(People.ManagerNorth);
        var settings = await ReadAsync<PortfolioSettings>(await manager.GetAsync("/api/v1/portfolio/settings"));
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PutAsJsonAsync("/api/v1/portfolio/settings", settings, Json)).StatusCode);

        var admin = await As(People.Admin);
        settings.RevenueWeight = 11;
        Assert.Contains("revenueWeight", (await FieldErrorsAsync(await admin.PutAsJsonAsync("/api/v1/portfolio/settings", settings, Json))).Keys);
        settings.ShareOfWalletWeight = 0;
        settings.RelationshipWeight = 0;
        settings.RevenueWeight = 5;
        Assert.Contains("shareOfWalletWeight", (await FieldErrorsAsync(await admin.PutAsJsonAsync("/api/v1/portfolio/settings", settings, Json))).Keys);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await As(People.AmNorth)).PostAsync("/api/v1/portfolio/rescore", null)).StatusCode);
    }
}
