using Microsoft.AspNetCore.Identity;
using Steward.Features.Users;
using Steward.Infrastructure.Access;
using Steward.Infrastructure.Errors;

namespace Steward.Features.Calendar;

public static class CalendarApi
{
    public static RouteGroupBuilder MapCalendarApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/calendar").WithTags("Calendar");

        group.MapGet("/", (DateTime? from, DateTime? to, CalendarQueries calendar, Viewer viewer, TimeProvider clock, CancellationToken ct) =>
        {
            var start = from?.ToUniversalTime() ?? clock.GetUtcNow().UtcDateTime.Date;
            var end = to?.ToUniversalTime() ?? start.AddDays(7);
            if (end <= start || end - start > TimeSpan.FromDays(400)) throw new InvalidInputException("To", "'to' must be after 'from' and at most 400 days later.");
            return calendar.ForUserAsync(viewer.UserId!, start, end, ct: ct);
        }).WithSummary("Your meetings and tasks between from and to (default: the next 7 days).");

        group.MapGet("/feed", (CalendarFeedService feeds, CancellationToken ct) => feeds.StatusAsync(ct))
            .WithSummary("Whether you have a calendar feed link (never the secret).");

        group.MapPost("/feed", async (CalendarFeedService feeds, HttpRequest request, CancellationToken ct) =>
        {
            var link = await feeds.CreateAsync(ct);
            return TypedResults.Ok(link with { Path = $"{request.Scheme}://{request.Host}{link.Path}" });
        }).WithSummary("Create a new secret iCalendar feed URL (shown once); any earlier URL stops working.");

        group.MapDelete("/feed", async (CalendarFeedService feeds, CancellationToken ct) =>
        {
            await feeds.RevokeAsync(ct);
            return TypedResults.NoContent();
        }).WithSummary("Revoke your calendar feed URL.");

        // The calendar app has no cookie or token: the secret in the URL is the credential.
        group.MapGet("/feed/{secret}.ics", async (string secret, bool? tasksAsEvents, CalendarFeedService feeds, UserManager<StewardUser> users,
            IUserClaimsPrincipalFactory<StewardUser> principals, Viewer viewer, CalendarQueries calendar, TimeProvider clock, HttpRequest request, CancellationToken ct) =>
        {
            var userId = await feeds.ResolveAsync(secret, ct) ?? throw new NotFoundException("Calendar feed", "link");
            var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("Calendar feed", "link");
            viewer.Set(await principals.CreateAsync(user));
            var now = clock.GetUtcNow().UtcDateTime;
            var items = await calendar.ForUserAsync(userId, now - ICalendarFeed.Past, now + ICalendarFeed.Ahead, ct: ct);
            var ics = ICalendarFeed.Write(user.DisplayName, items, now, $"{request.Scheme}://{request.Host}", tasksAsEvents == true);
            request.HttpContext.Response.Headers.CacheControl = "private, max-age=300";
            return Results.Text(ics, "text/calendar; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        return api;
    }
}
