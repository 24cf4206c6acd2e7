using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Steward.Features.Cases;
using Steward.Features.Notifications;
using Steward.Infrastructure.Http;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Retention;

public sealed class CaseTests : RetentionTest
{
    [Fact]
    public async Task An_overdue_case_climbs_the_path_by_itself_with_the_time_at_each_level()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Escalation Engines");
        await am.PostAsJsonAsync($"/api/v1/accounts/{account.Id}/team", new { userId = await App.UserIdAsync(People.Admin), role = "ExecutiveSponsor" }, Json);
        var created = await CreateCaseAsync(am, account.Id, "Invoices double-charged", CaseSeverity.High, b => b["category"] = "BillingDiscrepancy");
        Assert.Equal((StewardApp.Now.UtcDateTime.AddHours(24), EscalationLevel.AccountManager, "Avery Brooks", false),
            (created.SlaDueAt, created.EscalationLevel, created.LevelHolderName, created.SlaBreached));

        App.Clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(0, await EscalateOverdueAsync());

        App.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await EscalateOverdueAsync());
        Assert.Equal(0, await EscalateOverdueAsync());
        var atManager = await ReadAsync<CaseDto>(await am.GetAsync($"/api/v1/cases/{created.Id}"));
        Assert.Equal((EscalationLevel.Manager, "Morgan Meyer", true), (atManager.EscalationLevel, atManager.LevelHolderName, atManager.SlaBreached));
        var toManager = await App.AsAsync(People.ManagerNorth, s => s.GetRequiredService<NotificationService>().MineAsync());
        Assert.Contains(toManager, n => n.Title == "Escalated to you: Invoices double-charged (Escalation Engines)" && n.Link == $"/cases/{created.Id}");
        Assert.Contains(await App.AsAsync(People.AmNorth, s => s.GetRequiredService<NotificationService>().MineAsync()), n => n.Title.StartsWith("Escalated to the manager", StringComparison.Ordinal));

        // The manager's level has its own 24 hours.
        App.Clock.Advance(TimeSpan.FromHours(24));
        Assert.Equal(0, await EscalateOverdueAsync());
        App.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await EscalateOverdueAsync());
        var atSponsor = await ReadAsync<CaseDto>(await am.GetAsync($"/api/v1/cases/{created.Id}"));
        Assert.Equal((EscalationLevel.ExecutiveSponsor, "Alex Admin"), (atSponsor.EscalationLevel, atSponsor.LevelHolderName));

        // The top of the path: nothing further, however late.
        App.Clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(0, await EscalateOverdueAsync());

        var resolved = await FieldErrorsAsync(await am.PostAsJsonAsync($"/api/v1/cases/{created.Id}/resolve", new { resolution = "Credit note issued" }, Json));
        Assert.Contains("rootCause", resolved.Keys);
        var done = await ReadAsync<CaseDto>(await am.PostAsJsonAsync($"/api/v1/cases/{created.Id}/resolve", new { resolution = "Credit note issued", rootCause = "Billing run executed twice after a failover" }, Json));
        Assert.Equal(CaseStatus.Resolved, done.Status);

        var path = await ReadAsync<List<CaseEscalationDto>>(await am.GetAsync($"/api/v1/cases/{created.Id}/escalations"));
        Assert.Equal([EscalationLevel.AccountManager, EscalationLevel.Manager, EscalationLevel.ExecutiveSponsor], path.Select(p => p.Level).ToArray());
        Assert.Equal([TimeSpan.FromHours(25), TimeSpan.FromHours(25), TimeSpan.FromDays(5)], path.Select(p => p.TimeAtLevel).ToArray());
        Assert.Equal([false, true, true], path.Select(p => p.Automatic).ToArray());
        Assert.Contains("SLA overdue", path[1].Reason, StringComparison.Ordinal);
        Assert.All(path, p => Assert.NotNull(p.EndedAt));
    }

    [Fact]
    public async Task Without_an_executive_sponsor_the_owners_manager_stands_in_and_people_can_escalate_by_hand()
    {
        var am = await As(People.AmSouth);
        var account = await CreateAccountAsync(am, "No Sponsor Shipping");
        var item = await CreateCaseAsync(am, account.Id, "Containers late again", CaseSeverity.Critical, b => b["category"] = "DeliveryDelay");
        Assert.Equal(StewardApp.Now.UtcDateTime.AddHours(8), item.SlaDueAt);

        var noReason = await FieldErrorsAsync(await am.PostAsJsonAsync($"/api/v1/cases/{item.Id}/escalate", new { reason = "" }, Json));
        Assert.Contains("reason", noReason.Keys);
        var manual = await ReadAsync<CaseDto>(await am.PostAsJsonAsync($"/api/v1/cases/{item.Id}/escalate", new { reason = "Customer threatens to cancel" }, Json));
        Assert.Equal(("Sam Okafor", EscalationLevel.Manager), (manual.LevelHolderName, manual.EscalationLevel));
        var top = await ReadAsync<CaseDto>(await am.PostAsJsonAsync($"/api/v1/cases/{item.Id}/escalate", new { reason = "No answer from operations" }, Json));
        Assert.Equal(("Sam Okafor", EscalationLevel.ExecutiveSponsor), (top.LevelHolderName, top.EscalationLevel));
        Assert.Contains("escalationLevel", (await FieldErrorsAsync(await am.PostAsJsonAsync($"/api/v1/cases/{item.Id}/escalate", new { reason = "Higher!" }, Json))).Keys);

        // Severity drives the SLA; a resolved status needs the resolve step.
        var lowered = await ReadAsync<CaseDto>(await am.PatchAsJsonAsync($"/api/v1/cases/{item.Id}", new { severity = "Low" }, Json));
        Assert.Equal(StewardApp.Now.UtcDateTime.AddHours(168), lowered.SlaDueAt);
        Assert.Contains("status", (await FieldErrorsAsync(await am.PatchAsJsonAsync($"/api/v1/cases/{item.Id}", new { status = "Resolved" }, Json))).Keys);

        var mine = await App.AsAsync(People.ManagerSouth, s => s.GetRequiredService<CaseQueries>().MineAsync());
        Assert.Equal(item.Id, Assert.Single(mine.Items).Id);
        var overdue = await ReadAsync<Page<CaseDto>>(await am.GetAsync("/api/v1/cases?overdue=true"));
        Assert.Equal(0, overdue.Total);
        App.Clock.Advance(TimeSpan.FromDays(8));
        overdue = await ReadAsync<Page<CaseDto>>(await am.GetAsync("/api/v1/cases?overdue=true&escalated=true"));
        Assert.Equal(1, overdue.Total);
    }
}
