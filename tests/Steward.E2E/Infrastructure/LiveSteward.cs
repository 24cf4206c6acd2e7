using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Steward.Testing;

namespace Steward.E2E.Infrastructure;

/// <summary>Steward on a real Kestrel port over a fresh copy of the full demo organisation.</summary>
public sealed class LiveSteward : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;

    public string BaseUrl { get; private set; } = "";

    private LiveSteward(TestDatabase database) => _database = database;

    public static async Task<LiveSteward> StartAsync()
    {
        var database = await TestDatabase.CreateAsync("demo", CreateTemplateAsync);
        var app = new LiveSteward(database);
        app.UseKestrel(0);
        app.StartServer();
        app.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal).TrimEnd('/');
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
        });
        _ = factory.Server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", _database.Provider);
        builder.UseSetting("ConnectionStrings:Steward", _database.ConnectionString);
        builder.UseSetting("Demo:Seed", "true");
        // Outside Development the package assets (MudBlazor's CSS and JS) are only found through the manifest.
        builder.UseStaticWebAssets();
        builder.ConfigureLogging(logging => logging.AddProvider(new FileLoggerProvider(FileLoggerProvider.PathFor("browser"))));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
