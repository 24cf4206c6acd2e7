using System.Net;
using System.Net.Http.Json;
using Steward.Features.Accounts;
using Steward.Features.Relationships.Gaps;
using Steward.Infrastructure.Http;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Relationships;

public sealed class RelationshipPortfolioTests : ApiTest
{
    /// <summary>An account with one gap of every kind (and some things that are not gaps).</summary>
    private async Task<AccountDto> TroubledAccountAsync(HttpClient am, string name, string tier = "Key")
    {
        var account = await CreateAccountAsync(am, name, b => b["tier"] = tier);
        var me = await App.UserIdAsync(People.AmNorth);
        var manager = await App.UserIdAsync(People.ManagerNorth);
        async Task<int> Stakeholder(string first, object attributes)
        {
            var contact = await CreateContactAsync(am, account.Id, first, "Of" + name.Replace(" ", "", StringComparison.Ordinal));
            (await am.PutAsJsonAsync($"/api/v1/stakeholders/{contact.Id}", attributes, Json)).EnsureSuccessStatusCode();
            return contact.Id;
        }
        async Task Knows(int contactId, string userId, string strength, int daysAgo) =>
            (await am.PostAsJsonAsync("/api/v1/relationships", new { contactId, userId, strength, lastSpokeAt = StewardApp.Now.UtcDateTime.AddDays(-daysAgo) }, Json)).EnsureSuccessStatusCode();

        var ceo = await Stakeholder("Ceo", new { role = "DecisionMaker", influence = 5 });
        var cfo = await Stakeholder("Cfo", new { role = "EconomicBuyer", influence = 4, attitude = "Opponent", reportsToId = ceo });
        var friend = await Stakeholder("Friend", new { role = "User", influence = 2, attitude = "Supporter", reportsToId = ceo, planOwnerId = me, touchEveryDays = 7 });
        var champion = await Stakeholder("Champion", new { role = "Champion", influence = 3, attitude = "Advocate" });
        (await am.PatchAsJsonAsync($"/api/v1/contacts/{champion}", new { isActive = false }, Json)).EnsureSuccessStatusCode();
        await Knows(friend, me, "Working", 100);
        await Knows(cfo, manager, "Acquainted", 3);
        return account;
    }

    [Fact]
    public async Task The_portfolio_counts_the_same_gaps_as_the_account_page()
    {
        var am = await As(People.AmNorth);
        var account = await TroubledAccountAsync(am, "Hydra Holdings");
        App.Clock.Advance(TimeSpan.FromDays(10));

        var gaps = await ReadAsync<List<RelationshipGap>>(await am.GetAsync($"/api/v1/accounts/{account.Id}/relationship-gaps"));
        int Count(GapKind kind) => gaps.Count(g => g.Kind == kind);
        Assert.Equal(2, Count(GapKind.DecisionMakerUncovered));
        Assert.Equal(1, Count(GapKind.SingleThreaded));
        Assert.Equal(1, Count(GapKind.ChampionLeft));
        Assert.Equal(1, Count(GapKind.UnmanagedBlocker));
        Assert.Equal(1, Count(GapKind.NoExecutiveSponsor));
        Assert.Equal(1, Count(GapKind.StaleRelationship));
        Assert.Equal(1, Count(GapKind.TouchOverdue));

        var page = await ReadAsync<Page<AccountGapSummary>>(await am.GetAsync("/api/v1/relationship-gaps"));
        var summary = Assert.Single(page.Items);
        Assert.Equal(account.Id, summary.AccountId);
        Assert.Equal(Count(GapKind.DecisionMakerUncovered), summary.DecisionMakersUncovered);
        Assert.Equal(Count(GapKind.SingleThreaded) == 1, summary.SingleThreaded);
        Assert.Equal(Count(GapKind.ChampionLeft), summary.ChampionsLeft);
        Assert.Equal(Count(GapKind.UnmanagedBlocker), summary.UnmanagedBlockers);
        Assert.Equal(Count(GapKind.NoExecutiveSponsor) == 1, summary.NoExecutiveSponsor);
        Assert.Equal(Count(GapKind.StaleRelationship), summary.StaleRelationships);
        Assert.Equal(Count(GapKind.TouchOverdue), summary.TouchesOverdue);
        Assert.Equal(gaps.Sum(g => g.Weight), summary.Score);
        Assert.Equal(3, summary.Stakeholders);
        Assert.Equal(1, summary.Covered);
    }

    [Fact]
    public async Task The_portfolio_ranks_pages_and_filters_on_the_server_and_hides_foreign_accounts()
    {
        var am = await As(People.AmNorth);
        var worst = await TroubledAccountAsync(am, "Worst Works");
        var growth = await TroubledAccountAsync(am, "Growth Gadgets", "Growth");
        var mild = await CreateAccountAsync(am, "Mild Mills");
        var south = await As(People.AmSouth);
        await TroubledAccountAsync(south, "Southern Secret");

        var first = await ReadAsync<Page<AccountGapSummary>>(await am.GetAsync("/api/v1/relationship-gaps?pageSize=2"));
        Assert.Equal(3, first.Total);
        Assert.Equal([worst.Id, growth.Id], first.Items.Select(i => i.AccountId));
        Assert.True(first.Items[0].Score > first.Items[1].Score);
        var second = await ReadAsync<Page<AccountGapSummary>>(await am.GetAsync("/api/v1/relationship-gaps?pageSize=2&page=2"));
        Assert.Equal(mild.Id, Assert.Single(second.Items).AccountId);

        var keyOnly = await ReadAsync<Page<AccountGapSummary>>(await am.GetAsync("/api/v1/relationship-gaps?tier=Key&sort=name"));
        Assert.Equal(["Mild Mills", "Worst Works"], keyOnly.Items.Select(i => i.AccountName));

        var southView = await ReadAsync<Page<AccountGapSummary>>(await south.GetAsync("/api/v1/relationship-gaps?search=works"));
        Assert.Equal(0, southView.Total);
        var mine = await ReadAsync<Page<AccountGapSummary>>(await (await As(People.ManagerNorth)).GetAsync("/api/v1/relationship-gaps?mine=true"));
        Assert.Equal(0, mine.Total);
        var managerAll = await ReadAsync<Page<AccountGapSummary>>(await (await As(People.ManagerNorth)).GetAsync("/api/v1/relationship-gaps"));
        Assert.Equal(3, managerAll.Total);
        Assert.Equal(HttpStatusCode.BadRequest, (await am.GetAsync("/api/v1/relationship-gaps?sort=shoe-size")).StatusCode);
    }
}
