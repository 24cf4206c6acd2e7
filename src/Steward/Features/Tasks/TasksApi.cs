using Microsoft.AspNetCore.Http.HttpResults;
using Steward.Infrastructure.Errors;
using Steward.Infrastructure.Http;

namespace Steward.Features.Tasks;

public static class TasksApi
{
    public static RouteGroupBuilder MapTasksApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/tasks").WithTags("Tasks");

        group.MapGet("/", ([AsParameters] TaskListQuery query, TaskService tasks, CancellationToken ct) => tasks.ListAsync(query, ct))
            .WithSummary("List tasks you can see: open by default; assigneeId=me for yours, overdue=true, dueBy=2026-11-30, accountId…");

        group.MapGet("/{id:int}", async (int id, TaskService tasks, HttpResponse response, CancellationToken ct) =>
            ETags.Tagged(response, await tasks.GetAsync(id, ct))).WithSummary("Get one task.");

        group.MapPost("/", async Task<Created<TaskDto>> (TaskInput input, TaskService tasks, HttpResponse response, CancellationToken ct) =>
        {
            var task = ETags.Tagged(response, await tasks.CreateAsync(input, ct));
            return TypedResults.Created($"/api/v1/tasks/{task.Id}", task);
        }).WithSummary("Create a task on an account. The assignee defaults to you and must be able to see the account.");

        group.MapPut("/{id:int}", async (int id, TaskInput input, TaskService tasks, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await tasks.UpdateAsync(id, input, ETags.IfMatchVersion(request), ct)))
            .WithSummary("Change a task's title, description, assignee, due date, priority or contact. Send If-Match.");

        group.MapPost("/{id:int}/complete", async (int id, TaskService tasks, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await tasks.CompleteAsync(id, ETags.IfMatchVersion(request), ct))).WithSummary("Mark a task done.");

        group.MapPost("/{id:int}/cancel", async (int id, TaskService tasks, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await tasks.CancelAsync(id, ETags.IfMatchVersion(request), ct))).WithSummary("Cancel a task that is no longer needed.");

        group.MapPost("/{id:int}/reopen", async (int id, TaskService tasks, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await tasks.ReopenAsync(id, ETags.IfMatchVersion(request), ct))).WithSummary("Reopen a done or cancelled task.");

        group.MapPost("/{id:int}/snooze", async (int id, SnoozeRequest body, TaskService tasks, TimeProvider clock, HttpRequest request, CancellationToken ct) =>
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var until = body.Until ?? (body.Days is { } days ? today.AddDays(days) : throw new InvalidInputException("Until", "Give a day to snooze until (until) or a number of days (days)."));
            return ETags.Tagged(request.HttpContext.Response, await tasks.SnoozeAsync(id, until, ETags.IfMatchVersion(request), ct));
        }).WithSummary("Move an open task's due date to a later day: {\"until\":\"2026-11-20\"} or {\"days\":3}.");

        group.MapPost("/{id:int}/reassign", async (int id, ReassignRequest body, TaskService tasks, HttpRequest request, CancellationToken ct) =>
            ETags.Tagged(request.HttpContext.Response, await tasks.ReassignAsync(id, body.AssigneeId, ETags.IfMatchVersion(request), ct)))
            .WithSummary("Give the task to a colleague who can see the account; they are notified.");
        return api;
    }
}
