using Steward.Data;
using Steward.Features.Users;

namespace Steward.Features.Import;

/// <summary>
/// One import of one file: its upload, mapping, progress and outcome. Progress is committed with
/// the rows it counts, so after a crash the job resumes exactly where its last batch ended.
/// </summary>
public class ImportJob : TrackedEntity
{
    public int Id { get; set; }
    public ImportKind Kind { get; set; }
    public ImportStatus Status { get; set; } = ImportStatus.Uploaded;
    public string FileName { get; set; } = "";
    /// <summary>The upload's name in the import directory.</summary>
    public string StoredFile { get; set; } = "";
    public long FileSize { get; set; }
    public string EncodingName { get; set; } = "utf-8";
    public char Separator { get; set; } = ',';
    /// <summary>The header row, as JSON (string[]).</summary>
    public string HeadersJson { get; set; } = "[]";
    /// <summary>The column mapping and options, as JSON (<see cref="ImportMapping"/>).</summary>
    public string MappingJson { get; set; } = "{}";

    /// <summary>Estimated at upload from the file size and the first rows' length, for the progress bar.</summary>
    public int? EstimatedRows { get; set; }
    public int RowsRead { get; set; }
    /// <summary>Data rows whose outcome is committed; a resumed job skips these.</summary>
    public int RowsCommitted { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Rejected { get; set; }
    /// <summary>Rows deliberately not imported (deals that are not won).</summary>
    public int Skipped { get; set; }
    public int Warnings { get; set; }
    public string? Failure { get; set; }

    public string CreatedById { get; set; } = "";
    public StewardUser? CreatedBy { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>Last sign of life of the worker running it; a stale heartbeat means the worker died.</summary>
    public DateTime? HeartbeatAt { get; set; }
}

/// <summary>A problem with one cell or row of an import, for the summary and the downloadable error file.</summary>
public class ImportProblem
{
    public long Id { get; set; }
    public int JobId { get; set; }
    public int Line { get; set; }
    public string? Column { get; set; }
    public string Message { get; set; } = "";
    public string? Value { get; set; }
    public ImportProblemSeverity Severity { get; set; }
}

/// <summary>A column mapping worth keeping: offered again for files with the same header row.</summary>
public class SavedImportMapping
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public ImportKind Kind { get; set; }
    /// <summary>The normalised header row the mapping was made for.</summary>
    public string HeaderSignature { get; set; } = "";
    public string MappingJson { get; set; } = "{}";
    public string CreatedById { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// A revenue line as it was before an import first touched it. Revenue is merged batch by batch;
/// this row tells a later batch of the same import that the line is already its own (so rows for
/// the same month and product add up instead of replacing each other), and at the end whether the
/// import changed the line or left it as it was. Removed when the import completes.
/// </summary>
public class RevenueLineBefore
{
    public int JobId { get; set; }
    public long LineId { get; set; }
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "EUR";
    public decimal? Margin { get; set; }
}
