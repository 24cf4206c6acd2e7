using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Steward.Features.ApiTokens;
using Steward.Features.Users;
using Steward.Infrastructure.Access;
using Steward.Testing;

namespace Steward.Tests.Infrastructure;

/// <summary>
/// Steward in memory over its own fresh database (a copy of a template holding the demo
/// organisation's people, no accounts), with a fake clock.
/// </summary>
public sealed class StewardApp : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Now = new(2026, 11, 16, 9, 30, 0, TimeSpan.Zero);

    private readonly TestDatabase _database;
    private readonly Action<IServiceCollection>? _configureServices;

    public FakeTimeProvider Clock { get; } = new(Now);
    public string Provider => _database.Provider;
    public string ConnectionString => _database.ConnectionString;

    private StewardApp(TestDatabase database, Action<IServiceCollection>? configureServices)
    {
        _database = database;
        _configureServices = configureServices;
    }

    public static async Task<StewardApp> StartAsync(Action<IServiceCollection>? configureServices = null)
    {
        var database = await TestDatabase.CreateAsync("people", CreateTemplateAsync);
        var app = new StewardApp(database, configureServices);
        _ = app.Server;
        return app;
    }

    private static async Task CreateTemplateAsync(string provider, string connectionString)
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Database:Provider", provider);
            b.UseSetting("ConnectionStrings:Steward", connectionString);
            b.UseSetting("Demo:Seed", "true");
            b.UseSetting("Demo:Accounts", "0");
        });
        _ = factory.Server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", _database.Provider);
        builder.UseSetting("ConnectionStrings:Steward", _database.ConnectionString);
        builder.UseSetting("Demo:Seed", "false");
        builder.ConfigureLogging(logging => logging.AddProvider(new FileLoggerProvider(FileLoggerProvider.PathFor("integration"))));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            _configureServices?.Invoke(services);
        });
    }

    /// <summary>An HTTP client authenticated with a fresh personal API token of <paramref name="email"/>.</summary>
    public async Task<HttpClient> ClientForAsync(string email)
    {
        var token = await CreateTokenAsync(email);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> CreateTokenAsync(string email, DateTime? expiresAt = null)
    {
        var userId = await UserIdAsync(email);
        await using var scope = Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(userId, "tests", expiresAt);
        return created.Secret;
    }

    public async Task<string> UserIdAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<StewardUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No test user {email}.");
        return user.Id;
    }

    /// <summary>Runs <paramref name="work"/> with the services of a request made by <paramref name="email"/> (or as the system).</summary>
    public async Task<T> AsAsync<T>(string? email, Func<IServiceProvider, Task<T>> work)
    {
        var userId = email is null ? null : await UserIdAsync(email);
        await using var scope = Services.CreateAsyncScope();
        var viewer = scope.ServiceProvider.GetRequiredService<Viewer>();
        if (email is null)
        {
            viewer.SetSystem();
        }
        else
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StewardUser>>();
            var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<StewardUser>>()
                .CreateAsync((await users.FindByIdAsync(userId!))!);
            viewer.Set(principal);
        }
        return await work(scope.ServiceProvider);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>The demo organisation's people, who are in every test database.</summary>
public static class People
{
    public const string Admin = "admin@steward.demo";
    public const string ManagerNorth = "manager@steward.demo";
    public const string AmNorth = "am@steward.demo";
    public const string Am2North = "am2@steward.demo";
    public const string ManagerSouth = "manager2@steward.demo";
    public const string AmSouth = "am3@steward.demo";
}
