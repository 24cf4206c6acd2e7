using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Steward.Features.Cases;
using Steward.Features.Contracts;
using Steward.Features.Opportunities;
using Steward.Features.Retention;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Retention;

/// <summary>Retention tests call the sweeps themselves, with the fake clock, so the background loop is off.</summary>
public abstract class RetentionTest : ApiTest
{
    protected static readonly DateOnly Today = DateOnly.FromDateTime(StewardApp.Now.UtcDateTime);

    protected override Action<IServiceCollection>? ConfigureServices => services => services.Configure<RetentionOptions>(o => o.RunInBackground = false);

    protected static async Task<ContractDto> CreateContractAsync(HttpClient client, int accountId, string name, DateOnly end, decimal value,
        Action<Dictionary<string, object?>>? more = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["accountId"] = accountId,
            ["name"] = name,
            ["startDate"] = end.AddYears(-1).AddDays(1),
            ["endDate"] = end,
            ["annualValue"] = value,
            ["currency"] = "EUR",
            ["noticePeriodDays"] = 60,
        };
        more?.Invoke(body);
        var response = await client.PostAsJsonAsync("/api/v1/contracts", body, Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ContractDto>(Json))!;
    }

    protected static async Task<OpportunityDto> CreateOpportunityAsync(HttpClient client, int accountId, string name, decimal amount, DateOnly close,
        Action<Dictionary<string, object?>>? more = null)
    {
        var body = new Dictionary<string, object?> { ["accountId"] = accountId, ["name"] = name, ["amount"] = amount, ["currency"] = "EUR", ["closeDate"] = close };
        more?.Invoke(body);
        var response = await client.PostAsJsonAsync("/api/v1/opportunities", body, Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<OpportunityDto>(Json))!;
    }

    protected static async Task<CaseDto> CreateCaseAsync(HttpClient client, int accountId, string title, CaseSeverity severity, Action<Dictionary<string, object?>>? more = null)
    {
        var body = new Dictionary<string, object?> { ["accountId"] = accountId, ["title"] = title, ["severity"] = severity.ToString(), ["category"] = "ProductDefect" };
        more?.Invoke(body);
        var response = await client.PostAsJsonAsync("/api/v1/cases", body, Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CaseDto>(Json))!;
    }

    /// <summary>The stage of a type by name (the defaults every database starts with).</summary>
    protected async Task<StageDto> StageAsync(OpportunityType type, string name) =>
        (await App.AsAsync(People.Admin, s => s.GetRequiredService<OpportunityQueries>().StagesAsync(type))).Single(s => s.Name == name);

    protected Task<RenewalSweepResult> SweepRenewalsAsync() => App.AsAsync(null, s => s.GetRequiredService<RenewalSweep>().RunAsync());

    protected Task<int> EscalateOverdueAsync() => App.AsAsync(null, s => s.GetRequiredService<CaseService>().EscalateOverdueAsync());
}
