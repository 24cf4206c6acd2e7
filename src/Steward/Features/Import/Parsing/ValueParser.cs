using System.Globalization;
using System.Text.RegularExpressions;

namespace Steward.Features.Import.Parsing;

public enum DecimalSeparator
{
    Auto,
    Dot,
    Comma,
}

public enum DateOrder
{
    Auto,
    DayMonthYear,
    MonthDayYear,
}

/// <summary>
/// Turns the cells of real exports into values, or says why it cannot. Forgiving about what
/// people and spreadsheets do ("USD 1,234.00", "$1,234", "21.995,06", "29,8", "4/12/2022",
/// "01.2024"), strict about what it cannot understand: a guess is never silently stored.
/// </summary>
public static partial class ValueParser
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static bool TryDecimal(string raw, DecimalSeparator separator, out decimal value, out string? problem)
    {
        value = 0;
        problem = null;
        // Most cells of a large export are plain ("1521.23", "-40"): read those without the clean-up below.
        if (separator != DecimalSeparator.Comma && IsPlainNumber(raw)
            && decimal.TryParse(raw, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, Invariant, out value))
        {
            return true;
        }
        var text = CurrencyNoise().Replace(raw, "").Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal);
        var negative = text.StartsWith('(') && text.EndsWith(')');
        text = text.Trim('(', ')');
        if (text.EndsWith('%')) text = text[..^1];
        if (text.Length == 0 || !NumberShape().IsMatch(text))
        {
            problem = $"'{raw}' is not a number.";
            return false;
        }
        var dot = text.LastIndexOf('.');
        var comma = text.LastIndexOf(',');
        char? decimalMark = separator switch
        {
            DecimalSeparator.Dot => '.',
            DecimalSeparator.Comma => ',',
            // Both present: the last one is the decimal mark ("1,234.56", "21.995,06").
            _ when dot >= 0 && comma >= 0 => dot > comma ? '.' : ',',
            // One mark repeated ("1,234,567", "1.234.567"): thousands.
            _ when text.Count(c => c == ',') > 1 => '.',
            _ when text.Count(c => c == '.') > 1 => ',',
            // One comma followed by exactly three digits reads as thousands ("1,234"); otherwise decimals ("29,8").
            _ when comma >= 0 => text.Length - comma - 1 == 3 ? '.' : ',',
            _ => '.',
        };
        var thousands = decimalMark == '.' ? ',' : '.';
        text = text.Replace(thousands.ToString(), "", StringComparison.Ordinal).Replace(decimalMark!.Value, '.');
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, Invariant, out value))
        {
            problem = $"'{raw}' is not a number.";
            return false;
        }
        if (negative) value = -value;
        return true;
    }

    /// <summary>An optional minus, digits, and at most one dot followed by digits.</summary>
    private static bool IsPlainNumber(string text)
    {
        var start = text.StartsWith('-') ? 1 : 0;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (text.Length == start || dot == start || dot == text.Length - 1) return false;
        for (var i = start; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]) && i != dot) return false;
        }
        return true;
    }

    public static bool TryInt(string raw, out int value, out string? problem)
    {
        value = 0;
        problem = null;
        if (TryDecimal(raw, DecimalSeparator.Auto, out var d, out problem) && d == Math.Truncate(d) && d is >= int.MinValue and <= int.MaxValue)
        {
            value = (int)d;
            return true;
        }
        problem = $"'{raw}' is not a whole number.";
        return false;
    }

    private static readonly string[] IsoDates = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.fffZ", "yyyyMMdd"];
    private static readonly string[] DayFirst = ["d.M.yyyy", "d.M.yy", "d/M/yyyy", "d-M-yyyy", "d.M.yyyy HH:mm", "d/M/yyyy HH:mm"];
    private static readonly string[] MonthFirst = ["M/d/yyyy", "M/d/yy", "M-d-yyyy", "M/d/yyyy H:mm", "M/d/yyyy h:mm tt"];

    public static bool TryDate(string raw, DateOrder order, out DateOnly value, out string? problem)
    {
        problem = null;
        var text = raw.Trim();
        if (DateTime.TryParseExact(text, IsoDates, Invariant, DateTimeStyles.AllowWhiteSpaces, out var date)
            || (order != DateOrder.DayMonthYear && DateTime.TryParseExact(text, MonthFirst, Invariant, DateTimeStyles.AllowWhiteSpaces, out date) && (order == DateOrder.MonthDayYear || text.Contains('/', StringComparison.Ordinal)))
            || DateTime.TryParseExact(text, DayFirst, Invariant, DateTimeStyles.AllowWhiteSpaces, out date)
            || DateTime.TryParseExact(text, ["d MMM yyyy", "d MMMM yyyy", "MMM d, yyyy", "MMMM d, yyyy"], Invariant, DateTimeStyles.AllowWhiteSpaces, out date))
        {
            value = DateOnly.FromDateTime(date);
            return true;
        }
        value = default;
        problem = $"'{raw}' is not a date (expected e.g. 2024-03-31, 31.03.2024 or 3/31/2024).";
        return false;
    }

    /// <summary>A month: "01.2024", "2024-01", "01/2024", "202401", "Jan 2024", or any date (its month).</summary>
    public static bool TryMonth(string raw, DateOrder order, out DateOnly value, out string? problem)
    {
        problem = null;
        var text = raw.Trim();
        // "2024-01" and "2024-01-31", the shapes of most large exports, without trying every format.
        if (IsoMonth(text) is { } iso)
        {
            value = iso;
            return true;
        }
        if (DateTime.TryParseExact(text, ["MM.yyyy", "M.yyyy", "yyyy-MM", "yyyy-M", "MM/yyyy", "M/yyyy", "yyyyMM", "MMM yyyy", "MMMM yyyy", "MMM-yy", "yyyy/MM"], Invariant, DateTimeStyles.AllowWhiteSpaces, out var month))
        {
            value = new DateOnly(month.Year, month.Month, 1);
            return true;
        }
        if (TryDate(text, order, out var date, out _))
        {
            value = new DateOnly(date.Year, date.Month, 1);
            return true;
        }
        value = default;
        problem = $"'{raw}' is not a month (expected e.g. 01.2024, 2024-01 or Jan 2024).";
        return false;
    }

    private static DateOnly? IsoMonth(string text)
    {
        if (text.Length is not (7 or 10) || text[4] != '-' || (text.Length == 10 && text[7] != '-')) return null;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, Invariant, out var year) || year < 1
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, Invariant, out var month) || month is < 1 or > 12)
        {
            return null;
        }
        if (text.Length == 10 && (!int.TryParse(text.AsSpan(8, 2), NumberStyles.None, Invariant, out var day) || day < 1 || day > DateTime.DaysInMonth(year, month)))
        {
            return null;
        }
        return new DateOnly(year, month, 1);
    }

    /// <summary>ISO currency code from "EUR", "eur", "€", "$", "US$" and the like.</summary>
    public static bool TryCurrency(string raw, out string code, out string? problem)
    {
        problem = null;
        code = raw.Trim().ToUpperInvariant() switch
        {
            "€" or "EURO" or "EUROS" => "EUR",
            "$" or "US$" or "USD$" or "DOLLAR" => "USD",
            "£" or "GBP£" => "GBP",
            "CHF" or "FR." => "CHF",
            var other => other,
        };
        if (code.Length == 3 && code.All(char.IsAsciiLetterUpper)) return true;
        problem = $"'{raw}' is not a currency code (expected three letters such as EUR or USD).";
        return false;
    }

    /// <summary>"29,8" in a margin column means 29.8%; values at or below 1 are taken as fractions already.</summary>
    public static decimal MarginFraction(decimal value) => Math.Abs(value) > 1 ? value / 100m : value;

    [GeneratedRegex(@"(?i)[a-z$€£¥]+\.?")]
    private static partial Regex CurrencyNoise();

    [GeneratedRegex(@"^[+-]?[0-9.,]*[0-9][0-9.,]*$")]
    private static partial Regex NumberShape();
}
