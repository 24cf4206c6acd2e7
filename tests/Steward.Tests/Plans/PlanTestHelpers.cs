using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Steward.Features.Plans;
using Steward.Infrastructure.Http;

namespace Steward.Tests.Plans;

internal static class PlanTestHelpers
{
    private static JsonSerializerOptions Json => ApiJson.Options;

    public static async Task<PlanDto> CreatePlanAsync(HttpClient client, int accountId, string title = "FY2027 key account plan")
    {
        var response = await client.PostAsJsonAsync("/api/v1/plans", new
        {
            accountId,
            title,
            periodStart = "2027-01-01",
            periodEnd = "2027-12-31",
            reviewCadence = "Quarterly",
            customerProfile = "Global retailer, 40 countries, procurement-led buying.",
        }, Json);
        return await ReadAsync<PlanDto>(response, HttpStatusCode.Created);
    }

    public static async Task<PlanDto> AddObjectiveAsync(HttpClient client, int planId, string title = "Grow revenue", decimal target = 1_200_000, decimal? baseline = 900_000)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/plans/{planId}/objectives", new { title, kpi = "Revenue, 12 months", unit = "EUR", baseline, target, dueDate = "2027-12-31" }, Json);
        return await ReadAsync<PlanDto>(response);
    }

    public static Task<HttpResponseMessage> MoveAsync(HttpClient client, int planId, string action, object? body = null, long? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/plans/{planId}/{action}") { Content = JsonContent.Create(body ?? new { }, options: Json) };
        if (ifMatch is { } v) request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{v}\""));
        return client.SendAsync(request);
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }
}
