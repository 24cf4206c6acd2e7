using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.OpenApi;
using Steward.Data;
using Steward.Infrastructure.Auth;
using Steward.Infrastructure.Errors;
using Steward.Infrastructure.Http;

namespace Steward.Infrastructure;

public static class InfrastructureSetup
{
    public static IServiceCollection AddStewardInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        // One display culture for every page and export, whatever the server's locale: English
        // words, day-month-year dates, '.' decimals (which SVG coordinates also require).
        var culture = System.Globalization.CultureInfo.GetCultureInfo(configuration["Steward:Culture"] ?? "en-GB");
        System.Globalization.CultureInfo.DefaultThreadCurrentCulture = culture;
        System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = culture;

        services.AddSingleton(TimeProvider.System);
        services.AddStewardProblemDetails();
        services.Configure<JsonOptions>(o => ApiJson.Configure(o.SerializerOptions));
        // Binding errors (a malformed query value or body) become 400 problem details naming the parameter.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddHostedService<DatabaseInitializer>();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
        });

        services.AddDataProtection().SetApplicationName("Steward").PersistKeysToDbContext<StewardDbContext>();

        services.AddHealthChecks()
            .AddDbContextCheck<StewardDbContext>("database", tags: ["ready"]);

        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Steward API";
            document.Info.Description = "Key account management. Authenticate with a personal API token: `Authorization: Bearer stw_...` (create one with `steward tokens create` or on your profile page).";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "A personal API token." };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
            return Task.CompletedTask;
        }));
        return services;
    }

    public static WebApplication UseStewardPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseStatusCodePages(async ctx =>
        {
            // API errors without a body (401, 403, 405...) still get problem details.
            if (ctx.HttpContext.Request.Path.StartsWithSegments("/api") && !ctx.HttpContext.Response.HasStarted)
            {
                var problems = ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = ctx.HttpContext });
            }
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseViewer();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapStewardHealthChecks(this WebApplication app)
    {
        // Live: the process answers. Ready: it can reach the database.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        return app;
    }
}
