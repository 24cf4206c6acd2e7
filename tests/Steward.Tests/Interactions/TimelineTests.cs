using System.Net;
using System.Net.Http.Json;
using Steward.Features.Interactions;
using Steward.Features.Tasks;
using Steward.Infrastructure.Http;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Interactions;

public sealed class TimelineTests : ApiTest
{
    [Fact]
    public async Task The_timeline_merges_every_source_newest_first_and_pages_exactly()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Kappa Kilns", b => b["tier"] = "Growth");
        for (var n = 0; n < 7; n++)
        {
            App.Clock.Advance(TimeSpan.FromHours(5));
            var at = App.Clock.GetUtcNow().UtcDateTime;
            if (n % 3 == 0)
            {
                await ReadAsync<InteractionDto>(await am.PostAsJsonAsync("/api/v1/interactions", new { accountId = account.Id, kind = "Call", channel = "Phone", startsAt = at.AddHours(-1), subject = $"Call {n}" }, Json), HttpStatusCode.Created);
            }
            if (n % 3 == 1)
            {
                await ReadAsync<TaskDto>(await am.PostAsJsonAsync("/api/v1/tasks", new { accountId = account.Id, title = $"Task {n}" }, Json), HttpStatusCode.Created);
            }
            if (n % 3 == 2)
            {
                await am.PatchAsJsonAsync($"/api/v1/accounts/{account.Id}", new { status = n % 2 == 0 ? "AtRisk" : "Active" }, Json);
            }
        }
        await ReadAsync<InteractionDto>(await am.PostAsJsonAsync("/api/v1/interactions", new { accountId = account.Id, kind = "Note", startsAt = App.Clock.GetUtcNow().UtcDateTime, subject = "Heard they are reorganising" }, Json), HttpStatusCode.Created);

        var all = await ReadAsync<Page<TimelineEntry>>(await am.GetAsync($"/api/v1/accounts/{account.Id}/timeline?pageSize=100"));
        // 3 calls, 2 tasks, created + 2 status changes, 1 note.
        Assert.Equal(9, all.Total);
        Assert.Equal(all.Items.Select(e => e.At).OrderByDescending(a => a), all.Items.Select(e => e.At));
        Assert.Equal("Heard they are reorganising", all.Items[0].Title);
        Assert.Equal(TimelineSource.Note, all.Items[0].Source);
        Assert.Equal("Account created", all.Items[^1].Title);
        Assert.Contains(all.Items, e => e.Title == "Status changed from Active to AtRisk");

        var paged = new List<TimelineEntry>();
        for (var page = 1; page <= 5; page++)
        {
            var p = await ReadAsync<Page<TimelineEntry>>(await am.GetAsync($"/api/v1/accounts/{account.Id}/timeline?page={page}&pageSize=2"));
            Assert.Equal(9, p.Total);
            paged.AddRange(p.Items);
        }
        Assert.Equal(all.Items.Select(e => (e.Source, e.Id)), paged.Select(e => (e.Source, e.Id)));

        var onlyTasksAndCalls = await ReadAsync<Page<TimelineEntry>>(await am.GetAsync($"/api/v1/accounts/{account.Id}/timeline?source=Task&source=Interaction"));
        Assert.Equal(5, onlyTasksAndCalls.Total);
        Assert.All(onlyTasksAndCalls.Items, e => Assert.Contains(e.Source, new[] { TimelineSource.Task, TimelineSource.Interaction }));
        var changes = await ReadAsync<Page<TimelineEntry>>(await am.GetAsync($"/api/v1/accounts/{account.Id}/timeline?source=Change"));
        Assert.Equal(3, changes.Total);
    }
}
