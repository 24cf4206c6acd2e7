namespace Steward.Features.Cadence;

public static class CadenceSetup
{
    public static IServiceCollection AddCadence(this IServiceCollection services) => services.AddScoped<CadenceService>();
}
