using Steward.Infrastructure.Http;

namespace Steward.Features.Import;

public sealed record ImportJobDto(
    int Id, ImportKind Kind, ImportStatus Status, string FileName, long FileSize, string EncodingName, char Separator,
    IReadOnlyList<string> Headers, ImportMapping Mapping, IReadOnlyList<ImportField> Fields,
    int RowsRead, int Created, int Updated, int Unchanged, int Rejected, int Skipped, int Warnings, string? Failure,
    string CreatedById, DateTime CreatedAt, DateTime? StartedAt, DateTime? FinishedAt, long Version) : IVersioned
{
    public bool IsFinished => Status is ImportStatus.Completed or ImportStatus.Failed or ImportStatus.Cancelled;

    /// <summary>About how many data rows the file has, from its size and the length of its first rows.</summary>
    public int? EstimatedRows { get; init; }
}

public sealed record ImportJobSummary(int Id, ImportKind Kind, ImportStatus Status, string FileName, int RowsRead, int Created, int Updated, int Unchanged, int Rejected, DateTime CreatedAt, DateTime? FinishedAt);

public sealed record PreviewRow(int Line, IReadOnlyList<string> Cells, IReadOnlyList<ImportProblemDto> Problems, bool Rejected);

public sealed record ImportProblemDto(int Line, string? Column, string Message, string? Value, ImportProblemSeverity Severity);

/// <summary>What importing the first rows would do; computed for real and rolled back.</summary>
public sealed record ImportPreview(IReadOnlyList<PreviewRow> Rows, int WouldCreate, int WouldUpdate, int WouldStay, int WouldReject, int WouldSkip);

public sealed record SavedMappingDto(int Id, string Name, ImportKind Kind, ImportMapping Mapping);
