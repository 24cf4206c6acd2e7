using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Steward.Features.Accounts;
using Steward.Features.Contacts;
using Steward.Infrastructure.Http;

namespace Steward.Tests.Infrastructure;

/// <summary>A test with its own app and database. xUnit makes one instance per test.</summary>
public abstract class ApiTest : IAsyncLifetime
{
    protected StewardApp App { get; private set; } = default!;
    protected static JsonSerializerOptions Json => ApiJson.Options;

    protected virtual Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ConfigureServices => null;

    public async Task InitializeAsync() => App = await StewardApp.StartAsync(ConfigureServices);

    public async Task DisposeAsync() => await App.DisposeAsync();

    protected Task<HttpClient> As(string email) => App.ClientForAsync(email);

    protected static async Task<AccountDto> CreateAccountAsync(HttpClient client, string name, Action<Dictionary<string, object?>>? more = null)
    {
        var body = new Dictionary<string, object?> { ["name"] = name, ["sector"] = "Retail", ["country"] = "Germany", ["tier"] = "Key" };
        more?.Invoke(body);
        var response = await client.PostAsJsonAsync("/api/v1/accounts", body, Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<AccountDto>(Json))!;
    }

    protected static async Task<ContactDto> CreateContactAsync(HttpClient client, int accountId, string first, string last, string? email = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/contacts", new { accountId, firstName = first, lastName = last, email, title = "Head of Procurement" }, Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ContactDto>(Json))!;
    }

    protected static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    /// <summary>The field errors of a 400 problem response, keyed by field.</summary>
    protected static async Task<Dictionary<string, string[]>> FieldErrorsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
    }
}
