using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Steward.Features.Accounts;
using Steward.Features.Users;

namespace Steward.Features.Portfolio;

/// <summary>
/// A counter that moves whenever something the portfolio summary is computed from changes:
/// accounts, their scores and teams, users' teams, the scoring settings. Cached summaries are
/// keyed by it, so a change is visible on the next read instead of when the cache expires.
/// </summary>
public sealed class PortfolioChanges
{
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    public void Changed() => Interlocked.Increment(ref _version);
}

/// <summary>Moves <see cref="PortfolioChanges"/> after every save that wrote what the summary reads.</summary>
public sealed class PortfolioChangeInterceptor(PortfolioChanges changes) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly Type[] Watched =
        [typeof(Account), typeof(AccountScore), typeof(AccountTeamMember), typeof(StewardUser), typeof(Team), typeof(PortfolioSettings), typeof(ScoringRun)];

    // Which contexts are saving a watched change. Noted before the save (afterwards deleted rows
    // are gone from the tracker) and announced after it, so no reader caches the old state under
    // the new version.
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    // Inside an explicit transaction the rows are not visible to others until it commits.
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) Announce(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) Announce(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Announce(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Announce(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Announce(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Announce(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null) return;
        var touched = context.ChangeTracker.Entries()
            .Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Watched.Any(t => t.IsInstanceOfType(e.Entity)));
        if (touched) _pending.AddOrUpdate(context, this);
    }

    // A failed save may have written part of its rows before the error; announcing it costs at most a cache miss.
    private void Announce(DbContext? context)
    {
        if (context is not null && _pending.Remove(context)) changes.Changed();
    }
}
