using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Tasks;
using Steward.Infrastructure.Errors;

namespace Steward.Features.Opportunities;

/// <summary>A question (or section) of an RFP and who answers it by when.</summary>
public sealed class RfpQuestionInput
{
    [Required(ErrorMessage = "Write the question or section to answer.")]
    [StringLength(250, ErrorMessage = "The question can be at most 250 characters; put the rest in the description.")]
    public string Question { get; set; } = "";

    [StringLength(10_000, ErrorMessage = "Description can be at most 10,000 characters.")]
    public string? Description { get; set; }

    /// <summary>Who answers it. Empty means the opportunity's owner.</summary>
    public string? AssigneeId { get; set; }

    /// <summary>Empty means the RFP's due date.</summary>
    public DateOnly? DueDate { get; set; }
}

/// <summary>
/// RFPs keep their deadlines as tasks: the response itself (due on the RFP's due date, for the
/// owner) and each question (for whoever answers it). They are ordinary tasks, so they show up in
/// everyone's task lists and My day; SourceKind "rfp" and the opportunity id tie them back.
/// </summary>
public sealed class RfpService(IDbContextFactory<StewardDbContext> dbFactory, TaskService tasks)
{
    public const string SourceKind = "rfp";

    private static string QuestionSource(int opportunityId) => opportunityId.ToString(CultureInfo.InvariantCulture);

    private static string DeadlineSource(int opportunityId) => QuestionSource(opportunityId) + "/due";

    /// <summary>The RFP's tasks, open and done: the response deadline first, then the questions by due date.</summary>
    public async Task<IReadOnlyList<TaskDto>> TasksAsync(int opportunityId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<Opportunity>().AnyAsync(o => o.Id == opportunityId, ct)) throw new NotFoundException("Opportunity", opportunityId);
        var (question, deadline) = (QuestionSource(opportunityId), DeadlineSource(opportunityId));
        return await db.Set<TaskItem>().AsNoTracking()
            .Where(t => t.SourceKind == SourceKind && (t.SourceId == question || t.SourceId == deadline))
            .OrderBy(t => t.SourceId == deadline ? 0 : 1).ThenBy(t => t.DueDate).ThenBy(t => t.Id)
            .Select(TaskService.ToDto).ToListAsync(ct);
    }

    public async Task<TaskDto> AddQuestionAsync(int opportunityId, RfpQuestionInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rfp = await db.Set<Opportunity>().AsNoTracking().Where(o => o.Id == opportunityId)
            .Select(o => new { o.Id, o.AccountId, o.Name, o.Type, o.OwnerId, o.RfpDueDate }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Opportunity", opportunityId);
        input.Question = input.Question?.Trim() ?? "";
        var errors = InputValidation.Annotations(input);
        if (rfp.Type != OpportunityType.Rfp) errors.Add(nameof(RfpQuestionInput.Question), "Questions belong to RFP opportunities.");
        var due = input.DueDate ?? rfp.RfpDueDate;
        if (due is null) errors.Add(nameof(RfpQuestionInput.DueDate), "Give the question a due date, or set the RFP's due date first.");
        else if (rfp.RfpDueDate is { } rfpDue && due > rfpDue) errors.Add(nameof(RfpQuestionInput.DueDate), $"The answer is needed before the RFP is due ({rfpDue:d MMM yyyy}).");
        errors.ThrowIfAny();

        try
        {
            return await tasks.CreateAsync(new TaskInput
            {
                AccountId = rfp.AccountId,
                Title = $"RFP question: {input.Question}",
                Description = $"For the RFP response \"{rfp.Name}\"" + (rfp.RfpDueDate is { } d ? $", due {d:d MMM yyyy}." : ".") + (input.Description is null ? "" : "\n\n" + input.Description),
                AssigneeId = InputValidation.Clean(input.AssigneeId) ?? rfp.OwnerId,
                DueDate = due,
                Priority = TaskPriority.High,
                SourceKind = SourceKind,
                SourceId = QuestionSource(rfp.Id),
            }, ct);
        }
        catch (InvalidInputException e) when (e.Errors.ContainsKey(nameof(TaskInput.AssigneeId)))
        {
            // Keep the task rule's reason (inactive, or cannot see the account) but name the question's field.
            throw new InvalidInputException(nameof(RfpQuestionInput.AssigneeId), string.Join(" ", e.Errors[nameof(TaskInput.AssigneeId)]));
        }
    }

    /// <summary>Keeps the response task in step with the RFP's due date: created when it is set, moved when it moves.</summary>
    internal async Task SyncDeadlineAsync(int opportunityId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rfp = await db.Set<Opportunity>().AsNoTracking().Where(o => o.Id == opportunityId)
            .Select(o => new { o.Id, o.AccountId, o.Name, o.Type, o.OwnerId, o.RfpDueDate, o.Stage!.Outcome }).SingleAsync(ct);
        if (rfp is not { Type: OpportunityType.Rfp, RfpDueDate: { } due, Outcome: StageOutcome.Open }) return;

        var source = DeadlineSource(rfp.Id);
        var task = await db.Set<TaskItem>().Where(t => t.SourceKind == SourceKind && t.SourceId == source && t.State == TaskState.Open).FirstOrDefaultAsync(ct);
        if (task is null)
        {
            await tasks.CreateAsync(new TaskInput
            {
                AccountId = rfp.AccountId,
                Title = $"Submit the RFP response: {rfp.Name}",
                AssigneeId = rfp.OwnerId,
                DueDate = due,
                Priority = TaskPriority.High,
                SourceKind = SourceKind,
                SourceId = source,
            }, ct);
        }
        else if (task.DueDate != due)
        {
            task.DueDate = due;
            await db.SaveChangesAsync(ct);
        }
    }
}
