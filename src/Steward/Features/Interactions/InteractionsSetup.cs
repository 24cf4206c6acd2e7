namespace Steward.Features.Interactions;

public static class InteractionsSetup
{
    public static IServiceCollection AddInteractions(this IServiceCollection services)
    {
        services.AddSingleton<NoteRenderer>();
        services.AddScoped<InteractionQueries>();
        services.AddScoped<InteractionService>();
        services.AddScoped<AccountTimeline>();
        return services;
    }
}
