using Microsoft.Extensions.Options;
using Steward.Features.Demo;
using Steward.Features.Portfolio;
using Steward.Infrastructure.Access;

namespace Steward.Data;

/// <summary>
/// Before the server takes requests: apply migrations and, when asked and the database is new,
/// seed the demo organisation. Then say where Steward is and how to log in.
/// </summary>
internal sealed class DatabaseInitializer(IServiceProvider services, IOptions<DemoOptions> demo, IHostApplicationLifetime lifetime, ILogger<DatabaseInitializer> logger)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await DatabaseSetup.MigrateAsync(services, cancellationToken);
        if (!demo.Value.Seed) return;

        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Viewer>().SetSystem();
        if (await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(demo.Value, cancellationToken) && demo.Value.Accounts > 0)
        {
            await services.GetRequiredService<ScoringService>().RecomputeAsync("demo", ct: cancellationToken);
        }
        lifetime.ApplicationStarted.Register(PrintDemoLogins);
    }

    private void PrintDemoLogins()
    {
        var addresses = services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>()?
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses;
        logger.LogInformation(
            "Steward is running at {Urls}. Demo logins (password {Password}): {Logins}",
            addresses is null ? "(unknown)" : string.Join(", ", addresses),
            DemoOrganisation.Password,
            string.Join(", ", DemoOrganisation.People.Select(p => $"{p.Email} ({p.Role}{(p.TeamName is null ? "" : ", " + p.TeamName)})")));
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
