using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using Steward.Infrastructure.Errors;
using Steward.Infrastructure.Http;

namespace Steward.Features.Playbooks;

public enum StepKind
{
    Task,
    /// <summary>An approval gate: covers earlier steps and blocks every later one until approved.</summary>
    Approval,
}

/// <summary>Who a step goes to when a run starts; anyone can be assigned afterwards.</summary>
public enum StepRole
{
    AccountOwner,
    /// <summary>The owner's approver (team manager or the team's configured approver).</summary>
    Manager,
    ExecutiveSponsor,
    TechnicalLead,
    Support,
    Finance,
    Sales,
    Product,
}

public enum StepFieldType
{
    Checklist,
    SingleChoice,
    MultipleChoice,
    Rating,
    Text,
    Date,
    Number,
    Link,
}

/// <summary>
/// A template's content, exactly what export writes and import reads: ordered steps with their
/// fields and gates. Stored per template version, so a run reads the version it started with.
/// </summary>
public sealed class PlaybookDefinition
{
    /// <summary>A stable identifier, so re-importing an exported template makes a new version of it.</summary>
    [StringLength(60)]
    public string? Key { get; set; }

    [Required(ErrorMessage = "Name is required.")]
    [StringLength(150, ErrorMessage = "Name can be at most 150 characters.")]
    public string Name { get; set; } = "";

    [StringLength(4000)]
    public string? Description { get; set; }

    public List<StepDefinition> Steps { get; set; } = [];

    public static readonly JsonSerializerOptions Json = new(ApiJson.Options) { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a definition, turning malformed JSON into a field error rather than a crash.</summary>
    public static PlaybookDefinition Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<PlaybookDefinition>(json, Json) ?? throw new InvalidInputException("Definition", "The file is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidInputException("Definition", $"The template is not valid JSON: {e.Message}");
        }
    }

    /// <summary>Every problem at once: names, unique keys, options for choices, gates covering earlier task steps.</summary>
    public void Validate()
    {
        Name = Name?.Trim() ?? "";
        var errors = InputValidation.Annotations(this);
        if (Steps.Count == 0) errors.Add("Steps", "A template needs at least one step.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Steps.Count; i++)
        {
            var step = Steps[i];
            var where = $"Step {i + 1}";
            step.Title = step.Title?.Trim() ?? "";
            if (string.IsNullOrWhiteSpace(step.Key)) step.Key = $"step-{i + 1}";
            if (step.Title.Length is 0 or > 200) errors.Add("Steps", $"{where} needs a title of at most 200 characters.");
            if (!seen.Add(step.Key)) errors.Add("Steps", $"{where}: key '{step.Key}' is used twice.");
            if (step.DueOffsetDays is < 0 or > 3650) errors.Add("Steps", $"{where}: the due offset must be 0–3650 days.");
            if (step.Kind == StepKind.Approval)
            {
                if (step.Covers.Count == 0) errors.Add("Steps", $"{where} is an approval gate and must name the steps it covers.");
                foreach (var covered in step.Covers)
                {
                    var target = Steps.Take(i).FirstOrDefault(s => s.Key == covered);
                    if (target is null || target.Kind != StepKind.Task) errors.Add("Steps", $"{where} covers '{covered}', which is not an earlier task step.");
                }
                if (step.Fields.Count > 0) errors.Add("Steps", $"{where} is an approval gate; gates have no form fields.");
            }
            var fieldKeys = new HashSet<string>(StringComparer.Ordinal);
            for (var f = 0; f < step.Fields.Count; f++)
            {
                var field = step.Fields[f];
                field.Label = field.Label?.Trim() ?? "";
                if (string.IsNullOrWhiteSpace(field.Key)) field.Key = $"field-{f + 1}";
                if (field.Label.Length is 0 or > 200) errors.Add("Steps", $"{where}, field {f + 1} needs a label of at most 200 characters.");
                if (!fieldKeys.Add(field.Key)) errors.Add("Steps", $"{where}: field key '{field.Key}' is used twice.");
                field.Options = field.Options.Select(o => o.Trim()).Where(o => o.Length > 0).Distinct().ToList();
                if (field.Type is StepFieldType.Checklist or StepFieldType.SingleChoice or StepFieldType.MultipleChoice && field.Options.Count < 1)
                {
                    errors.Add("Steps", $"{where}, field '{field.Label}' is a {field.Type} and needs options.");
                }
            }
        }
        errors.ThrowIfAny();
    }
}

public sealed class StepDefinition
{
    public string Key { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public StepKind Kind { get; set; }
    public StepRole AssigneeRole { get; set; }
    /// <summary>Days after the run starts that the step is due.</summary>
    public int DueOffsetDays { get; set; }
    public List<FieldDefinition> Fields { get; set; } = [];
    /// <summary>For an approval gate: the keys of the earlier steps it approves.</summary>
    public List<string> Covers { get; set; } = [];
}

public sealed class FieldDefinition
{
    public string Key { get; set; } = "";
    public string Label { get; set; } = "";
    public StepFieldType Type { get; set; }
    /// <summary>Choices of a checklist, single or multiple choice; a rating's scale labels (default 1–5).</summary>
    public List<string> Options { get; set; } = [];
    public bool Required { get; set; }
}
