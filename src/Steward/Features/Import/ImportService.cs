using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steward.Data;
using Steward.Features.Import.Parsing;
using Steward.Infrastructure.Access;
using Steward.Infrastructure.Errors;
using Steward.Infrastructure.Http;

namespace Steward.Features.Import;

/// <summary>The import wizard's steps: upload, map, preview, start; and the jobs' status and problems.</summary>
public sealed class ImportService(
    IDbContextFactory<StewardDbContext> dbFactory, Viewer viewer, AccessRules access, IOptions<ImportOptions> options,
    IHostEnvironment environment, ImportWorkerSignal signal, ImportRunner runner, TimeProvider clock)
{
    public string StorePath(string storedFile) => Path.Combine(ImportDirectory, storedFile);

    private string ImportDirectory
    {
        get
        {
            var dir = Path.IsPathRooted(options.Value.Directory) ? options.Value.Directory : Path.Combine(environment.ContentRootPath, options.Value.Directory);
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public async Task<ImportJobDto> UploadAsync(Stream content, string fileName, ImportKind kind, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(kind)) throw new InvalidInputException("Kind", "Kind must be Accounts, Contacts, Revenue, WonOpportunities or Opportunities.");
        var stored = $"{Guid.NewGuid():N}.csv";
        var path = StorePath(stored);
        long size;
        await using (var file = File.Create(path))
        {
            var buffer = new byte[1 << 16];
            size = 0;
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                size += read;
                if (size > options.Value.MaxFileBytes)
                {
                    file.Close();
                    File.Delete(path);
                    throw new InvalidInputException("File", $"The file is larger than the limit of {options.Value.MaxFileBytes / (1 << 20)} MB.");
                }
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        CsvLayout layout;
        try
        {
            layout = size == 0 ? throw new InvalidInputException("File", "The file is empty.") : CsvSource.Detect(path);
            if (layout.Headers.Count == 0 || layout.Headers.All(h => h.Length == 0)) throw new InvalidInputException("File", "The file has no header row.");
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var signature = Signature(layout.Headers);
        var saved = await db.Set<SavedImportMapping>().AsNoTracking().Where(m => m.Kind == kind && m.HeaderSignature == signature)
            .OrderByDescending(m => m.CreatedAt).Select(m => m.MappingJson).FirstOrDefaultAsync(ct);
        var mapping = saved is not null ? JsonSerializer.Deserialize<ImportMapping>(saved, ApiJson.Options)! : new ImportMapping { Columns = ImportFields.Suggest(kind, layout.Headers) };
        var job = new ImportJob
        {
            Kind = kind,
            FileName = Path.GetFileName(fileName.Length == 0 ? "upload.csv" : fileName),
            StoredFile = stored,
            FileSize = size,
            EncodingName = layout.EncodingName,
            Separator = layout.Separator,
            HeadersJson = JsonSerializer.Serialize(layout.Headers),
            EstimatedRows = EstimateRows(path, layout, size),
            MappingJson = JsonSerializer.Serialize(mapping with { SaveAs = null }, ApiJson.Options),
            CreatedById = viewer.UserId!,
        };
        db.Add(job);
        await db.SaveChangesAsync(ct);
        return ToDto(job);
    }

    public async Task<ImportJobDto> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return ToDto(await FindAsync(db, id, ct));
    }

    public async Task<Page<ImportJobSummary>> ListAsync(int? page = null, int? pageSize = null, CancellationToken ct = default)
    {
        var (p, size) = Paging.Clamp(page, pageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jobs = Mine(db);
        var total = await jobs.CountAsync(ct);
        var items = await jobs.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id).Skip((p - 1) * size).Take(size)
            .Select(j => new ImportJobSummary(j.Id, j.Kind, j.Status, j.FileName, j.RowsRead, j.Created, j.Updated, j.Unchanged, j.Rejected, j.CreatedAt, j.FinishedAt))
            .ToListAsync(ct);
        return new Page<ImportJobSummary>(items, p, size, total);
    }

    /// <summary>Checks and stores the mapping; optionally saves it for files with the same header row.</summary>
    public async Task<ImportJobDto> SetMappingAsync(int id, ImportMapping mapping, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var job = await FindAsync(db, id, ct);
        if (job.Status is ImportStatus.Queued or ImportStatus.Running or ImportStatus.Completed)
        {
            throw new ConcurrencyConflictException($"The import is {job.Status.ToString().ToLowerInvariant()}; its mapping can no longer change.");
        }
        var headers = Headers(job);
        var errors = new InputErrors();
        var fields = ImportFields.For(job.Kind);
        foreach (var (field, column) in mapping.Columns)
        {
            if (fields.All(f => f.Key != field)) errors.Add($"Columns.{field}", $"'{field}' is not a field of a {job.Kind} import.");
            else if (column < 0 || column >= headers.Count) errors.Add($"Columns.{field}", $"Column {column} does not exist; the file has {headers.Count} columns.");
        }
        foreach (var field in fields.Where(f => f.Required && !mapping.Columns.ContainsKey(f.Key)))
        {
            errors.Add($"Columns.{field.Key}", $"Choose the column that holds {field.Label.ToLowerInvariant()}.");
        }
        if (job.Kind is ImportKind.Contacts or ImportKind.Revenue or ImportKind.WonOpportunities or ImportKind.Opportunities
            && !mapping.Columns.ContainsKey("AccountName") && !mapping.Columns.ContainsKey("AccountExternalId"))
        {
            errors.Add("Columns.AccountName", "Choose the column that names the account (its name or its external id).");
        }
        if (job.Kind == ImportKind.Contacts && !mapping.Columns.ContainsKey("LastName") && !mapping.Columns.ContainsKey("FullName"))
        {
            errors.Add("Columns.LastName", "Choose the column with the last name, or one with the full name.");
        }
        if (!ValueParser.TryCurrency(mapping.DefaultCurrency ?? "", out var currency, out var currencyProblem)) errors.Add("DefaultCurrency", currencyProblem!);
        if (InputValidation.Clean(mapping.DefaultOwnerId) is { } owner && !await access.CanAssignOwnerAsync(db, owner, ct))
        {
            errors.Add("DefaultOwnerId", "You cannot make this person an owner.");
        }
        var saveAs = InputValidation.Clean(mapping.SaveAs);
        if (saveAs is { Length: > 100 }) errors.Add("SaveAs", "The mapping's name can be at most 100 characters.");
        errors.ThrowIfAny();

        var clean = mapping with { DefaultCurrency = currency, SaveAs = null };
        job.MappingJson = JsonSerializer.Serialize(clean, ApiJson.Options);
        if (saveAs is not null)
        {
            var existing = await db.Set<SavedImportMapping>().SingleOrDefaultAsync(m => m.Kind == job.Kind && m.Name == saveAs, ct);
            if (existing is null) db.Add(existing = new SavedImportMapping { Name = saveAs, Kind = job.Kind, CreatedById = viewer.UserId! });
            existing.HeaderSignature = Signature(headers);
            existing.MappingJson = job.MappingJson;
            existing.CreatedAt = clock.GetUtcNow().UtcDateTime;
        }
        await db.SaveChangesAsync(ct);
        return ToDto(job);
    }

    public Task<ImportPreview> PreviewAsync(int id, int rows = 50, CancellationToken ct = default) =>
        runner.PreviewAsync(id, Math.Clamp(rows, 1, 500), ct);

    /// <summary>Queues the import; a worker picks it up at once. A failed or cancelled import resumes where it stopped.</summary>
    public async Task<ImportJobDto> StartAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var job = await FindAsync(db, id, ct);
        if (job.Status is ImportStatus.Queued or ImportStatus.Running) return ToDto(job);
        if (job.Status == ImportStatus.Completed) throw new ConcurrencyConflictException("The import has completed. Upload the file again to re-import it (nothing will change for rows already imported).");
        job.Status = ImportStatus.Queued;
        job.Failure = null;
        await db.SaveChangesAsync(ct);
        signal.Wake();
        return ToDto(job);
    }

    public async Task<ImportJobDto> CancelAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await FindAsync(db, id, ct);
        // A running import saves its progress with every batch: a load-and-save here would lose
        // that race (a 409) nearly every time. One conditional UPDATE instead; moving the version
        // makes the batch in flight, if any, roll back whole. Batches committed before stay, and
        // Resume carries on after them.
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<ImportJob>()
            .Where(j => j.Id == id && (j.Status == ImportStatus.Uploaded || j.Status == ImportStatus.Queued || j.Status == ImportStatus.Running))
            .ExecuteUpdateAsync(u => u
                .SetProperty(j => j.Status, ImportStatus.Cancelled)
                .SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.UpdatedAt, now)
                .SetProperty(j => j.Version, j => j.Version + 1), ct);
        return ToDto(await db.Set<ImportJob>().AsNoTracking().SingleAsync(j => j.Id == id, ct));
    }

    public async Task<IReadOnlyList<ImportProblemDto>> ProblemsAsync(int id, int take = 200, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await FindAsync(db, id, ct);
        return await db.Set<ImportProblem>().AsNoTracking().Where(p => p.JobId == id).OrderBy(p => p.Line).ThenBy(p => p.Id).Take(take)
            .Select(p => new ImportProblemDto(p.Line, p.Column, p.Message, p.Value, p.Severity)).ToListAsync(ct);
    }

    /// <summary>Every problem of the import as CSV (line, column, severity, problem, value), streamed.</summary>
    public async Task WriteProblemsCsvAsync(int id, Stream output, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await FindAsync(db, id, ct);
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(true), leaveOpen: true);
        await writer.WriteLineAsync("line,column,severity,problem,value");
        await foreach (var p in db.Set<ImportProblem>().AsNoTracking().Where(p => p.JobId == id).OrderBy(p => p.Line).ThenBy(p => p.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            await writer.WriteLineAsync($"{p.Line},{Csv(p.Column)},{p.Severity},{Csv(p.Message)},{Csv(p.Value)}");
        }
    }

    public async Task<IReadOnlyList<SavedMappingDto>> SavedMappingsAsync(ImportKind? kind = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var saved = await db.Set<SavedImportMapping>().AsNoTracking().Where(m => kind == null || m.Kind == kind).OrderBy(m => m.Name).ToListAsync(ct);
        return [.. saved.Select(m => new SavedMappingDto(m.Id, m.Name, m.Kind, JsonSerializer.Deserialize<ImportMapping>(m.MappingJson, ApiJson.Options)!))];
    }

    private static int? EstimateRows(string path, CsvLayout layout, long size)
    {
        var sample = CsvSource.Rows(path, layout).Take(201).ToList();
        if (sample.Count < 2) return 0;
        if (sample.Count < 201) return sample.Count - 1;
        var sampleBytes = sample.Sum(r => r.Cells.Sum(c => c.Length + 1) + 1);
        return (int)Math.Min(int.MaxValue, size * sample.Count / Math.Max(1, sampleBytes)) - 1;
    }

    private static string Csv(string? value) => value is null ? "" : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Imports are personal: each person sees their own; admins see all.</summary>
    private IQueryable<ImportJob> Mine(StewardDbContext db) =>
        viewer.SeesAll ? db.Set<ImportJob>() : db.Set<ImportJob>().Where(j => j.CreatedById == viewer.UserId);

    private async Task<ImportJob> FindAsync(StewardDbContext db, int id, CancellationToken ct) =>
        await Mine(db).SingleOrDefaultAsync(j => j.Id == id, ct) ?? throw new NotFoundException("Import", id);

    public static IReadOnlyList<string> Headers(ImportJob job) => JsonSerializer.Deserialize<string[]>(job.HeadersJson) ?? [];

    public static ImportMapping Mapping(ImportJob job) => JsonSerializer.Deserialize<ImportMapping>(job.MappingJson, ApiJson.Options) ?? new ImportMapping();

    private static string Signature(IReadOnlyList<string> headers) => string.Join("|", headers.Select(ImportFields.Normalize));

    public static ImportJobDto ToDto(ImportJob j) => new(
        j.Id, j.Kind, j.Status, j.FileName, j.FileSize, j.EncodingName, j.Separator, Headers(j), Mapping(j), ImportFields.For(j.Kind),
        j.RowsRead, j.Created, j.Updated, j.Unchanged, j.Rejected, j.Skipped, j.Warnings, j.Failure, j.CreatedById, j.CreatedAt, j.StartedAt, j.FinishedAt, j.Version)
    {
        EstimatedRows = j.EstimatedRows,
    };
}
