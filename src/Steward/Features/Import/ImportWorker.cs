using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steward.Data;
using Steward.Infrastructure.Access;

namespace Steward.Features.Import;

/// <summary>Wakes the import worker when a job is queued, instead of waiting for its next look.</summary>
public sealed class ImportWorkerSignal
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Wake() => _signal.Release();

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}

/// <summary>
/// Takes queued imports (and those whose worker died) one at a time. Claiming is an optimistic
/// update of the job's row, so several app nodes never run the same job twice.
/// </summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, ImportWorkerSignal signal, IOptions<ImportOptions> options, TimeProvider clock, ILogger<ImportWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int? jobId = null;
            try
            {
                jobId = await ClaimNextAsync(stoppingToken);
                if (jobId is null)
                {
                    await signal.WaitAsync(TimeSpan.FromSeconds(10), stoppingToken);
                    continue;
                }
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(jobId.Value, ct: stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The import worker failed on job {JobId}; it carries on with the next.", jobId);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task<int?> ClaimNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Viewer>().SetSystem();
        var db = scope.ServiceProvider.GetRequiredService<StewardDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var stale = now - options.Value.StaleAfter;
        var job = await db.Set<ImportJob>()
            .Where(j => j.Status == ImportStatus.Queued || (j.Status == ImportStatus.Running && (j.HeartbeatAt == null || j.HeartbeatAt < stale)))
            .OrderBy(j => j.Id).FirstOrDefaultAsync(ct);
        if (job is null) return null;
        job.Status = ImportStatus.Running;
        job.StartedAt ??= now;
        job.HeartbeatAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
            return job.Id;
        }
        catch (DbUpdateConcurrencyException)
        {
            return null; // another node claimed it first
        }
    }
}
