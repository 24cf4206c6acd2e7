using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Accounts;
using Steward.Features.Portfolio;
using Steward.Features.Revenue;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Portfolio;

/// <summary>
/// The portfolio summary is cached per viewer; these check that a cached summary never outlives a
/// change it depends on and is never handed to someone who may see less.
/// </summary>
public sealed class PortfolioSummaryCacheTests : ApiTest
{
    private Task AddRevenueAsync(int accountId, decimal monthly) =>
        App.AsAsync<int>(null, async services =>
        {
            var db = services.GetRequiredService<StewardDbContext>();
            for (var i = 12; i < 24; i++) db.Add(new RevenueLine { AccountId = accountId, Period = new DateOnly(2024, 11, 1).AddMonths(i), Amount = monthly, Currency = "EUR" });
            return await db.SaveChangesAsync();
        });

    private static async Task<PortfolioSummary> SummaryAsync(HttpClient client) => await ReadAsync<PortfolioSummary>(await client.GetAsync("/api/v1/portfolio"));

    [Fact]
    public async Task The_summary_shows_each_change_on_the_next_read()
    {
        var am = await As(People.AmNorth);
        var admin = await As(People.Admin);
        var alpha = await CreateAccountAsync(am, "Alpha Cache", b => b["tier"] = "Standard");
        var beta = await CreateAccountAsync(am, "Beta Cache", b => b["tier"] = "Standard");
        await AddRevenueAsync(alpha.Id, 10_000m);
        await admin.PostAsync("/api/v1/portfolio/rescore", null);

        var before = await SummaryAsync(am);
        Assert.Equal(120_000m, before.Pareto.TotalRevenue);
        Assert.Equal((2, 0), (Assert.Single(before.Load).Accounts, before.Load[0].KeyAccounts));

        // A tier assigned: the load counts the new key account.
        (await am.PutAsJsonAsync($"/api/v1/accounts/{alpha.Id}/tier", new { tier = "Key", reason = "Review" }, Json)).EnsureSuccessStatusCode();
        Assert.Equal(1, Assert.Single((await SummaryAsync(am)).Load).KeyAccounts);

        // New revenue and a rescore: the 80/20 total moves.
        await AddRevenueAsync(beta.Id, 5_000m);
        await admin.PostAsync("/api/v1/portfolio/rescore", null);
        Assert.Equal(180_000m, (await SummaryAsync(am)).Pareto.TotalRevenue);

        // An account archived: it leaves the matrix.
        (await am.DeleteAsync($"/api/v1/accounts/{beta.Id}")).EnsureSuccessStatusCode();
        var after = await SummaryAsync(am);
        Assert.Equal(["Alpha Cache"], after.Matrix.Select(m => m.Name));

        // Capacity changed by an admin: the load is measured against the new figure.
        var settings = await ReadAsync<PortfolioSettings>(await admin.GetAsync("/api/v1/portfolio/settings"));
        settings.AccountsPerManager = 7;
        await ReadAsync<PortfolioSettings>(await admin.PutAsJsonAsync("/api/v1/portfolio/settings", settings, Json));
        Assert.Equal(7, Assert.Single((await SummaryAsync(am)).Load).Capacity);
    }

    [Fact]
    public async Task A_cached_summary_is_never_handed_to_another_viewer_and_follows_the_account_team()
    {
        var north = await As(People.AmNorth);
        var south = await As(People.AmSouth);
        var account = await CreateAccountAsync(north, "Northern Secret");
        await AddRevenueAsync(account.Id, 1_000m);
        await (await As(People.Admin)).PostAsync("/api/v1/portfolio/rescore", null);

        Assert.Equal(["Northern Secret"], (await SummaryAsync(north)).Matrix.Select(m => m.Name));
        Assert.Empty((await SummaryAsync(south)).Matrix);

        // South joins the account team: the account appears in their summary at once; and leaves it when removed.
        var response = await north.PostAsJsonAsync($"/api/v1/accounts/{account.Id}/team", new { userId = await App.UserIdAsync(People.AmSouth), role = "Support" }, Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var member = await response.Content.ReadFromJsonAsync<AccountTeamMemberDto>(Json);
        Assert.Equal(["Northern Secret"], (await SummaryAsync(south)).Matrix.Select(m => m.Name));

        (await north.DeleteAsync($"/api/v1/accounts/{account.Id}/team/{member!.Id}")).EnsureSuccessStatusCode();
        Assert.Empty((await SummaryAsync(south)).Matrix);
    }
}
