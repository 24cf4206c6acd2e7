using System.Text;
using System.Text.RegularExpressions;

namespace Steward.Tests.Calendar;

/// <summary>
/// A small, strict RFC 5545 reader written for the tests, independent of Ical.Net (which writes
/// the feed): it rejects what calendar apps choke on — bare LF, lines over 75 octets, bad
/// folding, malformed content lines, unbalanced components, missing or repeated required
/// properties, malformed dates, unescaped text — and returns the components for assertions.
/// </summary>
public static partial class Rfc5545
{
    public sealed record Property(string Name, IReadOnlyDictionary<string, string> Parameters, string Value);

    public sealed class Component(string name)
    {
        public string Name { get; } = name;
        public List<Property> Properties { get; } = [];
        public List<Component> Children { get; } = [];
        public string? this[string property] => Properties.FirstOrDefault(p => p.Name == property)?.Value;
        public Property? Get(string property) => Properties.FirstOrDefault(p => p.Name == property);
    }

    public static Component Parse(string text)
    {
        if (!text.EndsWith("\r\n", StringComparison.Ordinal)) throw new FormatException("The stream must end with CRLF.");
        var physical = text[..^2].Split("\r\n");
        var logical = new List<string>();
        for (var n = 0; n < physical.Length; n++)
        {
            var line = physical[n];
            if (line.Contains('\n') || line.Contains('\r')) throw new FormatException($"Line {n + 1} has a bare CR or LF.");
            if (Encoding.UTF8.GetByteCount(line) > 75) throw new FormatException($"Line {n + 1} is {Encoding.UTF8.GetByteCount(line)} octets; fold at 75: {line}");
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                if (logical.Count == 0) throw new FormatException("The first line cannot be a continuation.");
                logical[^1] += line[1..];
            }
            else
            {
                if (line.Length == 0) throw new FormatException($"Line {n + 1} is empty.");
                logical.Add(line);
            }
        }

        var stack = new Stack<Component>();
        Component? root = null;
        foreach (var line in logical)
        {
            var property = ParseLine(line);
            if (property.Name == "BEGIN")
            {
                var component = new Component(property.Value);
                if (stack.Count == 0)
                {
                    if (root is not null) throw new FormatException("More than one top-level component.");
                    root = component;
                }
                else
                {
                    stack.Peek().Children.Add(component);
                }
                stack.Push(component);
            }
            else if (property.Name == "END")
            {
                if (stack.Count == 0 || stack.Peek().Name != property.Value) throw new FormatException($"END:{property.Value} does not close {(stack.Count == 0 ? "anything" : stack.Peek().Name)}.");
                stack.Pop();
            }
            else
            {
                if (stack.Count == 0) throw new FormatException($"Property outside a component: {line}");
                stack.Peek().Properties.Add(property);
            }
        }
        if (stack.Count > 0 || root is null) throw new FormatException("Unclosed component.");
        Validate(root);
        return root;
    }

    private static Property ParseLine(string line)
    {
        var match = ContentLine().Match(line);
        if (!match.Success) throw new FormatException($"Not a content line: {line}");
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Capture capture in match.Groups["param"].Captures)
        {
            var eq = capture.Value.IndexOf('=', StringComparison.Ordinal);
            parameters[capture.Value[1..eq].ToUpperInvariant()] = capture.Value[(eq + 1)..].Trim('"');
        }
        return new Property(match.Groups["name"].Value.ToUpperInvariant(), parameters, match.Groups["value"].Value);
    }

    private static void Validate(Component calendar)
    {
        if (calendar.Name != "VCALENDAR") throw new FormatException("The top-level component must be VCALENDAR.");
        ExactlyOnce(calendar, "PRODID");
        ExactlyOnce(calendar, "VERSION");
        if (calendar["VERSION"] != "2.0") throw new FormatException("VERSION must be 2.0.");
        if (calendar.Children.Count == 0) throw new FormatException("A calendar needs at least one component.");
        foreach (var component in calendar.Children)
        {
            switch (component.Name)
            {
                case "VEVENT":
                    ExactlyOnce(component, "UID");
                    ExactlyOnce(component, "DTSTAMP");
                    ExactlyOnce(component, "DTSTART");
                    if (component.Get("DTEND") is not null && component.Get("DURATION") is not null) throw new FormatException("DTEND and DURATION together.");
                    CheckDate(component.Get("DTSTART")!);
                    if (component.Get("DTEND") is { } end)
                    {
                        CheckDate(end);
                        if (end.Parameters.GetValueOrDefault("VALUE") != component.Get("DTSTART")!.Parameters.GetValueOrDefault("VALUE")) throw new FormatException("DTSTART and DTEND differ in value type.");
                        if (string.CompareOrdinal(end.Value, component["DTSTART"]) <= 0) throw new FormatException("DTEND must be after DTSTART.");
                    }
                    break;
                case "VTODO":
                    ExactlyOnce(component, "UID");
                    ExactlyOnce(component, "DTSTAMP");
                    if (component.Get("DUE") is { } due) CheckDate(due);
                    break;
                case "VTIMEZONE":
                    break;
                default:
                    throw new FormatException($"Unexpected component {component.Name}.");
            }
            if (!UtcDateTime().IsMatch(component["DTSTAMP"] ?? "")) throw new FormatException("DTSTAMP must be a UTC date-time.");
            foreach (var text in component.Properties.Where(p => p.Name is "SUMMARY" or "DESCRIPTION" or "LOCATION"))
            {
                if (UnescapedText().IsMatch(text.Value)) throw new FormatException($"{text.Name} has an unescaped comma, semicolon or backslash: {text.Value}");
            }
        }
    }

    private static void CheckDate(Property property)
    {
        var ok = property.Parameters.GetValueOrDefault("VALUE") == "DATE" ? Date().IsMatch(property.Value) : DateTimeValue().IsMatch(property.Value);
        if (!ok) throw new FormatException($"{property.Name} has a malformed value: {property.Value}");
        if (property.Value.EndsWith('Z') && property.Parameters.ContainsKey("TZID")) throw new FormatException($"{property.Name}: a UTC time must not have a TZID.");
    }

    private static void ExactlyOnce(Component component, string name)
    {
        var count = component.Properties.Count(p => p.Name == name);
        if (count != 1) throw new FormatException($"{component.Name} must have exactly one {name}, has {count}.");
    }

    [GeneratedRegex("""^(?<name>[A-Za-z0-9-]+)(?<param>;[A-Za-z0-9-]+=(?:"[^"\x00-\x08\x0A-\x1F\x7F]*"|[^";:,\x00-\x08\x0A-\x1F\x7F]*)(?:,(?:"[^"]*"|[^";:,]*))*)*:(?<value>[^\x00-\x08\x0A-\x1F\x7F]*)$""")]
    private static partial Regex ContentLine();

    [GeneratedRegex(@"^\d{8}$")]
    private static partial Regex Date();

    [GeneratedRegex(@"^\d{8}T\d{6}Z?$")]
    private static partial Regex DateTimeValue();

    [GeneratedRegex(@"^\d{8}T\d{6}Z$")]
    private static partial Regex UtcDateTime();

    /// <summary>A ',' or ';' not preceded by a backslash, or a backslash not starting \\ \; \, \n \N.</summary>
    [GeneratedRegex(@"(?<!\\)[,;]|\\(?![\\;,nN])")]
    private static partial Regex UnescapedText();
}
