using System.Globalization;

namespace Steward.Features.Demo.Generator;

/// <summary>
/// Deterministic, believable account names for generated data sets: the same index always gives
/// the same name, so a revenue file written separately refers to the accounts in the database.
/// </summary>
public static class GeneratedNames
{
    private static readonly string[] First = ["Alder", "Birch", "Cedar", "Delta", "Ember", "Fjord", "Granite", "Harbour", "Iris", "Juniper", "Kestrel", "Linden", "Meridian", "Northwind", "Orchard", "Pioneer", "Quarry", "Riverside", "Summit", "Tideway"];
    private static readonly string[] Second = ["Logistics", "Foods", "Pharma", "Energy", "Retail", "Systems", "Hotels", "Textiles", "Motors", "Media", "Chemicals", "Finance"];
    private static readonly string[] Suffix = ["GmbH", "Ltd", "SA", "AB", "Inc.", "BV", "plc", "AG"];

    public static readonly string[] Sectors = ["Logistics", "Food & Beverage", "Healthcare", "Energy", "Retail", "Technology", "Hospitality", "Manufacturing", "Automotive", "Media", "Chemicals", "Financial Services"];
    public static readonly (string Country, string Region)[] Places = [("Germany", "EMEA"), ("United Kingdom", "EMEA"), ("France", "EMEA"), ("Sweden", "EMEA"), ("United States", "Americas"), ("Netherlands", "EMEA"), ("Australia", "APAC"), ("Switzerland", "EMEA")];

    /// <summary>Unique for every index: the number makes it so, the words make it readable.</summary>
    public static string Account(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{First[index % First.Length]} {Second[index / First.Length % Second.Length]} {index:D6} {Suffix[index % Suffix.Length]}");

    public static string Sector(int index) => Sectors[index / First.Length % Second.Length];
}
