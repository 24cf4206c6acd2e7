namespace Steward.Features.MyDay;

public static class MyDaySetup
{
    public static IServiceCollection AddMyDay(this IServiceCollection services) => services.AddScoped<MyDayQueries>();

    public static RouteGroupBuilder MapMyDayApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me/day", (MyDayQueries myDay, CancellationToken ct) => myDay.ForViewerAsync(ct))
            .WithTags("My day").WithSummary("Your day: tasks due and overdue, today's meetings, touches due by cadence.");
        return api;
    }
}
