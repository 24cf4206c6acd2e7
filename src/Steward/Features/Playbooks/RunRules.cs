using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Steward.Infrastructure.Errors;

namespace Steward.Features.Playbooks;

/// <summary>The rules of a run that need no database: gates block later steps, and answers must fit their fields.</summary>
public static class RunRules
{
    private static readonly ConcurrentDictionary<string, PlaybookDefinition> Definitions = new(StringComparer.Ordinal);

    /// <summary>
    /// Template versions never change, so each is parsed once. Keyed by the JSON itself, not the
    /// row id: ids repeat across databases (tests, a restored backup). Callers must not mutate it.
    /// </summary>
    public static PlaybookDefinition Definition(PlaybookTemplateVersion version)
    {
        if (Definitions.Count > 1000) Definitions.Clear();
        return Definitions.GetOrAdd(version.Definition, PlaybookDefinition.Parse);
    }

    /// <summary>The earliest gate before <paramref name="step"/> that is not approved yet, if any: it blocks the step.</summary>
    public static PlaybookRunStep? BlockingGate(IEnumerable<PlaybookRunStep> steps, PlaybookRunStep step) =>
        steps.Where(s => s.Kind == StepKind.Approval && s.Position < step.Position && s.Status != StepStatus.Approved)
            .OrderBy(s => s.Position).FirstOrDefault();

    /// <summary>Normalises answers to lists of strings and checks each against its field; unknown keys are refused.</summary>
    public static Dictionary<string, string[]> CheckAnswers(StepDefinition step, IReadOnlyDictionary<string, JsonElement> answers)
    {
        var errors = new InputErrors();
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, element) in answers)
        {
            var field = step.Fields.FirstOrDefault(f => f.Key == key);
            if (field is null)
            {
                errors.Add(key, $"'{step.Title}' has no field '{key}'.");
                continue;
            }
            var values = Values(element);
            if (Problem(field, values) is { } problem) errors.Add(key, problem);
            else if (values.Length > 0) result[key] = values;
        }
        errors.ThrowIfAny();
        return result;
    }

    /// <summary>Required fields without an answer, by key.</summary>
    public static void CheckComplete(StepDefinition step, IReadOnlyDictionary<string, string[]> answers)
    {
        var errors = new InputErrors();
        foreach (var field in step.Fields.Where(f => f.Required && !answers.ContainsKey(f.Key)))
        {
            errors.Add(field.Key, $"'{field.Label}' is required to complete this step.");
        }
        errors.ThrowIfAny();
    }

    public static Dictionary<string, string[]> ReadAnswers(string? json) =>
        json is null ? new(StringComparer.Ordinal) : JsonSerializer.Deserialize<Dictionary<string, string[]>>(json) ?? new(StringComparer.Ordinal);

    public static IReadOnlyList<string> RatingScale(FieldDefinition field) => field.Options.Count > 0 ? field.Options : ["1", "2", "3", "4", "5"];

    private static string[] Values(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => element.EnumerateArray().Select(Single).Where(v => v.Length > 0).ToArray(),
        JsonValueKind.Null or JsonValueKind.Undefined => [],
        _ => Single(element) is { Length: > 0 } v ? [v] : [],
    };

    private static string Single(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!.Trim(),
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => element.GetRawText(),
    };

    private static string? Problem(FieldDefinition field, string[] values)
    {
        if (values.Length == 0) return null;
        switch (field.Type)
        {
            case StepFieldType.Checklist:
            case StepFieldType.MultipleChoice:
                return values.FirstOrDefault(v => !field.Options.Contains(v)) is { } bad ? $"'{bad}' is not one of the choices of '{field.Label}'." : null;
            case StepFieldType.SingleChoice:
            case StepFieldType.Rating:
                var choices = field.Type == StepFieldType.Rating ? RatingScale(field) : field.Options;
                if (values.Length > 1) return $"'{field.Label}' takes one answer.";
                return choices.Contains(values[0]) ? null : $"'{values[0]}' is not one of the choices of '{field.Label}' ({string.Join(", ", choices)}).";
        }
        if (values.Length > 1) return $"'{field.Label}' takes one answer.";
        var value = values[0];
        return field.Type switch
        {
            StepFieldType.Text => value.Length > 10_000 ? $"'{field.Label}' can be at most 10,000 characters." : null,
            StepFieldType.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : $"'{field.Label}' must be a date like 2026-11-30.",
            StepFieldType.Number => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _) ? null : $"'{field.Label}' must be a number like 1250.50.",
            StepFieldType.Link => Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? null : $"'{field.Label}' must be a web address starting with https://.",
            _ => null,
        };
    }
}
