using Steward.Features.Import;
using Steward.Features.Import.Parsing;

namespace Steward.Tests.Import;

public sealed class ValueParserTests
{
    [Theory]
    [InlineData("19680000", 19_680_000)]
    [InlineData("$1,234", 1234)]
    [InlineData("USD 1,234.00", 1234)]
    [InlineData("USD 14,640,000,000.00", 14_640_000_000)]
    [InlineData("$10,980,000,000", 10_980_000_000)]
    [InlineData("21.995,06", 21995.06)]
    [InlineData("1.234.567", 1234567)]
    [InlineData("29,8", 29.8)]
    [InlineData("-12.5", -12.5)]
    [InlineData("(1,234.50)", -1234.5)]
    [InlineData("EUR 3 500,25", 3500.25)]
    [InlineData("15%", 15)]
    [InlineData("1521.23", 1521.23)]
    [InlineData("1.234", 1.234)]
    [InlineData("-40", -40)]
    public void Numbers_as_exports_write_them(string raw, double expected)
    {
        Assert.True(ValueParser.TryDecimal(raw, DecimalSeparator.Auto, out var value, out var problem), problem);
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("n/a")]
    [InlineData("twelve")]
    [InlineData("1-2-3")]
    [InlineData("-")]
    public void Non_numbers_are_refused_with_the_value_named(string raw)
    {
        Assert.False(ValueParser.TryDecimal(raw, DecimalSeparator.Auto, out _, out var problem));
        Assert.Contains(raw, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_decimal_comma_reads_1_234_as_one_point_two()
    {
        Assert.True(ValueParser.TryDecimal("1,234", DecimalSeparator.Comma, out var value, out _));
        Assert.Equal(1.234m, value);
    }

    [Theory]
    [InlineData("11/10/2016", 2016, 11, 10)]
    [InlineData("17/4/2024", 2024, 4, 17)]
    [InlineData("2024-08-10 10:13", 2024, 8, 10)]
    [InlineData("31.03.2024", 2024, 3, 31)]
    [InlineData("2024-03-31", 2024, 3, 31)]
    public void Dates_in_the_shapes_of_real_exports(string raw, int year, int month, int day)
    {
        Assert.True(ValueParser.TryDate(raw, DateOrder.Auto, out var date, out var problem), problem);
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("01.2024", 2024, 1)]
    [InlineData("2025-12", 2025, 12)]
    [InlineData("Mar 2025", 2025, 3)]
    [InlineData("2025-03-17", 2025, 3)]
    public void Months(string raw, int year, int month)
    {
        Assert.True(ValueParser.TryMonth(raw, DateOrder.Auto, out var value, out var problem), problem);
        Assert.Equal(new DateOnly(year, month, 1), value);
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("2025-00")]
    [InlineData("2025-02-30")]
    [InlineData("0000-01")]
    public void Impossible_months_are_refused(string raw)
    {
        Assert.False(ValueParser.TryMonth(raw, DateOrder.Auto, out _, out var problem));
        Assert.Contains(raw, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Margins_in_percent_or_fractions_and_currencies_by_symbol()
    {
        Assert.Equal(0.298m, ValueParser.MarginFraction(29.8m));
        Assert.Equal(0.3m, ValueParser.MarginFraction(0.3m));
        Assert.True(ValueParser.TryCurrency("€", out var euro, out _));
        Assert.Equal("EUR", euro);
        Assert.False(ValueParser.TryCurrency("Euros and cents", out _, out _));
    }

    [Theory]
    [InlineData("FOOD_AND_BEVERAGE", "Food & Beverage")]
    [InlineData("aut0motive", "Automotive")]
    [InlineData("Pharmaceutcals", "Pharmaceuticals")]
    [InlineData("h0spitality", "Hospitality")]
    [InlineData("TRANSPORTATION", "Transportation")]
    [InlineData("Space Tourism", "Space Tourism")]
    public void Sectors_are_normalised(string raw, string expected) =>
        Assert.Equal(expected, new SectorNormalizer([]).Normalize(raw).Sector);

    [Fact]
    public void Columns_are_suggested_from_header_names_in_english_and_german()
    {
        string[] headers = ["Kunde", "Monat", "Produkt", "Umsatz", "Marge %", "Währung"];
        var mapping = ImportFields.Suggest(ImportKind.Revenue, headers);
        Assert.Equal(0, mapping["AccountName"]);
        Assert.Equal(1, mapping["Period"]);
        Assert.Equal(2, mapping["Product"]);
        Assert.Equal(3, mapping["Amount"]);
        Assert.Equal(4, mapping["Margin"]);
        Assert.Equal(5, mapping["Currency"]);

        string[] salesforce = ["Account ID", "Account Name", "Parent Account ID", "Type", "Industry", "Annual Revenue", "Employees", "Billing Country", "Account Owner", "Created Date", "Description"];
        var accounts = ImportFields.Suggest(ImportKind.Accounts, salesforce);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], new[] { "ExternalId", "Name", "ParentExternalId", "Status", "Sector", "AnnualRevenue", "Employees", "Country", "Owner", "CustomerSince", "Notes" }.Select(f => accounts[f]));
    }
}
