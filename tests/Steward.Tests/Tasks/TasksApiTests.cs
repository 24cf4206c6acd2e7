using System.Net;
using System.Net.Http.Json;
using Steward.Features.Tasks;
using Steward.Infrastructure.Http;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Tasks;

public sealed class TasksApiTests : ApiTest
{
    [Fact]
    public async Task Tasks_are_listed_by_assignee_and_due_day_snoozed_reassigned_and_closed()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Beta Bakeries");
        var overdue = await ReadAsync<TaskDto>(await am.PostAsJsonAsync("/api/v1/tasks", new { accountId = account.Id, title = "Chase the signed contract", dueDate = "2026-11-10", priority = "High" }, Json), HttpStatusCode.Created);
        var today = await ReadAsync<TaskDto>(await am.PostAsJsonAsync("/api/v1/tasks", new { accountId = account.Id, title = "Call procurement", dueDate = "2026-11-16" }, Json), HttpStatusCode.Created);
        await ReadAsync<TaskDto>(await am.PostAsJsonAsync("/api/v1/tasks", new { accountId = account.Id, title = "Prepare QBR", dueDate = "2026-12-01" }, Json), HttpStatusCode.Created);
        await ReadAsync<TaskDto>(await am.PostAsJsonAsync("/api/v1/tasks", new { accountId = account.Id, title = "Someday", priority = "Low" }, Json), HttpStatusCode.Created);

        var mine = await ReadAsync<Page<TaskDto>>(await am.GetAsync("/api/v1/tasks?assigneeId=me"));
        Assert.Equal(["Chase the signed contract", "Call procurement", "Prepare QBR", "Someday"], mine.Items.Select(t => t.Title));
        var dueToday = await ReadAsync<Page<TaskDto>>(await am.GetAsync("/api/v1/tasks?assigneeId=me&dueBy=2026-11-16"));
        Assert.Equal([overdue.Id, today.Id], dueToday.Items.Select(t => t.Id));
        var late = await ReadAsync<Page<TaskDto>>(await am.GetAsync("/api/v1/tasks?overdue=true"));
        Assert.Equal(overdue.Id, Assert.Single(late.Items).Id);
        Assert.True(late.Items[0].IsOverdueOn(new DateOnly(2026, 11, 16)));
        var byPriority = await ReadAsync<Page<TaskDto>>(await am.GetAsync("/api/v1/tasks?sort=-priority"));
        Assert.Equal("Chase the signed contract", byPriority.Items[0].Title);
        Assert.Equal("Someday", byPriority.Items[^1].Title);

        // Snooze: only to a later day; the task leaves today's list.
        var pastSnooze = await am.PostAsJsonAsync($"/api/v1/tasks/{today.Id}/snooze", new { until = "2026-11-16" }, Json);
        Assert.Contains("until", (await FieldErrorsAsync(pastSnooze)).Keys);
        var snoozed = await ReadAsync<TaskDto>(await am.PostAsJsonAsync($"/api/v1/tasks/{today.Id}/snooze", new { days = 3 }, Json));
        Assert.Equal(new DateOnly(2026, 11, 19), snoozed.DueDate);
        Assert.Single((await ReadAsync<Page<TaskDto>>(await am.GetAsync("/api/v1/tasks?assigneeId=me&dueBy=2026-11-16"))).Items);

        // Reassign: only to someone who can see the account; they are notified and find it in their list.
        var south = await App.UserIdAsync(People.AmSouth);
        var refused = await am.PostAsJsonAsync($"/api/v1/tasks/{overdue.Id}/reassign", new { assigneeId = south }, Json);
        Assert.Contains("cannot see the account", Assert.Single((await FieldErrorsAsync(refused))["assigneeId"]));
        var manager = await App.UserIdAsync(People.ManagerNorth);
        var reassigned = await ReadAsync<TaskDto>(await am.PostAsJsonAsync($"/api/v1/tasks/{overdue.Id}/reassign", new { assigneeId = manager }, Json));
        Assert.Equal("Morgan Meyer", reassigned.AssigneeName);
        var managerClient = await As(People.ManagerNorth);
        Assert.Equal(overdue.Id, Assert.Single((await ReadAsync<Page<TaskDto>>(await managerClient.GetAsync("/api/v1/tasks?assigneeId=me"))).Items).Id);
        var notes = await App.AsAsync(People.ManagerNorth, s => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Steward.Features.Notifications.NotificationService>(s).MineAsync());
        Assert.Contains(notes, n => n.Title.Contains("Chase the signed contract", StringComparison.Ordinal));

        // Stale If-Match is refused; complete, cancel and reopen move the state.
        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tasks/{overdue.Id}/complete");
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"1\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await am.SendAsync(stale)).StatusCode);
        Assert.Equal(TaskState.Done, (await ReadAsync<TaskDto>(await am.PostAsync($"/api/v1/tasks/{overdue.Id}/complete", null))).State);
        Assert.Equal(TaskState.Cancelled, (await ReadAsync<TaskDto>(await am.PostAsync($"/api/v1/tasks/{today.Id}/cancel", null))).State);
        var reopened = await ReadAsync<TaskDto>(await am.PostAsync($"/api/v1/tasks/{today.Id}/reopen", null));
        Assert.Equal((TaskState.Open, (DateTime?)null), (reopened.State, reopened.CompletedAt));
        Assert.Equal(0, (await ReadAsync<Page<TaskDto>>(await am.GetAsync("/api/v1/tasks?overdue=true"))).Total);
        Assert.Equal(1, (await ReadAsync<Page<TaskDto>>(await am.GetAsync("/api/v1/tasks?state=Done"))).Total);
    }

    [Fact]
    public async Task Editing_a_task_keeps_its_account_and_checks_the_version()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Gamma Glass");
        var other = await CreateAccountAsync(am, "Delta Dairy");
        var task = await ReadAsync<TaskDto>(await am.PostAsJsonAsync("/api/v1/tasks", new { accountId = account.Id, title = "Old title" }, Json), HttpStatusCode.Created);

        var moved = await am.PutAsJsonAsync($"/api/v1/tasks/{task.Id}", new { accountId = other.Id, title = "Moved" }, Json);
        Assert.Contains("accountId", (await FieldErrorsAsync(moved)).Keys);
        var edited = await ReadAsync<TaskDto>(await am.PutAsJsonAsync($"/api/v1/tasks/{task.Id}", new { accountId = account.Id, title = "New title", dueDate = "2026-11-20", description = "Details" }, Json));
        Assert.Equal(("New title", (DateOnly?)new DateOnly(2026, 11, 20), 2L), (edited.Title, edited.DueDate, edited.Version));
    }
}
