using Steward.Features.Cases;
using Steward.Features.Contracts;
using Steward.Features.Opportunities;

namespace Steward.Features.Retention;

/// <summary>Retention and growth: contracts and renewals, opportunities and the forecast, cases and escalations.</summary>
public static class RetentionSetup
{
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RetentionOptions>(configuration.GetSection("Retention"));
        services.AddScoped<PeopleScope>();
        services.AddScoped<ContractQueries>();
        services.AddScoped<ContractService>();
        services.AddScoped<RenewalQueries>();
        services.AddScoped<RenewalSweep>();
        services.AddScoped<OpportunityQueries>();
        services.AddScoped<OpportunityService>();
        services.AddScoped<RfpService>();
        services.AddScoped<StageService>();
        services.AddScoped<ForecastQueries>();
        services.AddScoped<TargetService>();
        services.AddScoped<CaseQueries>();
        services.AddScoped<CaseService>();
        services.AddScoped<RetentionSummaryQueries>();
        services.AddHostedService<RetentionBackgroundWork>();
        return services;
    }

    public static RouteGroupBuilder MapRetentionApi(this RouteGroupBuilder api)
    {
        api.MapContractsApi();
        api.MapOpportunitiesApi();
        api.MapForecastApi();
        api.MapCasesApi();
        api.MapGet("/retention/summary", (RetentionSummaryQueries summary, CancellationToken ct) => summary.SummaryAsync(ct))
            .WithTags("Forecast")
            .WithSummary("The manager's one screen: renewals this quarter, at-risk renewals and why, the team's forecast against target, open escalations. Each figure carries the filter of its records.");
        return api;
    }
}
