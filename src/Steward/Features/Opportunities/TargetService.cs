using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steward.Data;
using Steward.Features.Retention;
using Steward.Infrastructure.Access;
using Steward.Infrastructure.Errors;

namespace Steward.Features.Opportunities;

public sealed record TargetDto(string UserId, string DisplayName, string? TeamName, string Period, decimal? Amount, string Currency, bool CanEdit, long? Version);

public sealed class TargetInput
{
    public string? UserId { get; set; }
    /// <summary>A quarter, "2026-Q4".</summary>
    public string? Period { get; set; }
    public decimal? Amount { get; set; }
}

/// <summary>
/// Targets per person and quarter, in the reporting currency. A manager sets them for the members
/// of the teams they manage, an admin for anyone; nobody sets their own.
/// </summary>
public sealed class TargetService(IDbContextFactory<StewardDbContext> dbFactory, PeopleScope scope, Viewer viewer, IOptions<RetentionOptions> options, TimeProvider clock)
{
    public async Task<IReadOnlyList<TargetDto>> ListAsync(string? period, CancellationToken ct = default)
    {
        var quarter = ForecastQueries.ParsePeriod(period, clock);
        var people = await scope.ResolveAsync(ct: ct);
        var ids = people.Select(p => p.UserId).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var currency = options.Value.ReportingCurrency;
        var targets = await db.Set<SalesTarget>().AsNoTracking()
            .Where(t => ids.Contains(t.UserId) && t.Year == quarter.Year && t.Quarter == quarter.Number && t.Currency == currency)
            .ToDictionaryAsync(t => t.UserId, ct);
        var managed = await ManagedAsync(db, ct);
        return people.Select(p => new TargetDto(p.UserId, p.DisplayName, p.TeamName, quarter.ToString(),
            targets.GetValueOrDefault(p.UserId)?.Amount, currency, CanSet(p.UserId, managed), targets.GetValueOrDefault(p.UserId)?.Version)).ToList();
    }

    public async Task<TargetDto> SetAsync(TargetInput input, CancellationToken ct = default)
    {
        var errors = new InputErrors();
        var userId = InputValidation.Clean(input.UserId);
        if (userId is null) errors.Add(nameof(TargetInput.UserId), "Choose whose target it is.");
        if (!Quarter.TryParse(input.Period, out var quarter)) errors.Add(nameof(TargetInput.Period), "Period must be a quarter like 2026-Q4.");
        if (input.Amount is not { } amount || amount < 0 || amount > 1_000_000_000_000m) errors.Add(nameof(TargetInput.Amount), "Amount must be zero or more.");
        errors.ThrowIfAny();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var person = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.IsActive).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(ct)
            ?? throw new InvalidInputException(nameof(TargetInput.UserId), "No active colleague has this id.");
        if (!CanSet(person.Id, await ManagedAsync(db, ct)))
        {
            throw new ForbiddenException(person.Id == viewer.UserId
                ? "Nobody sets their own target: your manager or an admin does."
                : "You can set targets for the members of the teams you manage.");
        }

        var currency = options.Value.ReportingCurrency;
        var (year, number) = (quarter!.Value.Year, quarter.Value.Number);
        var target = await db.Set<SalesTarget>().SingleOrDefaultAsync(t => t.UserId == person.Id && t.Year == year && t.Quarter == number, ct);
        if (target is null)
        {
            target = new SalesTarget { UserId = person.Id, Year = year, Quarter = number };
            db.Add(target);
        }
        target.Amount = input.Amount!.Value;
        target.Currency = currency;
        target.SetById = viewer.UserId;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConcurrencyConflictException("Someone else set this target at the same time. Reload and try again.");
        }
        return (await ListAsync(quarter.Value.ToString(), ct)).Single(t => t.UserId == person.Id);
    }

    /// <summary>The people whose team the viewer manages.</summary>
    private async Task<HashSet<string>> ManagedAsync(StewardDbContext db, CancellationToken ct)
    {
        var me = viewer.UserId;
        return (await db.Users.Where(u => u.Team != null && u.Team.ManagerId == me).Select(u => u.Id).ToListAsync(ct)).ToHashSet();
    }

    private bool CanSet(string userId, HashSet<string> managed) =>
        (viewer.SeesAll && !(viewer.UserId == userId && !viewer.IsSystem)) || (managed.Contains(userId) && userId != viewer.UserId);
}
