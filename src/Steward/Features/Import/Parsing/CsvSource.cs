using System.Text;
using nietras.SeparatedValues;

namespace Steward.Features.Import.Parsing;

/// <summary>How a file is encoded and separated, and its header row, as detected from its start.</summary>
public sealed record CsvLayout(string EncodingName, char Separator, IReadOnlyList<string> Headers);

/// <summary>One data row: its 1-based line number in the file and its cells (trimmed, unquoted).</summary>
public sealed record CsvRow(int Line, int Index, string[] Cells)
{
    public string? Cell(int? column) => column is { } c && c < Cells.Length && Cells[c].Length > 0 ? Cells[c] : null;
}

/// <summary>
/// Reads real exports: UTF-8 with or without BOM (else Latin-1), ';' ',' tab or '|' separated,
/// quoted cells with separators, quotes and line breaks inside. Streams: one row in memory at a time.
/// </summary>
public static class CsvSource
{
    private static readonly char[] Candidates = [';', ',', '\t', '|'];

    public static CsvLayout Detect(string path)
    {
        var encoding = DetectEncoding(path);
        using var reader = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true);
        var firstLine = reader.ReadLine() ?? "";
        var separator = Candidates.OrderByDescending(c => CountOutsideQuotes(firstLine, c)).First();
        if (CountOutsideQuotes(firstLine, separator) == 0) separator = ',';
        var headers = Rows(path, encoding, separator).Take(1).Select(r => r.Cells).FirstOrDefault() ?? [];
        return new CsvLayout(encoding.WebName, separator, headers);
    }

    /// <summary>Every row of the file, the header included as index 0.</summary>
    public static IEnumerable<CsvRow> Rows(string path, CsvLayout layout) => Rows(path, Encoding.GetEncoding(layout.EncodingName), layout.Separator);

    private static IEnumerable<CsvRow> Rows(string path, Encoding encoding, char separator)
    {
        using var text = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        using var reader = Sep.New(separator).Reader(o => o with
        {
            HasHeader = false,
            Unescape = true,
            Trim = SepTrim.All,
            DisableColCountCheck = true,
        }).From(text);
        var index = 0;
        foreach (var row in reader)
        {
            var cells = new string[row.ColCount];
            for (var i = 0; i < cells.Length; i++) cells[i] = row[i].ToString().Trim();
            yield return new CsvRow(row.LineNumberFrom, index++, cells);
        }
    }

    /// <summary>A BOM decides; otherwise the start must be valid UTF-8, or the file is read as Latin-1 (old Excel exports).</summary>
    private static Encoding DetectEncoding(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[Math.Min(stream.Length, 1 << 16)];
        var read = stream.Read(buffer, 0, buffer.Length);
        if (read >= 2 && (buffer[0] == 0xFF && buffer[1] == 0xFE || buffer[0] == 0xFE && buffer[1] == 0xFF)) return Encoding.Unicode;
        if (read >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF) return new UTF8Encoding(false);
        try
        {
            // A multi-byte character cut at the end of the sample is not an error.
            var length = read;
            while (length > 0 && length > read - 4 && (buffer[length - 1] & 0xC0) == 0x80) length--;
            if (length > 0 && buffer[length - 1] >= 0xC0) length--;
            new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(buffer, 0, length);
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1;
        }
    }

    private static int CountOutsideQuotes(string line, char c)
    {
        var count = 0;
        var quoted = false;
        foreach (var ch in line)
        {
            if (ch == '"') quoted = !quoted;
            else if (ch == c && !quoted) count++;
        }
        return count;
    }
}
