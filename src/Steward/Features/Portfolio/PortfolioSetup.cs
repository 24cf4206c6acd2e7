namespace Steward.Features.Portfolio;

public static class PortfolioSetup
{
    public static IServiceCollection AddPortfolio(this IServiceCollection services)
    {
        services.AddSingleton<ScoringService>();
        services.AddScoped<PortfolioService>();
        services.AddScoped<PortfolioQueries>();
        services.AddSingleton<PortfolioChanges>();
        services.AddSingleton<PortfolioChangeInterceptor>();
        services.AddSingleton<PortfolioSummaryCache>();
        return services;
    }
}
