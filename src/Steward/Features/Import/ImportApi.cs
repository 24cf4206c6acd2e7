using Microsoft.AspNetCore.Mvc;
using Steward.Infrastructure.Errors;
using Steward.Infrastructure.Http;

namespace Steward.Features.Import;

public static class ImportApi
{
    public static RouteGroupBuilder MapImportApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/imports").WithTags("Imports");

        group.MapPost("/", async (IFormFile? file, [FromForm] ImportKind? kind, ImportService imports, HttpResponse response, CancellationToken ct) =>
        {
            var errors = new InputErrors();
            if (file is null) errors.Add("File", "Attach the CSV file as the form field 'file'.");
            if (kind is null) errors.Add("Kind", "Say what the file holds: kind = Accounts, Contacts, Revenue, WonOpportunities or Opportunities.");
            errors.ThrowIfAny();
            await using var stream = file!.OpenReadStream();
            var job = ETags.Tagged(response, await imports.UploadAsync(stream, file.FileName, kind!.Value, ct));
            return TypedResults.Created($"/api/v1/imports/{job.Id}", job);
        }).DisableAntiforgery().WithSummary("Upload a CSV export (multipart form: file, kind). Returns the detected columns and a suggested mapping.");

        group.MapGet("/", (int? page, int? pageSize, ImportService imports, CancellationToken ct) => imports.ListAsync(page, pageSize, ct))
            .WithSummary("Your imports, newest first (admins see everyone's).");

        group.MapGet("/{id:int}", (int id, ImportService imports, CancellationToken ct) => imports.GetAsync(id, ct))
            .WithSummary("One import: mapping, status, progress and counts (created, updated, unchanged, rejected).");

        group.MapPut("/{id:int}/mapping", (int id, ImportMapping mapping, ImportService imports, CancellationToken ct) => imports.SetMappingAsync(id, mapping, ct))
            .WithSummary("Set which column feeds which field, and how to read numbers and dates; 'saveAs' keeps it for files with the same columns.");

        group.MapGet("/{id:int}/preview", (int id, int? rows, ImportService imports, CancellationToken ct) => imports.PreviewAsync(id, rows ?? 50, ct))
            .WithSummary("What importing the first rows would do, with every problem named by line and column. Nothing is written.");

        group.MapPost("/{id:int}/start", (int id, ImportService imports, CancellationToken ct) => imports.StartAsync(id, ct))
            .WithSummary("Run the import in the background (or resume a failed one). Poll GET /imports/{id} for progress.");

        group.MapPost("/{id:int}/cancel", (int id, ImportService imports, CancellationToken ct) => imports.CancelAsync(id, ct))
            .WithSummary("Stop the import after its current batch; batches already committed stay.");

        group.MapGet("/{id:int}/problems", (int id, int? take, ImportService imports, CancellationToken ct) => imports.ProblemsAsync(id, Math.Clamp(take ?? 200, 1, 1000), ct))
            .WithSummary("The import's problems (errors and warnings) by line.");

        group.MapGet("/{id:int}/problems.csv", async (int id, ImportService imports, HttpResponse response, CancellationToken ct) =>
        {
            var job = await imports.GetAsync(id, ct);
            response.ContentType = "text/csv; charset=utf-8";
            response.Headers.ContentDisposition = $"attachment; filename=\"problems-{job.Id}-{Path.GetFileNameWithoutExtension(job.FileName)}.csv\"";
            await imports.WriteProblemsCsvAsync(id, response.Body, ct);
        }).WithSummary("Every problem as a CSV file to fix the source data with.");

        group.MapGet("/mappings", (ImportKind? kind, ImportService imports, CancellationToken ct) => imports.SavedMappingsAsync(kind, ct))
            .WithSummary("Saved column mappings.");
        return api;
    }
}
