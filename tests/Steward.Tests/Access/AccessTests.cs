using System.Net;
using System.Net.Http.Json;
using Steward.Features.Accounts;
using Steward.Features.Contacts;
using Steward.Infrastructure.Http;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Access;

/// <summary>
/// Record-level access with foreign ids: North's account manager owns an account; the South team
/// must not be able to see, count, find or change it, by any route.
/// </summary>
public sealed class AccessTests : ApiTest
{
    private async Task<(AccountDto Account, ContactDto Contact)> NorthAccountAsync()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Kappa Kitchens North");
        var contact = await CreateContactAsync(am, account.Id, "Kim", "Kappa", "kim@kappa.example");
        return (account, contact);
    }

    [Theory]
    [InlineData(People.AmSouth)]
    [InlineData(People.ManagerSouth)]
    [InlineData(People.Am2North)]
    public async Task Outsiders_get_404_for_every_read_and_write_of_a_foreign_account(string outsider)
    {
        var (account, contact) = await NorthAccountAsync();
        var client = await As(outsider);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/accounts/{account.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/accounts/{account.Id}", new { name = "Hijacked" }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PatchAsJsonAsync($"/api/v1/accounts/{account.Id}", new { name = "Hijacked" }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/accounts/{account.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/accounts/{account.Id}/restore", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/accounts/{account.Id}/contacts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/accounts/{account.Id}/revenue")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/accounts/{account.Id}/team")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/accounts/{account.Id}/team", new { userId = await App.UserIdAsync(outsider), role = "Support" }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/contacts/{contact.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PatchAsJsonAsync($"/api/v1/contacts/{contact.Id}", new { lastName = "X" }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/contacts/{contact.Id}")).StatusCode);

        // Absent from lists, search and counts.
        var accounts = await ReadAsync<Page<AccountListItem>>(await client.GetAsync("/api/v1/accounts?search=kappa&includeArchived=true"));
        Assert.Equal(0, accounts.Total);
        var contacts = await ReadAsync<Page<ContactDto>>(await client.GetAsync("/api/v1/contacts?search=kim"));
        Assert.Equal(0, contacts.Total);

        // Cannot attach a contact or a subsidiary to it either.
        var foreignContact = await client.PostAsJsonAsync("/api/v1/contacts", new { accountId = account.Id, firstName = "Spy", lastName = "Ware" }, Json);
        Assert.Contains("accountId", (await FieldErrorsAsync(foreignContact)).Keys);
        var foreignParent = await client.PostAsJsonAsync("/api/v1/accounts", new { name = "Sub", parentId = account.Id }, Json);
        Assert.Contains("parentId", (await FieldErrorsAsync(foreignParent)).Keys);

        // And nothing changed.
        var owner = await As(People.AmNorth);
        var unchanged = await ReadAsync<AccountDto>(await owner.GetAsync($"/api/v1/accounts/{account.Id}"));
        Assert.Equal("Kappa Kitchens North", unchanged.Name);
        Assert.False(unchanged.Archived);
    }

    [Theory]
    [InlineData(People.ManagerNorth)]
    [InlineData(People.Admin)]
    public async Task The_owners_manager_and_admins_see_and_change_it(string insider)
    {
        var (account, contact) = await NorthAccountAsync();
        var client = await As(insider);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/accounts/{account.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/contacts/{contact.Id}")).StatusCode);
        Assert.Equal(1, (await ReadAsync<Page<AccountListItem>>(await client.GetAsync("/api/v1/accounts?search=kappa"))).Total);
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsJsonAsync($"/api/v1/accounts/{account.Id}", new { status = "AtRisk" }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/v1/accounts/{account.Id}")).StatusCode);
    }

    [Fact]
    public async Task Joining_the_account_team_grants_access_and_leaving_removes_it()
    {
        var (account, _) = await NorthAccountAsync();
        var owner = await As(People.AmNorth);
        var south = await As(People.AmSouth);
        var southManager = await As(People.ManagerSouth);

        var added = await owner.PostAsJsonAsync($"/api/v1/accounts/{account.Id}/team", new { userId = await App.UserIdAsync(People.AmSouth), role = "TechnicalLead" }, Json);
        var member = await ReadAsync<AccountTeamMemberDto>(added, HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.OK, (await south.GetAsync($"/api/v1/accounts/{account.Id}")).StatusCode);
        // Their manager sees what their team serves on.
        Assert.Equal(HttpStatusCode.OK, (await southManager.GetAsync($"/api/v1/accounts/{account.Id}")).StatusCode);
        // Serving on the team is not owning it: a team member cannot archive.
        Assert.Equal(HttpStatusCode.Forbidden, (await south.DeleteAsync($"/api/v1/accounts/{account.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/v1/accounts/{account.Id}/team/{member.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await south.GetAsync($"/api/v1/accounts/{account.Id}")).StatusCode);
    }

    [Fact]
    public async Task Owners_can_only_be_assigned_within_the_viewers_reach()
    {
        var am = await As(People.AmNorth);
        var am2Id = await App.UserIdAsync(People.Am2North);
        var southId = await App.UserIdAsync(People.AmSouth);

        var selfAssignedOther = await am.PostAsJsonAsync("/api/v1/accounts", new { name = "Lambda", ownerId = am2Id }, Json);
        Assert.Contains("ownerId", (await FieldErrorsAsync(selfAssignedOther)).Keys);

        var manager = await As(People.ManagerNorth);
        var forTeam = await CreateAccountAsync(manager, "Lambda Logistics", b => b["ownerId"] = am2Id);
        Assert.Equal(am2Id, forTeam.OwnerId);
        var outsideTeam = await manager.PostAsJsonAsync("/api/v1/accounts", new { name = "Mu", ownerId = southId }, Json);
        Assert.Contains("ownerId", (await FieldErrorsAsync(outsideTeam)).Keys);

        var admin = await As(People.Admin);
        Assert.Equal(southId, (await CreateAccountAsync(admin, "Nu Networks", b => b["ownerId"] = southId)).OwnerId);
    }

    [Fact]
    public async Task Each_manager_sees_exactly_their_teams_accounts()
    {
        await CreateAccountAsync(await As(People.AmNorth), "North One");
        await CreateAccountAsync(await As(People.Am2North), "North Two");
        await CreateAccountAsync(await As(People.AmSouth), "South One");

        async Task<string[]> NamesFor(string email) =>
            [.. (await ReadAsync<Page<AccountListItem>>(await (await As(email)).GetAsync("/api/v1/accounts"))).Items.Select(i => i.Name)];

        Assert.Equal(["North One", "North Two"], await NamesFor(People.ManagerNorth));
        Assert.Equal(["South One"], await NamesFor(People.ManagerSouth));
        Assert.Equal(["North One"], await NamesFor(People.AmNorth));
        Assert.Equal(["North One", "North Two", "South One"], await NamesFor(People.Admin));
    }

    [Fact]
    public async Task Anonymous_requests_get_401_problems()
    {
        var anonymous = App.CreateClient();
        var response = await anonymous.GetAsync("/api/v1/accounts");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
