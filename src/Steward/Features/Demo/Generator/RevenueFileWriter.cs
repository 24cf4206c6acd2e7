using System.Globalization;
using System.Text;

namespace Steward.Features.Demo.Generator;

/// <summary>
/// Writes a revenue export the way a finance system would (account name, month, amount, product,
/// margin, currency): the file the import benchmark and a large trial import read. Rows cycle over
/// the generated accounts and go back month by month, so every (account, month, product) is unique.
/// </summary>
public static class RevenueFileWriter
{
    private static readonly string[] Products = ["Corporate travel", "Meetings & events", "Expense management", "Consulting"];

    public static async Task<long> WriteAsync(string path, int accounts, long rows, DateOnly lastMonth, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(accounts, 1);
        var random = new Random(1_000_003);
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
        await writer.WriteLineAsync("Account,Month,Amount,Product,Margin,Currency");
        var line = new StringBuilder(128);
        for (long row = 0; row < rows; row++)
        {
            var account = (int)(row % accounts);
            var round = row / accounts;
            var month = lastMonth.AddMonths(-(int)(round / Products.Length % 120));
            var product = Products[round % Products.Length];
            line.Clear();
            line.Append('"').Append(GeneratedNames.Account(account)).Append("\",")
                .Append(month.ToString("yyyy-MM", CultureInfo.InvariantCulture)).Append(',')
                .Append((random.Next(500, 250_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture)).Append(',')
                .Append(product).Append(',')
                .Append((random.Next(5, 45) / 100m).ToString("0.00", CultureInfo.InvariantCulture)).Append(",EUR");
            await writer.WriteLineAsync(line, ct);
        }
        return rows;
    }
}
