using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Import.Importers;
using Steward.Features.Import.Parsing;
using Steward.Features.Portfolio;
using Steward.Features.Users;
using Steward.Infrastructure.Access;
using Steward.Infrastructure.Errors;

namespace Steward.Features.Import;

/// <summary>
/// Runs an import with the access of the person who started it: the file is streamed in batches,
/// each batch committed in one transaction together with the job's progress, so a crash loses no
/// committed row and a restart resumes after the last one. Importers that can check rows without
/// the database (revenue) get the next batch checked while the current one is written. Scores are
/// recomputed at the end.
/// </summary>
public sealed class ImportRunner(IServiceProvider services, Microsoft.Extensions.Options.IOptions<ImportOptions> options, IDbContextFactory<StewardDbContext> dbFactory, Viewer viewer, TimeProvider clock, ILogger<ImportRunner> logger)
{
    private int BatchSize(ImportKind kind) => Math.Max(1, kind is ImportKind.Revenue or ImportKind.WonOpportunities ? options.Value.RevenueBatchSize : options.Value.RecordBatchSize);

    /// <summary>
    /// Takes the job as the background worker would (running, heartbeat now), for callers that
    /// run it in their own process instead: the command line and the benchmarks.
    /// </summary>
    public async Task ClaimAsync(int jobId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var job = await db.Set<ImportJob>().SingleAsync(j => j.Id == jobId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        job.Status = ImportStatus.Running;
        job.StartedAt ??= now;
        job.HeartbeatAt = now;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Runs (or resumes) the job to its end. Call it in a scope of its own: it becomes the job's creator.</summary>
    public async Task RunAsync(int jobId, IProgress<ImportJob>? progress = null, CancellationToken ct = default)
    {
        viewer.SetSystem();
        ImportJob job;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            job = await db.Set<ImportJob>().AsNoTracking().SingleAsync(j => j.Id == jobId, ct);
        }
        await ActAsAsync(job.CreatedById);
        var mapping = ImportService.Mapping(job);
        var headers = ImportService.Headers(job);
        var path = services.GetRequiredService<ImportService>().StorePath(job.StoredFile);
        var layout = new CsvLayout(job.EncodingName, job.Separator, headers);
        var importer = CreateImporter(job.Kind);

        try
        {
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                await importer.PrepareAsync(db, job, mapping, ct);
            }
            var started = job;
            var batches = CsvSource.Rows(path, layout).Skip(1 + job.RowsCommitted).Chunk(BatchSize(job.Kind))
                .Select(rows => new ImportBatch(started, mapping, headers, rows));
            if (importer is IChecksRowsAhead checker) batches = batches.Select(batch => Checked(checker, batch));
            await foreach (var batch in ReadAhead.OneAhead(batches, ct))
            {
                job = await CommitBatchAsync(jobId, importer, batch, ct);
                progress?.Report(job);
                if (job.Status != ImportStatus.Running) return;
            }
            job = await CompleteAsync(jobId, importer, mapping, () => CsvSource.Rows(path, layout).Skip(1), ct);
            progress?.Report(job);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: hand the job back so the next start resumes it at once.
            await SetStatusAsync(jobId, ImportStatus.Queued, null);
            throw;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Stopped (ImportService.CancelAsync) while a batch was being written: that batch rolled back whole.
            logger.LogInformation("Import {JobId} was stopped; the batch in flight was rolled back.", jobId);
            return;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Import {JobId} failed.", jobId);
            await SetStatusAsync(jobId, ImportStatus.Failed, e is InvalidInputException or InvalidDataException ? e.Message : "The import stopped on an unexpected error; rows committed so far are kept. Start it again to resume.");
            return;
        }

        if (job.Kind != ImportKind.Contacts)
        {
            await services.GetRequiredService<ScoringService>().RecomputeAsync("import", job.CreatedById, ct);
        }
        TryDelete(path);
    }

    private static ImportBatch Checked(IChecksRowsAhead checker, ImportBatch batch)
    {
        checker.Check(batch);
        return batch;
    }

    private async Task<ImportJob> CommitBatchAsync(int jobId, IImporter importer, ImportBatch batch, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var job = await db.Set<ImportJob>().SingleAsync(j => j.Id == jobId, ct);
        if (job.Status != ImportStatus.Running) return job;
        await importer.ProcessAsync(db, batch, ct);
        db.AddRange(batch.Problems);
        job.RowsRead += batch.Rows.Count;
        job.RowsCommitted += batch.Rows.Count;
        job.Created += batch.Created;
        job.Updated += batch.Updated;
        job.Unchanged += batch.Unchanged;
        job.Rejected += batch.Rejected;
        job.Skipped += batch.Skipped;
        job.Warnings += batch.Problems.Count(p => p.Severity == ImportProblemSeverity.Warning);
        job.HeartbeatAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return job;
    }

    private async Task<ImportJob> CompleteAsync(int jobId, IImporter importer, ImportMapping mapping, Func<IEnumerable<CsvRow>> rows, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Completing looks at every line the import met (re-importing a million rows: a join of a
        // million lines on a small server), beyond the default 30-second command timeout.
        db.Database.SetCommandTimeout(BulkWork.CommandTimeout);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await BulkWork.AllowLargeSortsAsync(db, ct);
        var job = await db.Set<ImportJob>().SingleAsync(j => j.Id == jobId, ct);
        if (job.Status != ImportStatus.Running) return job;
        await importer.CompleteAsync(db, job, mapping, rows, ct);
        job.Status = ImportStatus.Completed;
        job.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Import {JobId} ({Kind}, {File}) done: {Rows} rows, {Created} created, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected.",
            job.Id, job.Kind, job.FileName, job.RowsRead, job.Created, job.Updated, job.Unchanged, job.Rejected);
        return job;
    }

    /// <summary>What importing the first rows would do: run for real inside a transaction, then rolled back.</summary>
    public async Task<ImportPreview> PreviewAsync(int jobId, int take, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var job = await db.Set<ImportJob>().AsNoTracking().SingleAsync(j => j.Id == jobId, ct);
        var mapping = ImportService.Mapping(job);
        var headers = ImportService.Headers(job);
        var path = services.GetRequiredService<ImportService>().StorePath(job.StoredFile);
        var rows = CsvSource.Rows(path, new CsvLayout(job.EncodingName, job.Separator, headers)).Skip(1).Take(take).ToArray();
        var importer = CreateImporter(job.Kind);
        var batch = new ImportBatch(job, mapping, headers, rows);

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await importer.PrepareAsync(db, job, mapping, ct);
            await importer.ProcessAsync(db, batch, ct);
            await transaction.RollbackAsync(ct);
        }
        var problems = batch.Problems.ToLookup(p => p.Line);
        return new ImportPreview(
            [.. rows.Select(r => new PreviewRow(r.Line, r.Cells, [.. problems[r.Line].Select(p => new ImportProblemDto(p.Line, p.Column, p.Message, p.Value, p.Severity))], batch.IsRejected(r)))],
            batch.Created, batch.Updated, batch.Unchanged, batch.Rejected, batch.Skipped);
    }

    private IImporter CreateImporter(ImportKind kind) => kind switch
    {
        ImportKind.Accounts => ActivatorUtilities.CreateInstance<AccountImporter>(services),
        ImportKind.Contacts => new ContactImporter(),
        ImportKind.Revenue => new RevenueImporter(wonDealsOnly: false),
        ImportKind.Opportunities => new OpportunityImporter(clock),
        _ => new RevenueImporter(wonDealsOnly: true),
    };

    private async Task ActAsAsync(string userId)
    {
        var users = services.GetRequiredService<UserManager<StewardUser>>();
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidDataException("The person who started this import no longer exists.");
        viewer.Set(await services.GetRequiredService<IUserClaimsPrincipalFactory<StewardUser>>().CreateAsync(user));
    }

    private async Task SetStatusAsync(int jobId, ImportStatus status, string? failure)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await db.Set<ImportJob>().Where(j => j.Id == jobId && j.Status == ImportStatus.Running).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, status)
            .SetProperty(j => j.Failure, failure)
            .SetProperty(j => j.HeartbeatAt, (DateTime?)null), CancellationToken.None);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The upload is only kept for resuming; a leftover file harms nothing.
        }
    }
}
