using System.Net;
using System.Net.Http.Json;
using Steward.Features.Contacts;
using Steward.Infrastructure.Http;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Contacts;

public sealed class ContactsApiTests : ApiTest
{
    [Fact]
    public async Task Contacts_are_created_listed_per_account_and_found_by_name_or_email()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Rho Retail");
        var boss = await CreateContactAsync(am, account.Id, "Ines", "Ortega", "Ines.Ortega@Rho.example");
        var report = await ReadAsync<ContactDto>(await am.PostAsJsonAsync("/api/v1/contacts",
            new { accountId = account.Id, firstName = "Tom", lastName = "Berg", reportsToId = boss.Id, department = "Procurement" }, Json), HttpStatusCode.Created);

        Assert.Equal("Ines Ortega", report.ReportsToName);
        Assert.Equal("Rho Retail", report.AccountName);

        var perAccount = await ReadAsync<Page<ContactDto>>(await am.GetAsync($"/api/v1/accounts/{account.Id}/contacts"));
        Assert.Equal(["Tom Berg", "Ines Ortega"], perAccount.Items.Select(c => c.FullName));

        var byEmail = await ReadAsync<Page<ContactDto>>(await am.GetAsync("/api/v1/contacts?search=ines.ortega@rho"));
        Assert.Equal(boss.Id, Assert.Single(byEmail.Items).Id);
        var byName = await ReadAsync<Page<ContactDto>>(await am.GetAsync("/api/v1/contacts?search=tom b"));
        Assert.Equal(report.Id, Assert.Single(byName.Items).Id);
    }

    [Fact]
    public async Task Bad_contact_input_names_the_fields()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Sigma Steel");
        var other = await CreateAccountAsync(am, "Tau Textiles");
        var elsewhere = await CreateContactAsync(am, other.Id, "Uma", "Ueda");
        await CreateContactAsync(am, account.Id, "Vic", "Vance", "vic@sigma.example");

        var response = await am.PostAsJsonAsync("/api/v1/contacts",
            new { accountId = account.Id, firstName = "", lastName = "V", email = "VIC@sigma.example", phone = "call me", reportsToId = elsewhere.Id }, Json);
        var errors = await FieldErrorsAsync(response);
        Assert.Contains("firstName", errors.Keys);
        Assert.Contains(errors["email"], m => m.Contains("already has this email", StringComparison.Ordinal));
        Assert.Contains("phone", errors.Keys);
        Assert.Contains(errors["reportsToId"], m => m.Contains("same account", StringComparison.Ordinal));

        var noAccount = await am.PostAsJsonAsync("/api/v1/contacts", new { firstName = "A", lastName = "B" }, Json);
        Assert.Contains("accountId", (await FieldErrorsAsync(noAccount)).Keys);
    }

    [Fact]
    public async Task Reporting_lines_cannot_loop()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Upsilon Utilities");
        var ceo = await CreateContactAsync(am, account.Id, "Cara", "Chief");
        var cfo = await ReadAsync<ContactDto>(await am.PostAsJsonAsync("/api/v1/contacts", new { accountId = account.Id, firstName = "Finn", lastName = "Fin", reportsToId = ceo.Id }, Json), HttpStatusCode.Created);

        var loop = await am.PatchAsJsonAsync($"/api/v1/contacts/{ceo.Id}", new { reportsToId = cfo.Id }, Json);
        Assert.Contains("reportsToId", (await FieldErrorsAsync(loop)).Keys);
    }

    [Fact]
    public async Task Leaving_the_customer_and_archiving_keep_the_contact()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Phi Foods");
        var contact = await CreateContactAsync(am, account.Id, "Lea", "Left");

        var left = await ReadAsync<ContactDto>(await am.PatchAsJsonAsync($"/api/v1/contacts/{contact.Id}", new { isActive = false }, Json));
        Assert.False(left.IsActive);
        var active = await ReadAsync<Page<ContactDto>>(await am.GetAsync("/api/v1/contacts?isActive=true"));
        Assert.Equal(0, active.Total);

        var archived = await ReadAsync<ContactDto>(await am.DeleteAsync($"/api/v1/contacts/{contact.Id}"));
        Assert.True(archived.Archived);
        Assert.Equal(0, (await ReadAsync<Page<ContactDto>>(await am.GetAsync("/api/v1/contacts"))).Total);
        Assert.Equal(1, (await ReadAsync<Page<ContactDto>>(await am.GetAsync("/api/v1/contacts?includeArchived=true"))).Total);
        Assert.False((await ReadAsync<ContactDto>(await am.PostAsync($"/api/v1/contacts/{contact.Id}/restore", null))).Archived);
    }

    [Fact]
    public async Task A_stale_if_match_on_a_contact_is_412()
    {
        var am = await As(People.AmNorth);
        var account = await CreateAccountAsync(am, "Chi Chemicals");
        var contact = await CreateContactAsync(am, account.Id, "Ola", "Olsen");
        await am.PatchAsJsonAsync($"/api/v1/contacts/{contact.Id}", new { title = "CFO" }, Json);

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/contacts/{contact.Id}")
        {
            Content = JsonContent.Create(new { accountId = account.Id, firstName = "Ola", lastName = "Olsen", title = "CEO" }, options: Json),
        };
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{contact.Version}\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await am.SendAsync(stale)).StatusCode);
        Assert.Equal("CFO", (await ReadAsync<ContactDto>(await am.GetAsync($"/api/v1/contacts/{contact.Id}"))).Title);
    }
}
