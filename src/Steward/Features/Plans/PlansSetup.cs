using Steward.Features.Approvals;

namespace Steward.Features.Plans;

/// <summary>Account plans, playbooks and the approvals inbox, which share the approver routing.</summary>
public static class PlansSetup
{
    public static IServiceCollection AddPlansAndPlaybooks(this IServiceCollection services)
    {
        services.AddScoped<ApproverRouting>();
        services.AddScoped<PlanQueries>();
        services.AddScoped<PlanService>();
        services.AddScoped<Playbooks.PlaybookTemplates>();
        services.AddScoped<Playbooks.PlaybookRunQueries>();
        services.AddScoped<Playbooks.PlaybookRunService>();
        services.AddScoped<ApprovalsQueries>();
        return services;
    }

    public static RouteGroupBuilder MapPlansAndPlaybooksApi(this RouteGroupBuilder api)
    {
        api.MapPlansApi();
        Playbooks.PlaybooksApi.MapPlaybooksApi(api);
        api.MapApprovalsApi();
        return api;
    }
}
