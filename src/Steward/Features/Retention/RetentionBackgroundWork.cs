using Microsoft.Extensions.Options;
using Steward.Features.Cases;
using Steward.Features.Contracts;
using Steward.Infrastructure.Access;

namespace Steward.Features.Retention;

/// <summary>
/// Runs the renewal sweep and the SLA escalations shortly after start and then every few minutes.
/// The work itself lives in <see cref="RenewalSweep"/> and <see cref="CaseService.EscalateOverdueAsync"/>,
/// which are idempotent: a missed or doubled tick (a restart, a second node) does no harm.
/// </summary>
internal sealed class RetentionBackgroundWork(IServiceProvider services, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionBackgroundWork> logger)
    : BackgroundService
{
    private static readonly TimeSpan FirstRunDelay = TimeSpan.FromSeconds(20);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunInBackground) return;
        try
        {
            await Task.Delay(FirstRunDelay, clock, stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.SweepIntervalMinutes)), clock);
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task RunOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Viewer>().SetSystem();
            var renewals = await scope.ServiceProvider.GetRequiredService<RenewalSweep>().RunAsync(ct);
            var escalated = await scope.ServiceProvider.GetRequiredService<CaseService>().EscalateOverdueAsync(ct);
            if (renewals.OpportunitiesOpened + renewals.MarkedAtRisk + escalated > 0)
            {
                logger.LogInformation("Retention sweep: {Opened} renewal opportunities opened, {AtRisk} renewals marked at risk, {Escalated} cases escalated.",
                    renewals.OpportunitiesOpened, renewals.MarkedAtRisk, escalated);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next tick tries again; one bad run must not stop the sweeps for good.
            logger.LogError(e, "The retention sweep failed.");
        }
    }
}
