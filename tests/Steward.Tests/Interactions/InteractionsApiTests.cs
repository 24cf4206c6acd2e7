using System.Net;
using System.Net.Http.Json;
using Steward.Features.Contacts;
using Steward.Features.Interactions;
using Steward.Features.Relationships;
using Steward.Features.Tasks;
using Steward.Infrastructure.Http;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Interactions;

public sealed class InteractionsApiTests : ApiTest
{
    [Fact]
    public async Task A_meeting_with_follow_ups_creates_tasks_and_updates_last_contacted()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Omega Optics");
        var cfo = await CreateContactAsync(am, account.Id, "Olga", "Orlov");
        var buyer = await CreateContactAsync(am, account.Id, "Otto", "Ode");
        var colleague = await App.UserIdAsync(People.ManagerNorth);
        var yesterday = StewardApp.Now.UtcDateTime.AddDays(-1);

        var logged = await ReadAsync<InteractionDto>(await am.PostAsJsonAsync("/api/v1/interactions", new
        {
            accountId = account.Id,
            kind = "Meeting",
            meetingType = "Qbr",
            channel = "InPerson",
            startsAt = yesterday,
            durationMinutes = 90,
            subject = "Q3 business review",
            agenda = "1. Results\n2. Next quarter",
            notes = "Good quarter. **Renewal** looks likely.",
            outcome = "Agreed to scope the APAC rollout",
            contactIds = new[] { cfo.Id },
            userIds = new[] { colleague },
            followUps = new object[]
            {
                new { title = "Send the QBR deck", dueDate = "2026-11-18" },
                new { title = "Draft APAC proposal", assigneeId = colleague, dueDate = "2026-11-30", priority = "High", contactId = cfo.Id },
            },
        }, Json), HttpStatusCode.Created);

        Assert.Equal(MeetingType.Qbr, logged.MeetingType);
        Assert.True(logged.IsCustomerTouch);
        Assert.Equal(["Olga Orlov", "Morgan Meyer"], logged.Participants.Select(p => p.Name));
        Assert.Equal(2, logged.FollowUps.Count);
        Assert.All(logged.FollowUps, t => Assert.Equal(("interaction", logged.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (t.SourceKind, t.SourceId)));
        Assert.Equal("Avery Brooks", logged.FollowUps[0].AssigneeName);
        Assert.Equal("Morgan Meyer", logged.FollowUps[1].AssigneeName);
        Assert.Equal("Olga Orlov", logged.FollowUps[1].ContactName);

        var olga = await ReadAsync<ContactDto>(await am.GetAsync($"/api/v1/contacts/{cfo.Id}"));
        Assert.Equal(yesterday, olga.LastContactedAt);
        Assert.Null((await ReadAsync<ContactDto>(await am.GetAsync($"/api/v1/contacts/{buyer.Id}"))).LastContactedAt);

        // The relationship X-ray learns from it: Olga now knows the owner and the colleague who was there.
        var stakeholders = await ReadAsync<List<StakeholderDto>>(await am.GetAsync($"/api/v1/accounts/{account.Id}/stakeholders"));
        var olgasRelationships = stakeholders.Single(x => x.ContactId == cfo.Id).Relationships;
        Assert.Equal(["Avery Brooks", "Morgan Meyer"], olgasRelationships.Select(r => r.UserName).Order());
        Assert.All(olgasRelationships, r => Assert.Equal((RelationshipStrength.Acquainted, yesterday), (r.Strength, r.LastSpokeAt)));
        Assert.Empty(stakeholders.Single(x => x.ContactId == buyer.Id).Relationships);

        // A planned call next week is not contact yet; a later edit that moves Olga out clears her date back.
        await ReadAsync<InteractionDto>(await am.PostAsJsonAsync("/api/v1/interactions", new
        {
            accountId = account.Id,
            kind = "Call",
            channel = "Phone",
            startsAt = StewardApp.Now.UtcDateTime.AddDays(7),
            subject = "Check-in",
            contactIds = new[] { buyer.Id },
        }, Json), HttpStatusCode.Created);
        Assert.Null((await ReadAsync<ContactDto>(await am.GetAsync($"/api/v1/contacts/{buyer.Id}"))).LastContactedAt);

        var input = InteractionInput.From(logged);
        input.ContactIds = [buyer.Id];
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/interactions/{logged.Id}") { Content = JsonContent.Create(input, options: Json) };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{logged.Version}\""));
        var edited = await ReadAsync<InteractionDto>(await am.SendAsync(request));
        Assert.Equal(2, edited.Version);
        Assert.Equal(2, edited.FollowUps.Count);
        Assert.Null((await ReadAsync<ContactDto>(await am.GetAsync($"/api/v1/contacts/{cfo.Id}"))).LastContactedAt);
        Assert.Equal(yesterday, (await ReadAsync<ContactDto>(await am.GetAsync($"/api/v1/contacts/{buyer.Id}"))).LastContactedAt);

        var list = await ReadAsync<Page<InteractionListItem>>(await am.GetAsync($"/api/v1/interactions?accountId={account.Id}"));
        Assert.Equal(["Check-in", "Q3 business review"], list.Items.Select(i => i.Subject));

        Assert.Equal(HttpStatusCode.NoContent, (await am.DeleteAsync($"/api/v1/interactions/{logged.Id}")).StatusCode);
        Assert.Null((await ReadAsync<ContactDto>(await am.GetAsync($"/api/v1/contacts/{buyer.Id}"))).LastContactedAt);
        var followUps = await ReadAsync<Page<TaskDto>>(await am.GetAsync($"/api/v1/tasks?accountId={account.Id}"));
        Assert.Equal(2, followUps.Total);
    }

    [Fact]
    public async Task Bad_interactions_name_each_field_and_change_nothing()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Psi Paper");
        var other = await CreateAccountAsync(am, "Chi Chemicals");
        var elsewhere = await CreateContactAsync(am, other.Id, "Eve", "Else");
        var south = await App.UserIdAsync(People.AmSouth);

        var response = await am.PostAsJsonAsync("/api/v1/interactions", new
        {
            accountId = account.Id,
            kind = "Meeting",
            subject = " ",
            contactIds = new[] { elsewhere.Id },
            followUps = new object[] { new { title = "", dueDate = "2026-11-20" }, new { title = "Ask South", assigneeId = south } },
        }, Json);
        var errors = await FieldErrorsAsync(response);
        Assert.Contains("meetingType", errors.Keys);
        Assert.Contains("channel", errors.Keys);
        Assert.Contains("startsAt", errors.Keys);
        Assert.Contains("subject", errors.Keys);
        Assert.Contains("contactIds", errors.Keys);
        Assert.Contains("followUps[0].Title", errors.Keys);
        Assert.Contains("cannot see the account", Assert.Single(errors["followUps[1].AssigneeId"]));

        var typeOnCall = await am.PostAsJsonAsync("/api/v1/interactions", new { accountId = account.Id, kind = "Call", meetingType = "Qbr", channel = "Phone", startsAt = StewardApp.Now, subject = "x" }, Json);
        Assert.Contains("meetingType", (await FieldErrorsAsync(typeOnCall)).Keys);
        Assert.Equal(0, (await ReadAsync<Page<InteractionListItem>>(await am.GetAsync("/api/v1/interactions"))).Total);
        Assert.Equal(0, (await ReadAsync<Page<TaskDto>>(await am.GetAsync("/api/v1/tasks"))).Total);
    }

    [Theory]
    [InlineData(People.AmSouth)]
    [InlineData(People.ManagerSouth)]
    public async Task Outsiders_cannot_see_log_or_change_interactions_of_a_foreign_account(string outsider)
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Foreign Fjord");
        var contact = await CreateContactAsync(am, account.Id, "Fay", "Fjord");
        var logged = await ReadAsync<InteractionDto>(await am.PostAsJsonAsync("/api/v1/interactions", new
        {
            accountId = account.Id,
            kind = "Call",
            channel = "Phone",
            startsAt = StewardApp.Now.AddHours(-2),
            subject = "Secret pricing call",
            contactIds = new[] { contact.Id },
            followUps = new[] { new { title = "Send secret price list" } },
        }, Json), HttpStatusCode.Created);
        var task = logged.FollowUps.Single();
        var client = await As(outsider);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/interactions/{logged.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/interactions/{logged.Id}", InteractionInput.From(logged), Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/interactions/{logged.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/accounts/{account.Id}/timeline")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/accounts/{account.Id}/cadence")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/tasks/{task.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/tasks/{task.Id}/complete", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/snooze", new { days = 3 }, Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/tasks/{task.Id}/reassign", new { assigneeId = await App.UserIdAsync(outsider) }, Json)).StatusCode);
        Assert.Equal(0, (await ReadAsync<Page<InteractionListItem>>(await client.GetAsync("/api/v1/interactions?search=secret"))).Total);
        Assert.Equal(0, (await ReadAsync<Page<TaskDto>>(await client.GetAsync("/api/v1/tasks?includeClosed=true"))).Total);
        var foreignLog = await client.PostAsJsonAsync("/api/v1/interactions", new { accountId = account.Id, kind = "Call", channel = "Phone", startsAt = StewardApp.Now, subject = "Snoop" }, Json);
        Assert.Contains("accountId", (await FieldErrorsAsync(foreignLog)).Keys);
        var foreignTask = await client.PostAsJsonAsync("/api/v1/tasks", new { accountId = account.Id, title = "Snoop" }, Json);
        Assert.Contains("accountId", (await FieldErrorsAsync(foreignTask)).Keys);

        // The owner's manager does see them.
        var manager = await As(People.ManagerNorth);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/v1/interactions/{logged.Id}")).StatusCode);
    }
}
