using Scalar.AspNetCore;
using Steward.Components;
using Steward.Data;
using Steward.Features;
using Steward.Infrastructure;
using Steward.Infrastructure.Auth;
using Steward.Infrastructure.Cli;

return await AdminCommands.Create(args, RunServerAsync, () => Program.BuildApp([])).Parse(args).InvokeAsync();

static async Task<int> RunServerAsync(string[] args)
{
    await using var app = Program.BuildApp(args);
    await app.RunAsync();
    return 0;
}

public partial class Program
{
    /// <summary>The whole application: services, then the request pipeline, then the endpoints.</summary>
    public static WebApplication BuildApp(string[] args)
    {
        var app = CreateBuilder(args).Build();

        app.UseStewardPipeline();
        app.MapStewardHealthChecks();
        app.MapOpenApi();
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("Steward API"));
        app.MapStewardApi();
        app.MapStewardUi();
        return app;
    }

    /// <summary>The services alone (benchmarks and tools use them without the web pipeline).</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services
            .AddStewardInfrastructure(builder.Configuration)
            .AddStewardDatabase(builder.Configuration, builder.Environment)
            .AddStewardAuth()
            .AddStewardFeatures(builder.Configuration)
            .AddStewardUi();
        return builder;
    }
}
