using Steward.Features.Accounts;
using Steward.Features.ApiTokens;
using Steward.Features.Cadence;
using Steward.Features.Calendar;
using Steward.Features.Contacts;
using Steward.Features.Demo;
using Steward.Features.Import;
using Steward.Features.Interactions;
using Steward.Features.MyDay;
using Steward.Features.Notifications;
using Steward.Features.Plans;
using Steward.Features.Portfolio;
using Steward.Features.Relationships;
using Steward.Features.Retention;
using Steward.Features.Revenue;
using Steward.Features.Tasks;
using Steward.Features.Users;
using Steward.Infrastructure.Access;
using Steward.Infrastructure.Auth;

namespace Steward.Features;

/// <summary>Each feature's services and API routes, in one list.</summary>
public static class FeatureSetup
{
    public static IServiceCollection AddStewardFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DemoOptions>(configuration.GetSection("Demo"));
        services.AddScoped<AccessRules>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<Steward.Features.Demo.Generator.DataSetGenerator>();
        services.AddScoped<AccountQueries>();
        services.AddScoped<AccountService>();
        services.AddScoped<AccountTeamService>();
        services.AddScoped<ContactQueries>();
        services.AddScoped<ContactService>();
        services.AddScoped<RevenueQueries>();
        services.AddTasks();
        services.AddInteractions();
        services.AddCadence();
        services.AddCalendar();
        services.AddMyDay();
        services.AddScoped<NotificationService>();
        services.AddPortfolio();
        services.AddImport(configuration);
        services.AddRelationships();
        services.AddRetention(configuration);
        services.AddPlansAndPlaybooks();
        return services;
    }

    public static IEndpointRouteBuilder MapStewardApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(AuthSetup.ApiScheme).RequireAuthenticatedUser())
            .DisableAntiforgery();

        api.MapAccountsApi();
        api.MapContactsApi();
        api.MapUsersApi();
        api.MapApiTokensApi();
        api.MapPortfolioApi();
        api.MapImportApi();
        api.MapRelationshipsApi();
        api.MapInteractionsApi();
        api.MapTasksApi();
        api.MapCadenceApi();
        api.MapCalendarApi();
        api.MapMyDayApi();
        api.MapRetentionApi();
        api.MapPlansAndPlaybooksApi();
        return endpoints;
    }
}
