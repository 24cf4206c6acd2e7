using Steward.Features.Import.Parsing;

namespace Steward.Tests.Import;

public sealed class CsvSourceTests
{
    /// <summary>The sample exports, copied into the test output from tests/Steward.Tests/Samples.</summary>
    public static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "Samples", name);

    [Fact]
    public void A_german_excel_export_with_bom_and_semicolons()
    {
        var path = Sample("revenue-monthly-excel-eu.csv");
        var layout = CsvSource.Detect(path);
        Assert.Equal(';', layout.Separator);
        Assert.Equal(["Kunde", "Monat", "Produkt", "Umsatz", "Marge %", "Währung"], layout.Headers);
        var rows = CsvSource.Rows(path, layout).ToList();
        Assert.Equal(7200, rows.Count - 1);
        Assert.Equal("21.995,06", rows[1].Cells[3]);
    }

    [Fact]
    public void Quoted_cells_with_commas_quotes_and_line_breaks()
    {
        var path = Sample("salesforce-accounts.csv");
        var layout = CsvSource.Detect(path);
        Assert.Equal(',', layout.Separator);
        var rows = CsvSource.Rows(path, layout).Skip(1).ToList();
        Assert.All(rows, r => Assert.Equal(11, r.Cells.Length));
        Assert.Contains(rows, r => r.Cells[10] == "Key customer since 2019, \"strategic\" per board");
        var multiline = rows.First(r => r.Cells[10].Contains('\n', StringComparison.Ordinal));
        Assert.Equal("Line one\nLine two of a multi-line note", multiline.Cells[10].Replace("\r", "", StringComparison.Ordinal));
        // Line numbers follow the file, so a problem can be found in an editor.
        Assert.True(rows[^1].Line > rows.Count);
    }

    [Fact]
    public void Latin1_files_are_read_as_latin1()
    {
        var path = Path.GetTempFileName();
        File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes("Kunde;Währung\nMüller GmbH;EUR\n"));
        try
        {
            var layout = CsvSource.Detect(path);
            Assert.Equal("Währung", layout.Headers[1]);
            Assert.Equal("Müller GmbH", CsvSource.Rows(path, layout).Skip(1).Single().Cells[0]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
