using System.Net;
using System.Net.Http.Json;
using Steward.Features.Relationships;
using Steward.Infrastructure.Http;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Relationships;

/// <summary>Stakeholders, relationships and gaps of a North account, tried by outsiders with its ids.</summary>
public sealed class RelationshipAccessTests : ApiTest
{
    [Theory]
    [InlineData(People.AmSouth)]
    [InlineData(People.ManagerSouth)]
    [InlineData(People.Am2North)]
    public async Task Outsiders_get_404_and_see_nothing(string outsider)
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Pegasus Paper");
        var contact = await CreateContactAsync(am, account.Id, "Pia", "Pegasus");
        var me = await App.UserIdAsync(People.AmNorth);
        await am.PutAsJsonAsync($"/api/v1/stakeholders/{contact.Id}", new { role = "DecisionMaker", influence = 5 }, Json);
        var relationship = await ReadAsync<RelationshipDto>(await am.PostAsJsonAsync("/api/v1/relationships", new { contactId = contact.Id, userId = me, strength = "Working" }, Json), HttpStatusCode.Created);

        var client = await As(outsider);
        var outsiderId = await App.UserIdAsync(outsider);
        foreach (var url in new[]
        {
            $"/api/v1/accounts/{account.Id}/relationships", $"/api/v1/accounts/{account.Id}/stakeholders", $"/api/v1/accounts/{account.Id}/relationship-gaps",
            $"/api/v1/accounts/{account.Id}/relationships/map.svg", $"/api/v1/stakeholders/{contact.Id}", $"/api/v1/relationships/{relationship.Id}",
        })
        {
            Assert.True((await client.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/stakeholders/{contact.Id}", new { influence = 1 }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PatchAsJsonAsync($"/api/v1/stakeholders/{contact.Id}", new { influence = 1 }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PatchAsJsonAsync($"/api/v1/relationships/{relationship.Id}", new { strength = "None" }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/relationships/{relationship.Id}", new { strength = "None" }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/relationships/{relationship.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/accounts/{account.Id}/relationships/contacts", new { contactIds = new[] { contact.Id }, userIds = new[] { outsiderId } }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/accounts/{account.Id}/relationship-gaps/single-threaded/task", null)).StatusCode);
        var attach = await FieldErrorsAsync(await client.PostAsJsonAsync("/api/v1/relationships", new { contactId = contact.Id, userId = outsiderId, strength = "Working" }, Json));
        Assert.Contains("contactId", attach.Keys);
        Assert.Equal(0, (await ReadAsync<Page<Steward.Features.Relationships.Gaps.AccountGapSummary>>(await client.GetAsync("/api/v1/relationship-gaps"))).Total);

        // Nothing changed.
        var unchanged = await ReadAsync<StakeholderDto>(await am.GetAsync($"/api/v1/stakeholders/{contact.Id}"));
        Assert.Equal(5, unchanged.Influence);
        Assert.Equal(RelationshipStrength.Working, Assert.Single(unchanged.Relationships).Strength);
    }

    [Fact]
    public async Task A_colleague_added_to_the_account_team_can_work_on_its_relationships()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Phoenix Pharma");
        var contact = await CreateContactAsync(am, account.Id, "Phil", "Phoenix");
        var southId = await App.UserIdAsync(People.AmSouth);
        var south = await As(People.AmSouth);
        Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/api/v1/accounts/{account.Id}/relationships")).StatusCode);

        (await am.PostAsJsonAsync($"/api/v1/accounts/{account.Id}/team", new { userId = southId, role = "Support" }, Json)).EnsureSuccessStatusCode();
        await ReadAsync<RelationshipDto>(await south.PostAsJsonAsync("/api/v1/relationships", new { contactId = contact.Id, userId = southId, strength = "Working" }, Json), HttpStatusCode.Created);
        var picture = await ReadAsync<RelationshipPicture>(await south.GetAsync($"/api/v1/accounts/{account.Id}/relationships"));
        Assert.Equal("Riley Santos", Assert.Single(Assert.Single(picture.Stakeholders).Relationships).UserName);
    }
}
