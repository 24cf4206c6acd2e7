using System.Globalization;

namespace Steward.Features.Import.Parsing;

/// <summary>
/// Maps the sector spellings of exports onto one list: "FOOD_AND_BEVERAGE" and "Food & Beverage"
/// are the same sector, and "Pharmaceutcals" is a typo of "Pharmaceuticals". Known sectors are the
/// standard list plus those already in the database. Unknown but plausible names are kept as given.
/// </summary>
public sealed class SectorNormalizer
{
    public static readonly IReadOnlyList<string> Standard =
    [
        "Aerospace & Defence", "Agriculture", "Automotive", "Banking", "Chemicals", "Construction", "Consumer Goods", "Education",
        "Energy", "Financial Services", "Food & Beverage", "Government", "Healthcare", "Hospitality", "Insurance", "Logistics",
        "Manufacturing", "Media", "Mining", "Pharmaceuticals", "Professional Services", "Real Estate", "Retail", "Technology",
        "Telecommunications", "Transportation", "Travel", "Utilities",
    ];

    private readonly Dictionary<string, string> _byKey = new(StringComparer.Ordinal);

    public SectorNormalizer(IEnumerable<string> existing)
    {
        foreach (var sector in Standard.Concat(existing)) _byKey.TryAdd(Key(sector), sector);
    }

    /// <summary>The canonical sector, and whether it was corrected (for a warning).</summary>
    public (string Sector, bool Corrected) Normalize(string raw)
    {
        var key = Key(raw);
        if (_byKey.TryGetValue(key, out var known)) return (known, known != raw);
        var nearest = _byKey.Select(k => (k.Value, Distance: Levenshtein(key, k.Key))).OrderBy(k => k.Distance).FirstOrDefault();
        if (nearest.Value is not null && nearest.Distance <= Math.Max(1, key.Length / 6)) return (nearest.Value, true);

        // Unknown sector: keep it, but in the same readable shape ("FINE_ARTS" → "Fine Arts").
        var readable = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(raw.Replace('_', ' ').Trim().ToLowerInvariant());
        _byKey[key] = readable;
        return (readable, readable != raw);
    }

    /// <summary>Letters only, "and" and "&" dropped: the shape that spellings of one sector share.</summary>
    private static string Key(string sector) =>
        new([.. sector.ToLowerInvariant().Replace("&", " ", StringComparison.Ordinal).Replace("_", " ", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w != "and").SelectMany(w => w).Where(char.IsLetter)]);

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
