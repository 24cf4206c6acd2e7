using Microsoft.Data.Sqlite;
using Npgsql;

namespace Steward.Testing;

/// <summary>
/// A fresh database per test, copied from a template that is migrated and seeded once per run.
/// STEWARD_TEST_PROVIDER picks the engine (sqlite by default, or postgres with
/// STEWARD_TEST_POSTGRES as the server's connection string).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public string Provider { get; }
    public string ConnectionString { get; }
    private readonly Func<Task> _cleanup;

    private TestDatabase(string provider, string connectionString, Func<Task> cleanup)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _cleanup = cleanup;
    }

    public static string ProviderName =>
        (Environment.GetEnvironmentVariable("STEWARD_TEST_PROVIDER") ?? "sqlite").Trim().ToLowerInvariant() switch
        {
            "postgres" or "postgresql" or "npgsql" => "Postgres",
            _ => "Sqlite",
        };

    public static bool IsPostgres => ProviderName == "Postgres";

    private static string PostgresServer =>
        Environment.GetEnvironmentVariable("STEWARD_TEST_POSTGRES")
        ?? throw new InvalidOperationException("STEWARD_TEST_PROVIDER=postgres needs STEWARD_TEST_POSTGRES (e.g. Host=127.0.0.1;Port=5432;Username=postgres).");

    /// <summary>Copies the template named <paramref name="templateKey"/>, creating it first with <paramref name="createTemplate"/>.</summary>
    public static async Task<TestDatabase> CreateAsync(string templateKey, Func<string, string, Task> createTemplate)
    {
        var template = await Templates.GetOrAdd(templateKey, _ => new Lazy<Task<string>>(() => CreateTemplateAsync(templateKey, createTemplate))).Value;
        return IsPostgres ? await CopyPostgresAsync(template) : CopySqlite(template);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<string>>> Templates = new();

    private static async Task<string> CreateTemplateAsync(string key, Func<string, string, Task> create)
    {
        if (IsPostgres)
        {
            var name = $"stw_tpl_{key}_{Environment.ProcessId}".ToLowerInvariant();
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", $"CREATE DATABASE {name}");
            var cs = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ToString();
            await create(ProviderName, cs);
            NpgsqlConnection.ClearAllPools();
            return name;
        }
        var path = Path.Combine(Path.GetTempPath(), "steward-tests", $"template-{key}-{Environment.ProcessId}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        await create(ProviderName, $"Data Source={path}");
        // Closing pooled connections checkpoints the WAL into the file we copy.
        SqliteConnection.ClearAllPools();
        return path;
    }

    private static TestDatabase CopySqlite(string templatePath)
    {
        var path = Path.Combine(Path.GetDirectoryName(templatePath)!, $"test-{Guid.NewGuid():N}.db");
        File.Copy(templatePath, path);
        return new TestDatabase("Sqlite", $"Data Source={path}", () =>
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                try { File.Delete(file); } catch (IOException) { }
            }
            return Task.CompletedTask;
        });
    }

    private static async Task<TestDatabase> CopyPostgresAsync(string template)
    {
        var name = $"stw_test_{Guid.NewGuid():N}";
        await ExecuteOnServerAsync($"CREATE DATABASE {name} TEMPLATE {template}");
        var cs = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ToString();
        return new TestDatabase("Postgres", cs, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        });
    }

    private static async Task ExecuteOnServerAsync(params string[] statements)
    {
        var cs = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ToString();
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    public async ValueTask DisposeAsync() => await _cleanup();
}
