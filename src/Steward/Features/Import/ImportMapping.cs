using Steward.Features.Import.Parsing;

namespace Steward.Features.Import;

/// <summary>Which column feeds which field, and how to read values. The body of PUT /imports/{id}/mapping.</summary>
public sealed record ImportMapping
{
    /// <summary>Field key (see <see cref="ImportFields"/>) → zero-based column index.</summary>
    public Dictionary<string, int> Columns { get; init; } = [];
    public DecimalSeparator DecimalSeparator { get; init; } = DecimalSeparator.Auto;
    public DateOrder DateOrder { get; init; } = DateOrder.Auto;
    /// <summary>Owner of imported accounts whose owner column is empty or unknown. Empty: whoever runs the import.</summary>
    public string? DefaultOwnerId { get; init; }
    /// <summary>Currency when the file has none.</summary>
    public string DefaultCurrency { get; init; } = "EUR";
    /// <summary>Save this mapping under a name for files with the same header row.</summary>
    public string? SaveAs { get; init; }
}
