using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Steward.Features.Relationships;
using Steward.Features.Relationships.Gaps;
using Steward.Features.Tasks;
using Steward.Infrastructure.Http;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Relationships;

public sealed class RelationshipsApiTests : ApiTest
{
    [Fact]
    public async Task Stakeholder_attributes_reports_to_and_plan_are_set_read_and_validated()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Orion Freight");
        var ceo = await CreateContactAsync(am, account.Id, "Clara", "Chief");
        var cfo = await CreateContactAsync(am, account.Id, "Felix", "Finance");

        var fresh = await am.GetAsync($"/api/v1/stakeholders/{cfo.Id}");
        Assert.Equal("\"0\"", fresh.Headers.ETag?.Tag);
        var me = await App.UserIdAsync(People.AmNorth);

        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/stakeholders/{cfo.Id}")
        {
            Content = JsonContent.Create(new { role = "EconomicBuyer", influence = 5, attitude = "Sceptic", reportsToId = ceo.Id, targetStrength = "Working", planOwnerId = me, touchEveryDays = 30, planNotes = "Win him over with the savings report." }, options: Json),
        };
        put.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"0\""));
        var saved = await ReadAsync<StakeholderDto>(await am.SendAsync(put));
        Assert.Equal(BuyingRole.EconomicBuyer, saved.Role);
        Assert.Equal(5, saved.Influence);
        Assert.Equal(Attitude.Sceptic, saved.Attitude);
        Assert.Equal(ceo.Id, saved.ReportsToId);
        Assert.Equal("Avery Brooks", saved.PlanOwnerName);
        Assert.Equal(StewardApp.Now.UtcDateTime.AddDays(30), saved.TouchDueAt);
        Assert.Equal(PlanStatus.OnTrack, saved.PlanStatus);
        Assert.Equal(1, saved.Version);

        // The same stale version again: 412, nothing changes.
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/stakeholders/{cfo.Id}") { Content = JsonContent.Create(new { influence = 1 }, options: Json) };
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"0\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await am.SendAsync(stale)).StatusCode);

        var patched = await ReadAsync<StakeholderDto>(await am.PatchAsJsonAsync($"/api/v1/stakeholders/{cfo.Id}", new { attitude = "Neutral" }, Json));
        Assert.Equal(Attitude.Neutral, patched.Attitude);
        Assert.Equal(5, patched.Influence);

        // Bad input names each field; a reporting loop is refused.
        var errors = await FieldErrorsAsync(await am.PutAsJsonAsync($"/api/v1/stakeholders/{ceo.Id}", new { influence = 9, touchEveryDays = 0, reportsToId = cfo.Id, planOwnerId = "nobody" }, Json));
        Assert.Contains("influence", errors.Keys);
        Assert.Contains("touchEveryDays", errors.Keys);
        Assert.Contains("planOwnerId", errors.Keys);
        Assert.Contains("reporting loop", errors["reportsToId"][0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await am.PutAsJsonAsync($"/api/v1/stakeholders/{ceo.Id}", new { role = "Emperor" }, Json)).StatusCode);
    }

    [Fact]
    public async Task Relationships_are_created_changed_and_removed_and_record_contact_only_moves_forward()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Vega Retail");
        var buyer = await CreateContactAsync(am, account.Id, "Bea", "Buyer");
        var me = await App.UserIdAsync(People.AmNorth);
        var colleague = await App.UserIdAsync(People.ManagerNorth);

        var spoke = StewardApp.Now.UtcDateTime.AddDays(-10);
        var created = await ReadAsync<RelationshipDto>(await am.PostAsJsonAsync("/api/v1/relationships", new { contactId = buyer.Id, userId = me, strength = "Working", lastSpokeAt = spoke }, Json), HttpStatusCode.Created);
        Assert.Equal("Bea Buyer", created.ContactName);
        Assert.Equal(spoke, created.LastSpokeAt);

        var duplicate = await FieldErrorsAsync(await am.PostAsJsonAsync("/api/v1/relationships", new { contactId = buyer.Id, userId = me, strength = "Acquainted" }, Json));
        Assert.Contains("already has a relationship", duplicate["userId"][0], StringComparison.Ordinal);
        var future = await FieldErrorsAsync(await am.PostAsJsonAsync("/api/v1/relationships", new { contactId = buyer.Id, userId = colleague, lastSpokeAt = StewardApp.Now.UtcDateTime.AddDays(3) }, Json));
        Assert.Contains("lastSpokeAt", future.Keys);

        var upgraded = await ReadAsync<RelationshipDto>(await am.PatchAsJsonAsync($"/api/v1/relationships/{created.Id}", new { strength = "TrustedAdvisor", notes = "Plays golf with her." }, Json));
        Assert.Equal(RelationshipStrength.TrustedAdvisor, upgraded.Strength);
        Assert.Equal(spoke, upgraded.LastSpokeAt);

        // A meeting: an older date does not move the last conversation back; a new pair starts at "acquainted".
        var recorded = await ReadAsync<List<RelationshipDto>>(await am.PostAsJsonAsync($"/api/v1/accounts/{account.Id}/relationships/contacts",
            new { contactIds = new[] { buyer.Id }, userIds = new[] { me, colleague }, at = spoke.AddDays(-5) }, Json));
        Assert.Equal(2, recorded.Count);
        Assert.Equal(spoke, recorded.Single(r => r.UserId == me).LastSpokeAt);
        Assert.Equal(RelationshipStrength.TrustedAdvisor, recorded.Single(r => r.UserId == me).Strength);
        Assert.Equal(RelationshipStrength.Acquainted, recorded.Single(r => r.UserId == colleague).Strength);

        var later = StewardApp.Now.UtcDateTime.AddHours(-1);
        await App.AsAsync(People.AmNorth, s => s.GetRequiredService<RelationshipService>().RecordContactAsync(account.Id, [buyer.Id], [me], later));
        Assert.Equal(later, (await ReadAsync<RelationshipDto>(await am.GetAsync($"/api/v1/relationships/{created.Id}"))).LastSpokeAt);

        var strangers = await FieldErrorsAsync(await am.PostAsJsonAsync($"/api/v1/accounts/{account.Id}/relationships/contacts", new { contactIds = new[] { 999_999 }, userIds = new[] { me } }, Json));
        Assert.Contains("contactIds", strangers.Keys);

        Assert.Equal(HttpStatusCode.NoContent, (await am.DeleteAsync($"/api/v1/relationships/{created.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await am.GetAsync($"/api/v1/relationships/{created.Id}")).StatusCode);
        var picture = await ReadAsync<RelationshipPicture>(await am.GetAsync($"/api/v1/accounts/{account.Id}/relationships"));
        Assert.Equal(["Morgan Meyer"], picture.Stakeholders.Single().Relationships.Select(r => r.UserName));
        Assert.Contains(picture.People, p => p.Name == "Morgan Meyer" && !p.IsOwner);
    }

    [Fact]
    public async Task A_planned_touch_moves_with_each_conversation()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Lyra Labs");
        var cto = await CreateContactAsync(am, account.Id, "Tara", "Tech");
        var me = await App.UserIdAsync(People.AmNorth);
        await ReadAsync<StakeholderDto>(await am.PutAsJsonAsync($"/api/v1/stakeholders/{cto.Id}", new { touchEveryDays = 14, planOwnerId = me }, Json));

        App.Clock.Advance(TimeSpan.FromDays(20));
        var overdue = await ReadAsync<StakeholderDto>(await am.GetAsync($"/api/v1/stakeholders/{cto.Id}"));
        Assert.Equal(PlanStatus.Overdue, overdue.PlanStatus);
        var gaps = await ReadAsync<List<RelationshipGap>>(await am.GetAsync($"/api/v1/accounts/{account.Id}/relationship-gaps"));
        Assert.Contains(gaps, g => g.Id == $"touch-overdue:{cto.Id}" && g.AssigneeId == me);

        await am.PostAsJsonAsync($"/api/v1/accounts/{account.Id}/relationships/contacts", new { contactIds = new[] { cto.Id }, userIds = new[] { me } }, Json);
        var touched = await ReadAsync<StakeholderDto>(await am.GetAsync($"/api/v1/stakeholders/{cto.Id}"));
        Assert.Equal(App.Clock.GetUtcNow().UtcDateTime.AddDays(14), touched.TouchDueAt);
        Assert.Equal(PlanStatus.OnTrack, touched.PlanStatus);
    }

    [Fact]
    public async Task A_gap_for_a_colleague_outside_the_account_goes_to_its_owner()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Vela Freight");
        var ceo = await CreateContactAsync(am, account.Id, "Vera", "Vela");
        await am.PutAsJsonAsync($"/api/v1/stakeholders/{ceo.Id}", new { role = "DecisionMaker", influence = 5 }, Json);
        // Someone from the South team met the CEO once: they know her, but cannot see the account.
        await ReadAsync<RelationshipDto>(await am.PostAsJsonAsync("/api/v1/relationships", new { contactId = ceo.Id, userId = await App.UserIdAsync(People.AmSouth), strength = "Acquainted" }, Json), HttpStatusCode.Created);

        var gap = (await ReadAsync<List<RelationshipGap>>(await am.GetAsync($"/api/v1/accounts/{account.Id}/relationship-gaps")))
            .Single(g => g.Kind == GapKind.DecisionMakerUncovered);
        Assert.Equal("Avery Brooks", gap.AssigneeName);
        Assert.Contains("is not on the account team", gap.Reason);

        var task = await ReadAsync<TaskDto>(await am.PostAsync($"/api/v1/accounts/{account.Id}/relationship-gaps/{gap.Id}/task", null), HttpStatusCode.Created);
        Assert.Equal("Avery Brooks", task.AssigneeName);
    }

    [Fact]
    public async Task A_gap_becomes_a_task_once_while_that_task_is_open()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Draco Mining");
        var ceo = await CreateContactAsync(am, account.Id, "Dora", "Decider");
        await am.PutAsJsonAsync($"/api/v1/stakeholders/{ceo.Id}", new { role = "DecisionMaker", influence = 5 }, Json);

        var gaps = await ReadAsync<List<RelationshipGap>>(await am.GetAsync($"/api/v1/accounts/{account.Id}/relationship-gaps"));
        var gap = gaps.Single(g => g.Kind == GapKind.DecisionMakerUncovered);
        Assert.Null(gap.OpenTaskId);

        var task = await ReadAsync<TaskDto>(await am.PostAsync($"/api/v1/accounts/{account.Id}/relationship-gaps/{gap.Id}/task", null), HttpStatusCode.Created);
        Assert.Equal(gap.Action, task.Title);
        Assert.Equal("gap", task.SourceKind);
        Assert.Equal($"{account.Id}:{gap.Id}", task.SourceId);
        Assert.Equal(ceo.Id, task.ContactId);
        Assert.Equal(TaskPriority.High, task.Priority);
        Assert.Equal(DateOnly.FromDateTime(StewardApp.Now.UtcDateTime).AddDays(7), task.DueDate);
        Assert.Equal("Avery Brooks", task.AssigneeName);

        var again = await ReadAsync<List<RelationshipGap>>(await am.GetAsync($"/api/v1/accounts/{account.Id}/relationship-gaps"));
        Assert.Equal(task.Id, again.Single(g => g.Id == gap.Id).OpenTaskId);
        Assert.Equal(HttpStatusCode.BadRequest, (await am.PostAsync($"/api/v1/accounts/{account.Id}/relationship-gaps/{gap.Id}/task", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await am.PostAsync($"/api/v1/accounts/{account.Id}/relationship-gaps/no-such-gap/task", null)).StatusCode);

        // Once the task is done the gap (if still there) is offered again.
        await App.AsAsync(People.AmNorth, s => s.GetRequiredService<TaskService>().CompleteAsync(task.Id));
        var reopened = await ReadAsync<List<RelationshipGap>>(await am.GetAsync($"/api/v1/accounts/{account.Id}/relationship-gaps"));
        Assert.Null(reopened.Single(g => g.Id == gap.Id).OpenTaskId);
    }

    [Fact]
    public async Task The_map_is_served_as_a_standalone_svg()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Cygnus & Sons");
        var boss = await CreateContactAsync(am, account.Id, "Bo", "Boss");
        var report = await CreateContactAsync(am, account.Id, "Rae", "Report");
        await am.PutAsJsonAsync($"/api/v1/stakeholders/{report.Id}", new { reportsToId = boss.Id, role = "Champion", attitude = "Advocate", influence = 3 }, Json);
        await am.PostAsJsonAsync("/api/v1/relationships", new { contactId = report.Id, userId = await App.UserIdAsync(People.AmNorth), strength = "Working" }, Json);

        var response = await am.GetAsync($"/api/v1/accounts/{account.Id}/relationships/map.svg");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var svg = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespaceCheck(svg);
        var text = svg.ToString();
        Assert.Contains("Cygnus &amp; Sons · relationship map", text, StringComparison.Ordinal);
        Assert.Contains("Rae Report", text, StringComparison.Ordinal);
        Assert.Contains("Champion", text, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick", text, StringComparison.OrdinalIgnoreCase);
    }

    private static void XNamespaceCheck(System.Xml.Linq.XDocument svg) =>
        Assert.Equal("http://www.w3.org/2000/svg", svg.Root!.Name.NamespaceName);
}
