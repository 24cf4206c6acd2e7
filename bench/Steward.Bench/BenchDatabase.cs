using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Steward.Data;
using Steward.Features.Demo;
using Steward.Features.Demo.Generator;
using Steward.Features.Portfolio;
using Steward.Features.Users;
using Steward.Infrastructure.Access;

namespace Steward.Bench;

/// <summary>
/// A database with the demo people and <paramref name="accounts"/> generated accounts (the
/// generator of <c>steward demo generate</c>), built once and reused by later runs of the same size.
/// SQLite always; PostgreSQL when STEWARD_BENCH_POSTGRES holds a connection string to a server.
/// </summary>
public static class BenchDatabase
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>The providers this machine can measure: PostgreSQL only when a server was given.</summary>
    public static IEnumerable<string> Providers() =>
        Environment.GetEnvironmentVariable("STEWARD_BENCH_POSTGRES") is { Length: > 0 } ? [Sqlite, Postgres] : [Sqlite];

    public static async Task<WebApplication> OpenAsync(string provider, int accounts, int months, bool score = true)
    {
        var name = $"steward_bench_{accounts}_{months}";
        string connection;
        if (provider == Postgres)
        {
            var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("STEWARD_BENCH_POSTGRES"));
            await CreatePostgresDatabaseAsync(server.ConnectionString, name);
            server.Database = name;
            connection = server.ConnectionString;
        }
        else
        {
            connection = $"Data Source={Path.Combine(Path.GetTempPath(), name + ".db")}";
        }
        var app = Program.CreateBuilder([$"--Database:Provider={provider}", $"--ConnectionStrings:Steward={connection}", "--Logging:LogLevel:Default=Warning",
            $"--Import:Directory={Path.Combine(Path.GetTempPath(), name + "-imports")}"]).Build();
        await DatabaseSetup.MigrateAsync(app.Services);

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Viewer>().SetSystem();
        var db = scope.ServiceProvider.GetRequiredService<StewardDbContext>();
        // Batches commit one by one: an interrupted build is finished on the next run, not restarted.
        var have = await db.Accounts.IgnoreQueryFilters().CountAsync(a => a.ExternalId != null && a.ExternalId.StartsWith("GEN-"));
        if (have >= accounts) return app;

        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(new DemoOptions { Seed = true, Accounts = 0 });
        await scope.ServiceProvider.GetRequiredService<DataSetGenerator>().GenerateAsync(accounts - have, months);
        if (score) await scope.ServiceProvider.GetRequiredService<ScoringService>().RecomputeAsync("bench");
        return app;
    }

    /// <summary>A service scope acting as the user with this email (their access rules apply).</summary>
    public static async Task<AsyncServiceScope> ScopeForAsync(WebApplication app, string email)
    {
        var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<StewardUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No user {email} in the bench database.");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<StewardUser>>().CreateAsync(user);
        scope.ServiceProvider.GetRequiredService<Viewer>().Set(principal);
        return scope;
    }

    private static async Task CreatePostgresDatabaseAsync(string server, string name)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", name);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
    }
}
