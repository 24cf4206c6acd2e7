using System.Globalization;

namespace Steward.Features.Relationships.Map;

/// <summary>
/// Colours, line styles and short texts of the map. Plain attribute values (no CSS classes), so
/// an exported SVG or PNG looks exactly like the screen.
/// </summary>
public static class MapStyle
{
    public const string Ink = "#17324D";
    public const string Muted = "#5F6B7A";
    public const string Unknown = "#B0BEC5";
    public const string Alert = "#C62828";
    public const string Warning = "#EF6C00";

    public static string Colour(Attitude? attitude) => attitude switch
    {
        Attitude.Advocate => "#2E7D32",
        Attitude.Supporter => "#7CB342",
        Attitude.Neutral => "#78909C",
        Attitude.Sceptic => "#F57C00",
        Attitude.Opponent => "#C62828",
        _ => Unknown,
    };

    public static string Colour(BuyingRole? role) => role switch
    {
        BuyingRole.DecisionMaker => "#17324D",
        BuyingRole.EconomicBuyer => "#1F5C99",
        BuyingRole.TechnicalBuyer => "#00838F",
        BuyingRole.Influencer => "#6A1B9A",
        BuyingRole.Champion => "#2E7D32",
        BuyingRole.Gatekeeper => "#8D6E63",
        BuyingRole.Blocker => "#C62828",
        _ => "#607D8B",
    };

    public static string Colour(RelationshipStrength strength) => strength switch
    {
        RelationshipStrength.TrustedAdvisor => "#2E7D32",
        RelationshipStrength.Working => "#1F5C99",
        RelationshipStrength.Acquainted => "#78909C",
        _ => "#B0BEC5",
    };

    public static string Width(RelationshipStrength strength) => strength switch
    {
        RelationshipStrength.TrustedAdvisor => "3.5",
        RelationshipStrength.Working => "2.5",
        RelationshipStrength.Acquainted => "1.6",
        _ => "1.2",
    };

    public static string? Dashes(RelationshipStrength strength) => strength switch
    {
        RelationshipStrength.Acquainted => "6 4",
        RelationshipStrength.None => "2 4",
        _ => null,
    };

    /// <summary>The letter in the marker on each line.</summary>
    public static string Letter(RelationshipStrength strength) => strength switch
    {
        RelationshipStrength.TrustedAdvisor => "T",
        RelationshipStrength.Working => "W",
        RelationshipStrength.Acquainted => "A",
        _ => "–",
    };

    public static string PersonFill(OurPersonDto person) =>
        !person.IsActive ? "#90A4AE" : person.IsOwner ? "#17324D" : person.TeamRole is not null ? "#1F5C99" : "#546E7A";

    public static string Initials(string name) =>
        string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => char.IsLetter(p[0])).Take(2).Select(p => char.ToUpperInvariant(p[0])));

    /// <summary>Cuts text to what fits in a box, with an ellipsis; SVG text does not wrap or clip.</summary>
    public static string Fit(string? text, int maxChars) =>
        text is null ? "" : text.Length <= maxChars ? text : text[..(maxChars - 1)].TrimEnd() + "…";

    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Points(IEnumerable<Point> points) => string.Join(' ', points.Select(p => $"{N(p.X)},{N(p.Y)}"));

    public static string Ago(DateTime? at, DateTime now) => at is not { } t
        ? "no conversation on record"
        : (int)(now - t).TotalDays switch
        {
            0 => "spoke today",
            1 => "spoke yesterday",
            var d => $"spoke {d} days ago",
        };
}
