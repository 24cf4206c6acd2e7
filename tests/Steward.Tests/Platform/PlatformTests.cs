using System.Net;
using System.Text.Json;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Platform;

public sealed class PlatformTests : ApiTest
{
    [Fact]
    public async Task Health_endpoints_answer_without_login()
    {
        var client = App.CreateClient();
        Assert.Equal("Healthy", await client.GetStringAsync("/health/live"));
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api_and_its_bearer_auth()
    {
        var json = await App.CreateClient().GetStringAsync("/openapi/v1.json");
        using var doc = JsonDocument.Parse(json);
        var paths = doc.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/accounts", "/api/v1/accounts/{id}", "/api/v1/contacts", "/api/v1/contacts/{id}", "/api/v1/tokens" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }
        Assert.True(doc.RootElement.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("bearer", out _));
    }

    [Fact]
    public async Task The_api_reference_page_is_served()
    {
        var response = await App.CreateClient().GetAsync("/api/docs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Steward API", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_redirect_anonymous_visitors_to_the_login()
    {
        var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/accounts");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);

        var login = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("Log in to Steward", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
