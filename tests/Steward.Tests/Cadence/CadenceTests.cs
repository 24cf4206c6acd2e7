using System.Net;
using System.Net.Http.Json;
using Steward.Features.Cadence;
using Steward.Features.Interactions;
using Steward.Infrastructure.Http;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Cadence;

/// <summary>The default rules with an injected clock: Growth 30 days, Key 14 days + QBR 91 + executive sponsor meeting 90.</summary>
public sealed class CadenceTests : ApiTest
{
    private async Task LogAsync(HttpClient client, int accountId, string kind, DateTimeOffset at, string? meetingType = null, string[]? userIds = null)
    {
        await ReadAsync<InteractionDto>(await client.PostAsJsonAsync("/api/v1/interactions", new
        {
            accountId,
            kind,
            meetingType,
            channel = "Video",
            startsAt = at.UtcDateTime,
            subject = $"{kind} {meetingType}",
            userIds = userIds ?? [],
        }, Json), HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_touch_falls_due_its_interval_after_the_last_one_and_logging_clears_it()
    {
        var am = await As(People.AmNorth);
        var growth = await CreateAccountAsync(am, "Epsilon Energy", b => b["tier"] = "Growth");
        await LogAsync(am, growth.Id, "Call", StewardApp.Now.AddDays(-20));
        // Notes and internal preparation are not touches.
        await ReadAsync<InteractionDto>(await am.PostAsJsonAsync("/api/v1/interactions", new { accountId = growth.Id, kind = "Note", startsAt = StewardApp.Now.UtcDateTime.AddDays(-1), subject = "Internal note" }, Json), HttpStatusCode.Created);
        await LogAsync(am, growth.Id, "Meeting", StewardApp.Now.AddDays(-1), "Preparation");

        var rule = Assert.Single(await ReadAsync<List<CadenceDue>>(await am.GetAsync($"/api/v1/accounts/{growth.Id}/cadence")));
        Assert.Equal((new DateOnly(2026, 11, 26), CadenceStatus.OnTrack), (rule.DueOn, rule.Status));
        Assert.Equal(0, (await ReadAsync<Page<CadenceDue>>(await am.GetAsync("/api/v1/cadence/due?ownerId=me"))).Total);

        App.Clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(CadenceStatus.DueSoon, Assert.Single(await ReadAsync<List<CadenceDue>>(await am.GetAsync($"/api/v1/accounts/{growth.Id}/cadence"))).Status);
        App.Clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(CadenceStatus.DueToday, Assert.Single(await ReadAsync<List<CadenceDue>>(await am.GetAsync($"/api/v1/accounts/{growth.Id}/cadence"))).Status);
        App.Clock.Advance(TimeSpan.FromDays(3));
        var due = await ReadAsync<Page<CadenceDue>>(await am.GetAsync("/api/v1/cadence/due?ownerId=me"));
        var overdue = Assert.Single(due.Items);
        Assert.Equal((growth.Id, CadenceStatus.Overdue, 3), (overdue.AccountId, overdue.Status, overdue.DaysOverdue));

        // A planned call does not count until it has happened; excludePlanned hides the planned ones.
        await LogAsync(am, growth.Id, "Call", App.Clock.GetUtcNow().AddDays(2));
        var planned = Assert.Single((await ReadAsync<Page<CadenceDue>>(await am.GetAsync("/api/v1/cadence/due"))).Items);
        Assert.NotNull(planned.NextPlannedAt);
        Assert.Equal(0, (await ReadAsync<Page<CadenceDue>>(await am.GetAsync("/api/v1/cadence/due?excludePlanned=true"))).Total);

        await LogAsync(am, growth.Id, "Email", App.Clock.GetUtcNow().AddMinutes(-5));
        Assert.Equal(0, (await ReadAsync<Page<CadenceDue>>(await am.GetAsync("/api/v1/cadence/due"))).Total);
        Assert.Equal(CadenceStatus.OnTrack, Assert.Single(await ReadAsync<List<CadenceDue>>(await am.GetAsync($"/api/v1/accounts/{growth.Id}/cadence"))).Status);
    }

    [Fact]
    public async Task Key_accounts_need_a_qbr_each_quarter_and_a_meeting_with_our_executive_sponsor()
    {
        var am = await As(People.AmNorth);
        var key = await CreateAccountAsync(am, "Zeta Zinc", b => b["tier"] = "Key");
        var sponsor = await App.UserIdAsync(People.ManagerNorth);
        Assert.Equal(HttpStatusCode.Created, (await am.PostAsJsonAsync($"/api/v1/accounts/{key.Id}/team", new { userId = sponsor, role = "ExecutiveSponsor" }, Json)).StatusCode);
        await LogAsync(am, key.Id, "Meeting", StewardApp.Now.AddDays(-100), "Relationship");

        var rules = await ReadAsync<List<CadenceDue>>(await am.GetAsync($"/api/v1/accounts/{key.Id}/cadence"));
        // The decision-maker rule does not apply: no contact holds that role.
        Assert.Equal([2, 3, 4], rules.Select(r => r.RuleId).Order());
        Assert.Equal((new DateOnly(2026, 11, 16).AddDays(-100 + 14), CadenceStatus.Overdue), (rules.Single(r => r.RuleId == 4).DueOn, rules.Single(r => r.RuleId == 4).Status));
        // Never met yet: due their interval after the account was created (today).
        Assert.Equal(new DateOnly(2026, 11, 16).AddDays(90), rules.Single(r => r.RuleId == 2).DueOn);
        Assert.Null(rules.Single(r => r.RuleId == 2).LastTouchAt);

        // A QBR with the sponsor present meets all three.
        await LogAsync(am, key.Id, "Meeting", StewardApp.Now.AddHours(-1), "Qbr", [sponsor]);
        rules = await ReadAsync<List<CadenceDue>>(await am.GetAsync($"/api/v1/accounts/{key.Id}/cadence"));
        Assert.All(rules, r => Assert.Equal(CadenceStatus.OnTrack, r.Status));
        Assert.Equal(new DateOnly(2026, 11, 16).AddDays(91), rules.Single(r => r.RuleId == 3).DueOn);

        // A relationship meeting without the sponsor resets only the any-touch rule.
        App.Clock.Advance(TimeSpan.FromDays(95));
        await LogAsync(am, key.Id, "Meeting", App.Clock.GetUtcNow().AddHours(-1), "Relationship");
        rules = await ReadAsync<List<CadenceDue>>(await am.GetAsync($"/api/v1/accounts/{key.Id}/cadence"));
        Assert.Equal(CadenceStatus.OnTrack, rules.Single(r => r.RuleId == 4).Status);
        Assert.Equal(CadenceStatus.Overdue, rules.Single(r => r.RuleId == 2).Status);
        Assert.Equal(CadenceStatus.Overdue, rules.Single(r => r.RuleId == 3).Status);
        Assert.Equal(2, (await ReadAsync<Page<CadenceDue>>(await am.GetAsync("/api/v1/cadence/due"))).Total);
    }

    [Fact]
    public async Task Only_admins_edit_rules_and_edits_change_what_is_due()
    {
        var am = await As(People.AmNorth);
        var admin = await As(People.Admin);
        var standard = await CreateAccountAsync(am, "Eta Engines", b => b["tier"] = "Standard");
        App.Clock.Advance(TimeSpan.FromDays(20));

        var forbidden = await am.PutAsJsonAsync("/api/v1/cadence/rules/6", new { name = "Standard weekly", tier = "Standard", intervalDays = 7 }, Json);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await am.DeleteAsync("/api/v1/cadence/rules/6")).StatusCode);
        var bad = await admin.PutAsJsonAsync("/api/v1/cadence/rules/6", new { name = "", tier = "Standard", intervalDays = 0, kind = "Call", meetingType = "Qbr" }, Json);
        Assert.Equal(["intervalDays", "meetingType", "name"], (await FieldErrorsAsync(bad)).Keys.Order());

        Assert.Equal(0, (await ReadAsync<Page<CadenceDue>>(await am.GetAsync("/api/v1/cadence/due"))).Total);
        var edited = await ReadAsync<CadenceRuleDto>(await admin.PutAsJsonAsync("/api/v1/cadence/rules/6", new { name = "Standard: every two weeks", tier = "Standard", intervalDays = 14 }, Json));
        Assert.Equal(2, edited.Version);
        var due = Assert.Single((await ReadAsync<Page<CadenceDue>>(await am.GetAsync("/api/v1/cadence/due"))).Items);
        Assert.Equal((standard.Id, 6, "Standard: every two weeks"), (due.AccountId, due.DaysOverdue, due.RuleName));

        var created = await ReadAsync<CadenceRuleDto>(await admin.PostAsJsonAsync("/api/v1/cadence/rules", new { name = "Everyone: a visit a year", kind = "Visit", intervalDays = 365 }, Json), HttpStatusCode.Created);
        Assert.Null(created.Tier);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/cadence/rules/{created.Id}")).StatusCode);
        Assert.Equal(6, (await ReadAsync<List<CadenceRuleDto>>(await am.GetAsync("/api/v1/cadence/rules"))).Count);
    }

    [Fact]
    public async Task The_portfolio_list_pages_across_rules_most_overdue_first_and_hides_foreign_accounts()
    {
        var am = await As(People.AmNorth);
        var south = await As(People.AmSouth);
        for (var n = 0; n < 5; n++)
        {
            var account = await CreateAccountAsync(am, $"Iota {n}", b => b["tier"] = n % 2 == 0 ? "Growth" : "Key");
            await LogAsync(am, account.Id, "Call", StewardApp.Now.AddDays(-40 - n));
        }
        await CreateAccountAsync(south, "South Sigma", b => b["tier"] = "Growth");
        App.Clock.Advance(TimeSpan.FromDays(60));

        var all = await ReadAsync<Page<CadenceDue>>(await am.GetAsync("/api/v1/cadence/due?pageSize=200"));
        var paged = new List<CadenceDue>();
        for (var page = 1; page <= 4; page++)
        {
            paged.AddRange((await ReadAsync<Page<CadenceDue>>(await am.GetAsync($"/api/v1/cadence/due?page={page}&pageSize=3"))).Items);
        }
        Assert.Equal(all.Total, paged.Count);
        Assert.Equal(all.Items.Select(d => (d.AccountId, d.RuleId)), paged.Select(d => (d.AccountId, d.RuleId)));
        Assert.Equal(all.Items.OrderBy(d => d.DueOn).Select(d => d.DueOn), all.Items.Select(d => d.DueOn));
        Assert.DoesNotContain(all.Items, d => d.AccountName == "South Sigma");
        Assert.Equal(["South Sigma"], (await ReadAsync<Page<CadenceDue>>(await south.GetAsync("/api/v1/cadence/due"))).Items.Select(d => d.AccountName));
    }
}
