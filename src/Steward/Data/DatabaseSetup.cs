using Microsoft.EntityFrameworkCore;
using Steward.Features.Portfolio;
using Steward.Infrastructure.Access;

namespace Steward.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseSetup
{
    public const string ConnectionStringName = "Steward";

    /// <summary>
    /// Registers the provider's DbContext behind <see cref="StewardDbContext"/> and a scoped
    /// factory (Blazor components create a short-lived context per operation; scoped so the
    /// context gets the circuit's <see cref="Viewer"/>).
    /// </summary>
    public static IServiceCollection AddStewardDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);

        switch (provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Steward is empty. Set it, e.g. Host=localhost;Database=steward;Username=steward;Password=...");
                }
                services.AddProviderContext<PostgresStewardDbContext>(o => o.UseNpgsql(connectionString, n => n.MigrationsHistoryTable("__migrations")));
                break;
            default:
                var sqlite = SqliteConnectionString(connectionString, environment.ContentRootPath);
                services.AddProviderContext<SqliteStewardDbContext>(o => o.UseSqlite(sqlite, s => s.MigrationsHistoryTable("__migrations")));
                break;
        }
        return services;
    }

    private static void AddProviderContext<TContext>(this IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : StewardDbContext
    {
        services.AddDbContextFactory<TContext>((services, options) =>
        {
            configure(options);
            options.AddInterceptors(services.GetRequiredService<PortfolioChangeInterceptor>());
            // The account team has no filter of its own on purpose (see StewardDbContext); EF's warning about it is expected.
            options.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));
        }, ServiceLifetime.Scoped);
        services.AddScoped<IDbContextFactory<StewardDbContext>, ProviderContextFactory<TContext>>();
        services.AddScoped<StewardDbContext>(sp => sp.GetRequiredService<TContext>());
    }

    /// <summary>A relative SQLite path is taken from the app's folder, and its directory is created.</summary>
    internal static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? "Data Source=App_Data/steward.db" : configured);
        if (builder.DataSource != ":memory:" && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            var path = Path.IsPathRooted(builder.DataSource) ? builder.DataSource : Path.Combine(contentRoot, builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        builder.Pooling = true;
        builder.DefaultTimeout = 30;
        return builder.ToString();
    }

    /// <summary>Applies pending migrations. SQLite also gets WAL mode so readers never block the writer.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Viewer>().SetSystem();
        var db = scope.ServiceProvider.GetRequiredService<StewardDbContext>();
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }
        await db.Database.MigrateAsync(ct);
    }

    private sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<StewardDbContext>
        where TContext : StewardDbContext
    {
        public StewardDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
