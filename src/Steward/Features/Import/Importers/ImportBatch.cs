using Steward.Features.Import.Parsing;

namespace Steward.Features.Import.Importers;

/// <summary>
/// The rows of one batch and what became of them. Importers read cells through it and report
/// problems on it; the runner commits the batch's writes, problems and counters together.
/// </summary>
public sealed class ImportBatch(ImportJob job, ImportMapping mapping, IReadOnlyList<string> headers, IReadOnlyList<CsvRow> rows)
{
    private readonly HashSet<int> _rejected = [];

    public ImportJob Job { get; } = job;
    public ImportMapping Mapping { get; } = mapping;
    public IReadOnlyList<CsvRow> Rows { get; } = rows;
    public List<ImportProblem> Problems { get; } = [];
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Skipped { get; set; }
    public int Rejected => _rejected.Count;
    /// <summary>What an importer that checks rows ahead (<see cref="IChecksRowsAhead"/>) made of them.</summary>
    public object? CheckedRows { get; set; }

    public bool IsRejected(CsvRow row) => _rejected.Contains(row.Index);

    /// <summary>The trimmed cell of the column mapped to <paramref name="field"/>; null when unmapped or blank.</summary>
    public string? Cell(CsvRow row, string field) => Mapping.Columns.TryGetValue(field, out var column) ? row.Cell(column) : null;

    public bool Has(string field) => Mapping.Columns.ContainsKey(field);

    /// <summary>Rejects the row: nothing of it will be written.</summary>
    public void Reject(CsvRow row, string? field, string message)
    {
        _rejected.Add(row.Index);
        Problems.Add(Problem(row, field, message, ImportProblemSeverity.Error));
    }

    public void Warn(CsvRow row, string? field, string message) => Problems.Add(Problem(row, field, message, ImportProblemSeverity.Warning));

    private ImportProblem Problem(CsvRow row, string? field, string message, ImportProblemSeverity severity)
    {
        var column = field is not null && Mapping.Columns.TryGetValue(field, out var index) && index < headers.Count ? headers[index] : field;
        var value = field is null ? null : Cell(row, field);
        return new ImportProblem
        {
            JobId = Job.Id,
            Line = row.Line,
            Column = column,
            Message = message,
            Severity = severity,
            Value = value is { Length: > 500 } ? value[..500] : value,
        };
    }

    // Typed reads: null when blank; a problem rejects the row.
    public decimal? Number(CsvRow row, string field)
    {
        if (Cell(row, field) is not { } raw) return null;
        if (ValueParser.TryDecimal(raw, Mapping.DecimalSeparator, out var value, out var problem)) return value;
        Reject(row, field, problem!);
        return null;
    }

    public int? WholeNumber(CsvRow row, string field, int min, int max)
    {
        if (Cell(row, field) is not { } raw) return null;
        if (!ValueParser.TryInt(raw, out var value, out var problem))
        {
            Reject(row, field, problem!);
            return null;
        }
        if (value < min || value > max)
        {
            Reject(row, field, $"{value} is outside {min}–{max}.");
            return null;
        }
        return value;
    }

    public DateOnly? Date(CsvRow row, string field)
    {
        if (Cell(row, field) is not { } raw) return null;
        if (ValueParser.TryDate(raw, Mapping.DateOrder, out var value, out var problem)) return value;
        Reject(row, field, problem!);
        return null;
    }

    public DateOnly? Month(CsvRow row, string field)
    {
        if (Cell(row, field) is not { } raw) return null;
        if (ValueParser.TryMonth(raw, Mapping.DateOrder, out var value, out var problem)) return value;
        Reject(row, field, problem!);
        return null;
    }

    public string Currency(CsvRow row, string field)
    {
        if (Cell(row, field) is not { } raw) return Mapping.DefaultCurrency;
        if (ValueParser.TryCurrency(raw, out var code, out var problem)) return code;
        Reject(row, field, problem!);
        return Mapping.DefaultCurrency;
    }

    public string? Text(CsvRow row, string field, int maxLength)
    {
        if (Cell(row, field) is not { } value) return null;
        if (value.Length <= maxLength) return value;
        Reject(row, field, $"Longer than {maxLength} characters.");
        return null;
    }
}

/// <summary>
/// An importer that can check a batch's rows without the database. The runner checks the next
/// batch on another thread while the current one is written, overlapping parsing and writing the
/// way a raw streamed load does. Check must only read the importer's state.
/// </summary>
public interface IChecksRowsAhead
{
    void Check(ImportBatch batch);
}

/// <summary>One kind of import. Batches run in their own transaction; Complete runs once, at the end, in one transaction.</summary>
public interface IImporter
{
    Task PrepareAsync(Data.StewardDbContext db, ImportJob job, ImportMapping mapping, CancellationToken ct);

    Task ProcessAsync(Data.StewardDbContext db, ImportBatch batch, CancellationToken ct);

    Task CompleteAsync(Data.StewardDbContext db, ImportJob job, ImportMapping mapping, Func<IEnumerable<CsvRow>> rereadRows, CancellationToken ct);
}
