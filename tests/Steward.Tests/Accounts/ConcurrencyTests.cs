using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Accounts;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Accounts;

public sealed class ConcurrencyTests : ApiTest
{
    private readonly SneakyWriter _sneaky = new();

    protected override Action<IServiceCollection> ConfigureServices => services =>
    {
        services.ConfigureDbContext<SqliteStewardDbContext>(o => o.AddInterceptors(_sneaky));
        services.ConfigureDbContext<PostgresStewardDbContext>(o => o.AddInterceptors(_sneaky));
    };

    [Fact]
    public async Task A_stale_if_match_is_412_and_changes_nothing()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Omicron Optics");

        var first = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/accounts/{account.Id}") { Content = JsonContent.Create(new { notes = "first" }, options: Json) };
        first.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"1\""));
        var firstResponse = await am.SendAsync(first);
        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.Equal("\"2\"", firstResponse.Headers.ETag?.Tag);

        var stale = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/accounts/{account.Id}") { Content = JsonContent.Create(new { notes = "second" }, options: Json) };
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"1\""));
        var staleResponse = await am.SendAsync(stale);
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleResponse.StatusCode);

        var current = await ReadAsync<AccountDto>(await am.GetAsync($"/api/v1/accounts/{account.Id}"));
        Assert.Equal("first", current.Notes);
        Assert.Equal(2, current.Version);
    }

    [Fact]
    public async Task A_writer_racing_between_read_and_save_gets_409_and_its_change_is_not_applied()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Pi Pharma");

        // Another writer commits after our request read the row and before it saves.
        _sneaky.BeforeNextAccountUpdate = $"UPDATE \"Accounts\" SET \"Notes\" = 'theirs', \"Version\" = \"Version\" + 1 WHERE \"Id\" = {account.Id}";
        var response = await am.PatchAsJsonAsync($"/api/v1/accounts/{account.Id}", new { notes = "mine" }, Json);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Nothing was changed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var current = await ReadAsync<AccountDto>(await am.GetAsync($"/api/v1/accounts/{account.Id}"));
        Assert.Equal("theirs", current.Notes);
    }

    /// <summary>Runs one SQL statement just before the next UPDATE of an account, on the same connection.</summary>
    private sealed class SneakyWriter : DbCommandInterceptor
    {
        public string? BeforeNextAccountUpdate { get; set; }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await SneakAsync(command, cancellationToken);
            return result;
        }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await SneakAsync(command, cancellationToken);
            return result;
        }

        private async Task SneakAsync(DbCommand command, CancellationToken ct)
        {
            if (BeforeNextAccountUpdate is not { } sql || !command.CommandText.Contains("UPDATE \"Accounts\"", StringComparison.Ordinal)) return;
            BeforeNextAccountUpdate = null;
            await using var sneak = command.Connection!.CreateCommand();
            sneak.Transaction = command.Transaction;
            sneak.CommandText = sql;
            await sneak.ExecuteNonQueryAsync(ct);
        }
    }
}
