using Steward.Features.Relationships.Gaps;
using Steward.Features.Relationships.Map;

namespace Steward.Features.Relationships;

public static class RelationshipsSetup
{
    public static IServiceCollection AddRelationships(this IServiceCollection services)
    {
        services.AddOptions<RelationshipOptions>()
            .BindConfiguration(RelationshipOptions.Section)
            .Validate(o => !o.Problems().Any(), "The Relationships settings are out of range: stale thresholds are 1–3650 days, InfluentialFrom is 1–5.")
            .ValidateOnStart();
        services.AddScoped<RelationshipQueries>();
        services.AddScoped<StakeholderService>();
        services.AddScoped<RelationshipService>();
        services.AddScoped<RelationshipGapService>();
        services.AddScoped<RelationshipPortfolio>();
        services.AddScoped<RelationshipMapSvg>();
        return services;
    }
}
