using Microsoft.Extensions.DependencyInjection;
using Steward.Features.Tasks;
using Steward.Infrastructure.Errors;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Tasks;

public sealed class TaskServiceTests : ApiTest
{
    [Fact]
    public async Task Tasks_are_created_for_visible_accounts_only_and_completed_once()
    {
        var account = await CreateAccountAsync(await As(People.AmNorth), "Lambda Tasks");

        var task = await App.AsAsync(People.AmNorth, s => s.GetRequiredService<TaskService>().CreateAsync(new TaskInput
        {
            AccountId = account.Id,
            Title = "  Send the QBR deck ",
            DueDate = new DateOnly(2026, 11, 20),
            SourceKind = "meeting",
            SourceId = "7",
        }));
        Assert.Equal("Send the QBR deck", task.Title);
        Assert.Equal("Avery Brooks", task.AssigneeName);

        var foreign = await Assert.ThrowsAsync<InvalidInputException>(() => App.AsAsync(People.AmSouth, s => s.GetRequiredService<TaskService>().CreateAsync(new TaskInput { AccountId = account.Id, Title = "Snoop" })));
        Assert.Contains(nameof(TaskInput.AccountId), foreign.Errors.Keys);
        var blank = await Assert.ThrowsAsync<InvalidInputException>(() => App.AsAsync(People.AmNorth, s => s.GetRequiredService<TaskService>().CreateAsync(new TaskInput { AccountId = account.Id, Title = " " })));
        Assert.Contains(nameof(TaskInput.Title), blank.Errors.Keys);

        await Assert.ThrowsAsync<NotFoundException>(() => App.AsAsync(People.AmSouth, s => s.GetRequiredService<TaskService>().CompleteAsync(task.Id)));
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        var done = await App.AsAsync(People.AmNorth, s => s.GetRequiredService<TaskService>().CompleteAsync(task.Id));
        Assert.Equal(TaskState.Done, done.State);
        Assert.Equal(StewardApp.Now.UtcDateTime.AddMinutes(5), done.CompletedAt);
        Assert.Empty(await App.AsAsync(People.AmNorth, s => s.GetRequiredService<TaskService>().OpenForAccountAsync(account.Id)));
    }
}
