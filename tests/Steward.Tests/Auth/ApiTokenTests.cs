using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Steward.Features.ApiTokens;
using Steward.Features.Users;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Auth;

public sealed class ApiTokenTests : ApiTest
{
    private HttpClient WithToken(string token)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task A_token_authenticates_as_its_user()
    {
        var me = await ReadAsync<Me>(await WithToken(await App.CreateTokenAsync(People.ManagerNorth)).GetAsync("/api/v1/me"));
        Assert.Equal("Morgan Meyer", me.DisplayName);
        Assert.True(me.IsManager);
        Assert.False(me.IsAdmin);
    }

    [Theory]
    [InlineData("stw_0000000000000000000000000000000000000000000000")]
    [InlineData("not-even-a-token")]
    [InlineData("")]
    public async Task Unknown_tokens_are_401(string token)
    {
        var response = await WithToken(token).GetAsync("/api/v1/accounts");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Revoked_tokens_stop_working_at_once()
    {
        var client = await As(People.AmNorth);
        var created = await ReadAsync<CreatedApiToken>(await client.PostAsJsonAsync("/api/v1/tokens", new { name = "script" }, Json), HttpStatusCode.Created);
        var scripted = WithToken(created.Secret);
        Assert.Equal(HttpStatusCode.OK, (await scripted.GetAsync("/api/v1/accounts")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/tokens/{created.Token.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await scripted.GetAsync("/api/v1/accounts")).StatusCode);
    }

    [Fact]
    public async Task Tokens_expire_by_the_clock()
    {
        var token = await App.CreateTokenAsync(People.AmNorth, StewardApp.Now.UtcDateTime.AddDays(1));
        var client = WithToken(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/accounts")).StatusCode);
        App.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/accounts")).StatusCode);
    }

    [Fact]
    public async Task Only_the_hash_is_stored_and_listing_never_shows_secrets()
    {
        var client = await As(People.AmNorth);
        var created = await ReadAsync<CreatedApiToken>(await client.PostAsJsonAsync("/api/v1/tokens", new { name = "bi export", expiresInDays = 30 }, Json), HttpStatusCode.Created);
        var listing = await client.GetStringAsync("/api/v1/tokens");
        Assert.DoesNotContain(created.Secret, listing, StringComparison.Ordinal);
        Assert.Contains(created.Secret[..10], listing, StringComparison.Ordinal);

        var stored = await App.AsAsync(null, async services =>
        {
            var db = services.GetRequiredService<Steward.Data.StewardDbContext>();
            return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.ApiTokens, t => t.Id == created.Token.Id);
        });
        Assert.NotEqual(created.Secret, stored.Hash);
        Assert.Equal(64, stored.Hash.Length);
    }

    [Fact]
    public async Task A_token_needs_a_name()
    {
        var client = await As(People.AmNorth);
        Assert.Contains("name", (await FieldErrorsAsync(await client.PostAsJsonAsync("/api/v1/tokens", new { name = " " }, Json))).Keys);
    }

    [Fact]
    public async Task Another_users_token_cannot_be_revoked()
    {
        var mine = await ReadAsync<CreatedApiToken>(await (await As(People.AmNorth)).PostAsJsonAsync("/api/v1/tokens", new { name = "mine" }, Json), HttpStatusCode.Created);
        var other = await As(People.AmSouth);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/v1/tokens/{mine.Token.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WithToken(mine.Secret).GetAsync("/api/v1/accounts")).StatusCode);
    }
}
