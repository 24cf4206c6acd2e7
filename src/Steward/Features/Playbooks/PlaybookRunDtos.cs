using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Steward.Infrastructure.Http;

namespace Steward.Features.Playbooks;

public sealed class StartRunInput
{
    [Range(1, int.MaxValue, ErrorMessage = "Choose the account.")]
    public int AccountId { get; set; }

    [Range(1, int.MaxValue, ErrorMessage = "Choose a template.")]
    public int TemplateId { get; set; }

    /// <summary>Defaults to the template's name.</summary>
    [StringLength(150, ErrorMessage = "Name can be at most 150 characters.")]
    public string? Name { get; set; }

    /// <summary>Due dates count from here; defaults to today.</summary>
    public DateOnly? StartOn { get; set; }
}

/// <summary>Answers to a step's fields: field key → a string, a number, or a list of strings for checklists and multiple choice.</summary>
public sealed class StepAnswersInput
{
    public Dictionary<string, JsonElement> Answers { get; set; } = [];
}

public sealed class AssignStepInput
{
    public string? AssigneeId { get; set; }
    public DateOnly? DueDate { get; set; }
}

public sealed class GateDecisionInput
{
    [StringLength(4000, ErrorMessage = "The comment can be at most 4,000 characters.")]
    public string? Comment { get; set; }
}

public sealed record RunSummaryDto(
    int Id, int AccountId, string AccountName, string Name, string TemplateName, int TemplateVersion, RunStatus Status, DateOnly StartedOn,
    int StepsDone, int StepsTotal, int OverdueSteps, string? NextStepTitle, string? WaitingOnName, long Version) : IVersioned
{
    public double Progress => StepsTotal == 0 ? 0 : (double)StepsDone / StepsTotal;
}

public sealed record RunStepDto(
    int Id, int Position, string Key, string Title, string? Description, StepKind Kind, StepStatus Status,
    string? AssigneeId, string? AssigneeName, DateOnly? DueDate, bool Overdue, bool Blocked, string? BlockedBy,
    IReadOnlyList<FieldDefinition> Fields, IReadOnlyDictionary<string, string[]> Answers, IReadOnlyList<string> CoveredSteps,
    DateTime? CompletedAt, string? CompletedByName, string? ApproverId, string? ApproverName, string? RequestedByName,
    DateTime? DecidedAt, string? DecidedByName, string? Comment, bool CanDecide, long Version) : IVersioned;

public sealed record RunDto(
    int Id, int AccountId, string AccountName, string Name, int TemplateId, string TemplateName, int TemplateVersion, int TemplateCurrentVersion,
    RunStatus Status, DateOnly StartedOn, DateTime? CompletedAt, IReadOnlyList<RunStepDto> Steps, long Version) : IVersioned
{
    public int StepsDone => Steps.Count(s => s.Status is StepStatus.Done or StepStatus.Approved);
}

public sealed record RunListQuery
{
    public int? AccountId { get; init; }
    public RunStatus? Status { get; init; }
    /// <summary>Only runs whose next step waits on this person.</summary>
    public string? WaitingOnId { get; init; }
    public bool? Overdue { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}
