namespace Steward.Features.Calendar;

public static class CalendarSetup
{
    public static IServiceCollection AddCalendar(this IServiceCollection services)
    {
        services.AddScoped<CalendarQueries>();
        services.AddScoped<CalendarFeedService>();
        return services;
    }
}
