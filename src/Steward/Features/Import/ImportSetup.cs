namespace Steward.Features.Import;

public static class ImportSetup
{
    public static IServiceCollection AddImport(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ImportOptions>(configuration.GetSection("Import"));
        services.AddSingleton<ImportWorkerSignal>();
        services.AddScoped<ImportService>();
        services.AddScoped<ImportRunner>();
        if (configuration.GetValue("Import:Worker", true)) services.AddHostedService<ImportWorker>();
        return services;
    }
}
