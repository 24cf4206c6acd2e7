using System.Net;
using System.Net.Http.Json;
using Steward.Features.Accounts;
using Steward.Infrastructure.Http;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Accounts;

public sealed class AccountsApiTests : ApiTest
{
    [Fact]
    public async Task Create_then_get_returns_the_account_with_its_owner_and_an_etag()
    {
        var am = await As(People.AmNorth);
        var created = await CreateAccountAsync(am, "  Nordwind   Logistics ", b => { b["website"] = "nordwind.example"; b["employees"] = 1200; b["annualRevenue"] = 250_000_000m; b["customerSince"] = "2021-04-01"; });

        Assert.Equal("Nordwind   Logistics", created.Name);
        Assert.Equal(await App.UserIdAsync(People.AmNorth), created.OwnerId);
        Assert.Equal("Avery Brooks", created.OwnerName);
        Assert.Equal(1, created.Version);

        var response = await am.GetAsync($"/api/v1/accounts/{created.Id}");
        var fetched = await ReadAsync<AccountDto>(response);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(1200, fetched.Employees);
        Assert.Equal(250_000_000m, fetched.AnnualRevenue);
        Assert.Equal(new DateOnly(2021, 4, 1), fetched.CustomerSince);
        Assert.Equal(AccountTier.Key, fetched.Tier);
    }

    [Fact]
    public async Task Create_with_bad_fields_names_each_field_and_creates_nothing()
    {
        var am = await As(People.AmNorth);
        var response = await am.PostAsJsonAsync("/api/v1/accounts", new { name = "", currency = "euro", employees = -5, website = "not a site", parentId = 999_999 }, Json);

        var errors = await FieldErrorsAsync(response);
        Assert.Contains("Name is required.", errors["name"]);
        Assert.Contains(errors["currency"], m => m.Contains("three-letter", StringComparison.Ordinal));
        Assert.Contains(errors["employees"], m => m.Contains("between 0", StringComparison.Ordinal));
        Assert.Contains(errors["website"], m => m.Contains("web address", StringComparison.Ordinal));
        Assert.Contains(errors["parentId"], m => m.Contains("does not exist", StringComparison.Ordinal));

        var list = await ReadAsync<Page<AccountListItem>>(await am.GetAsync("/api/v1/accounts"));
        Assert.Equal(0, list.Total);
    }

    [Fact]
    public async Task Malformed_json_and_unknown_enum_values_are_400_problems_not_500s()
    {
        var am = await As(People.AmNorth);
        var broken = await am.PostAsync("/api/v1/accounts", new StringContent("{\"name\": ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal("application/problem+json", broken.Content.Headers.ContentType?.MediaType);

        var badEnum = await am.PostAsJsonAsync("/api/v1/accounts", new { name = "X", tier = "Platinum" }, Json);
        Assert.Equal(HttpStatusCode.BadRequest, badEnum.StatusCode);
        Assert.DoesNotContain("   at ", await badEnum.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var badQuery = await am.GetAsync("/api/v1/accounts?tier=Platinum");
        Assert.Equal(HttpStatusCode.BadRequest, badQuery.StatusCode);
        Assert.Contains("Tier", await badQuery.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_pages_sorts_filters_and_searches_on_the_server()
    {
        var am = await As(People.AmNorth);
        foreach (var (name, tier, sector) in new[] { ("Alpha Foods", "Key", "Food"), ("Beta Bank", "Growth", "Finance"), ("Gamma Grocers", "Key", "Food"), ("Delta Dairy", "Standard", "Food") })
        {
            await CreateAccountAsync(am, name, b => { b["tier"] = tier; b["sector"] = sector; });
        }

        var page1 = await ReadAsync<Page<AccountListItem>>(await am.GetAsync("/api/v1/accounts?pageSize=2&page=1&sort=-name"));
        Assert.Equal(4, page1.Total);
        Assert.Equal(["Gamma Grocers", "Delta Dairy"], page1.Items.Select(i => i.Name));
        var page2 = await ReadAsync<Page<AccountListItem>>(await am.GetAsync("/api/v1/accounts?pageSize=2&page=2&sort=-name"));
        Assert.Equal(["Beta Bank", "Alpha Foods"], page2.Items.Select(i => i.Name));

        var keyFood = await ReadAsync<Page<AccountListItem>>(await am.GetAsync("/api/v1/accounts?tier=Key&sector=Food"));
        Assert.Equal(["Alpha Foods", "Gamma Grocers"], keyFood.Items.Select(i => i.Name));

        var search = await ReadAsync<Page<AccountListItem>>(await am.GetAsync("/api/v1/accounts?search=gRoC"));
        Assert.Equal("Gamma Grocers", Assert.Single(search.Items).Name);

        var badSort = await am.GetAsync("/api/v1/accounts?sort=shoeSize");
        Assert.Contains("sort", (await FieldErrorsAsync(badSort)).Keys);
    }

    [Fact]
    public async Task Put_replaces_fields_and_bumps_the_version()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Epsilon Energy");
        var input = AccountInput.From(account);
        input.Status = AccountStatus.AtRisk;
        input.Notes = "Tender announced.";

        var updated = await ReadAsync<AccountDto>(await am.PutAsJsonAsync($"/api/v1/accounts/{account.Id}", input, Json));
        Assert.Equal(AccountStatus.AtRisk, updated.Status);
        Assert.Equal("Tender announced.", updated.Notes);
        Assert.Equal(2, updated.Version);
    }

    [Fact]
    public async Task Patch_changes_only_the_fields_sent_and_rejects_unknown_ones()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Zeta Systems", b => b["notes"] = "keep me");

        var patched = await ReadAsync<AccountDto>(await am.PatchAsJsonAsync($"/api/v1/accounts/{account.Id}", new { status = "Onboarding", country = (string?)null }, Json));
        Assert.Equal(AccountStatus.Onboarding, patched.Status);
        Assert.Null(patched.Country);
        Assert.Equal("keep me", patched.Notes);
        Assert.Equal("Zeta Systems", patched.Name);

        var unknown = await am.PatchAsJsonAsync($"/api/v1/accounts/{account.Id}", new { favouriteColour = "blue" }, Json);
        Assert.Contains("favouriteColour", (await FieldErrorsAsync(unknown)).Keys);

        var invalid = await am.PatchAsJsonAsync($"/api/v1/accounts/{account.Id}", new { name = "" }, Json);
        Assert.Contains("name", (await FieldErrorsAsync(invalid)).Keys);
        var after = await ReadAsync<AccountDto>(await am.GetAsync($"/api/v1/accounts/{account.Id}"));
        Assert.Equal("Zeta Systems", after.Name);
    }

    [Fact]
    public async Task Delete_archives_and_restore_brings_the_account_back()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Eta Engineering");

        var archived = await ReadAsync<AccountDto>(await am.DeleteAsync($"/api/v1/accounts/{account.Id}"));
        Assert.True(archived.Archived);
        Assert.Equal(StewardApp.Now.UtcDateTime, archived.ArchivedAt);

        Assert.Equal(0, (await ReadAsync<Page<AccountListItem>>(await am.GetAsync("/api/v1/accounts"))).Total);
        var withArchived = await ReadAsync<Page<AccountListItem>>(await am.GetAsync("/api/v1/accounts?includeArchived=true"));
        Assert.True(Assert.Single(withArchived.Items).Archived);
        // Still readable by id: archiving hides, it never destroys.
        Assert.Equal(HttpStatusCode.OK, (await am.GetAsync($"/api/v1/accounts/{account.Id}")).StatusCode);

        var restored = await ReadAsync<AccountDto>(await am.PostAsync($"/api/v1/accounts/{account.Id}/restore", null));
        Assert.False(restored.Archived);
        Assert.Equal(1, (await ReadAsync<Page<AccountListItem>>(await am.GetAsync("/api/v1/accounts"))).Total);
    }

    [Fact]
    public async Task Parent_links_cannot_make_a_loop()
    {
        var am = await As(People.AmNorth);
        var group = await CreateAccountAsync(am, "Theta Group");
        var child = await CreateAccountAsync(am, "Theta UK", b => b["parentId"] = group.Id);
        var grandchild = await CreateAccountAsync(am, "Theta UK Services", b => b["parentId"] = child.Id);

        var self = await am.PatchAsJsonAsync($"/api/v1/accounts/{group.Id}", new { parentId = group.Id }, Json);
        Assert.Contains(((await FieldErrorsAsync(self))["parentId"]), m => m.Contains("own parent", StringComparison.Ordinal));
        var loop = await am.PatchAsJsonAsync($"/api/v1/accounts/{group.Id}", new { parentId = grandchild.Id }, Json);
        Assert.Contains(((await FieldErrorsAsync(loop))["parentId"]), m => m.Contains("subsidiaries", StringComparison.Ordinal));

        var subsidiaries = await ReadAsync<Page<AccountListItem>>(await am.GetAsync($"/api/v1/accounts/{group.Id}/subsidiaries"));
        Assert.Equal("Theta UK", Assert.Single(subsidiaries.Items).Name);
    }

    [Fact]
    public async Task External_ids_are_unique()
    {
        var am = await As(People.AmNorth);
        await CreateAccountAsync(am, "Iota", b => b["externalId"] = "0015g00000AbCdEAAZ");
        var duplicate = await am.PostAsJsonAsync("/api/v1/accounts", new { name = "Iota again", externalId = "0015g00000AbCdEAAZ" }, Json);
        Assert.Contains("externalId", (await FieldErrorsAsync(duplicate)).Keys);
    }

    [Fact]
    public async Task Unknown_ids_are_404_problems()
    {
        var am = await As(People.AmNorth);
        var response = await am.GetAsync("/api/v1/accounts/424242");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await am.PutAsJsonAsync("/api/v1/accounts/424242", new { name = "X" }, Json)).StatusCode);
    }

    [Fact]
    public async Task Changes_of_status_tier_owner_and_archiving_are_recorded_with_who_and_when()
    {
        var manager = await As(People.ManagerNorth);
        var account = await CreateAccountAsync(manager, "Kappa History", b => b["ownerId"] = null);
        App.Clock.Advance(TimeSpan.FromHours(1));
        await manager.PatchAsJsonAsync($"/api/v1/accounts/{account.Id}", new { status = "AtRisk", tier = "Growth", ownerId = await App.UserIdAsync(People.AmNorth) }, Json);
        await manager.DeleteAsync($"/api/v1/accounts/{account.Id}");

        var history = await ReadAsync<Page<AccountChangeDto>>(await manager.GetAsync($"/api/v1/accounts/{account.Id}/history"));
        Assert.Equal(
            [AccountChangeKind.Archived, AccountChangeKind.StatusChanged, AccountChangeKind.TierChanged, AccountChangeKind.OwnerChanged, AccountChangeKind.Created],
            history.Items.Select(c => c.Kind).OrderBy(k => k == AccountChangeKind.Created).ThenBy(k => k != AccountChangeKind.Archived).ThenBy(k => k));
        var status = history.Items.Single(c => c.Kind == AccountChangeKind.StatusChanged);
        Assert.Equal(("Active", "AtRisk", "Morgan Meyer"), (status.From, status.To, status.ByName));
        Assert.Equal(StewardApp.Now.UtcDateTime.AddHours(1), status.At);

        var outsider = await As(People.AmSouth);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/accounts/{account.Id}/history")).StatusCode);
    }
}
