using MudBlazor.Services;
using Steward.Components.Account;

namespace Steward.Components;

public static class UiSetup
{
    public static IServiceCollection AddStewardUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(o => o.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);
        return services;
    }

    public static WebApplication MapStewardUi(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapIdentityEndpoints();
        return app;
    }
}
