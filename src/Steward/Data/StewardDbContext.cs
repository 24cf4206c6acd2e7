using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Steward.Features.Accounts;
using Steward.Features.ApiTokens;
using Steward.Features.Contacts;
using Steward.Features.Revenue;
using Steward.Features.Users;
using Steward.Infrastructure.Access;

namespace Steward.Data;

/// <summary>
/// The one database. Provider-specific subclasses (<see cref="SqliteStewardDbContext"/>,
/// <see cref="PostgresStewardDbContext"/>) only exist so each provider keeps its own migrations.
/// Record-level access lives here, as query filters, so no query can forget it.
/// </summary>
public abstract class StewardDbContext(DbContextOptions options, Viewer viewer, TimeProvider clock)
    : IdentityDbContext<StewardUser>(options), IDataProtectionKeyContext
{
    /// <summary>Cookie and antiforgery keys, shared by every app node so sign-ins survive restarts and load balancing.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Team> Teams => Set<Team>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<AccountTeamMember> AccountTeamMembers => Set<AccountTeamMember>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<RevenueLine> RevenueLines => Set<RevenueLine>();

    public Viewer Viewer => viewer;

    // Read by the query filters at query time (EF parameterises members of the context).
    private bool ViewerSeesAll => _viewingAs?.SeesAll ?? viewer.SeesAll;
    private string? ViewerId => _viewingAs is { } other ? other.UserId : viewer.UserId;

    private (string UserId, bool SeesAll)? _viewingAs;

    /// <summary>
    /// Applies the access filters as if <paramref name="userId"/> were looking, until disposed:
    /// "could this colleague see the account?" answered by the very rule that guards every query,
    /// not a copy of it.
    /// </summary>
    public IDisposable ViewAs(string userId, bool seesAll)
    {
        var before = _viewingAs;
        _viewingAs = (userId, seesAll);
        return new Restore(() => _viewingAs = before);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        configurationBuilder.Properties<AccountTier>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<AccountStatus>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<AccountTeamRole>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(StewardDbContext).Assembly, t => t.Namespace?.StartsWith("Steward.Features", StringComparison.Ordinal) == true);

        // An account is visible to admins and system work, to its owner, to its account team,
        // and to the manager of any team whose member owns or serves on it.
        // Written as IN over uncorrelated subqueries (the viewer's team members; the accounts they
        // or their team serve on) rather than correlated EXISTS per account: the database builds
        // each set once and hashes it, so a list over 100,000 accounts costs what the admin's does.
        builder.Entity<Account>().HasQueryFilter(a =>
            ViewerSeesAll
            || (ViewerId != null
                && (a.OwnerId == ViewerId
                    || Users.Where(u => u.Team != null && u.Team.ManagerId == ViewerId).Select(u => u.Id).Contains(a.OwnerId)
                    || Set<AccountTeamMember>()
                        .Where(m => m.UserId == ViewerId || Users.Where(u => u.Team != null && u.Team.ManagerId == ViewerId).Select(u => u.Id).Contains(m.UserId))
                        .Select(m => m.AccountId).Contains(a.Id))));

        // Everything that belongs to an account is visible exactly when its account is. The
        // account team is the exception: the account filter reads it, so filtering it by account
        // would be circular; AccountTeamService reaches it only through a visible account.
        // Named, so a query that already joins the filtered Accounts can skip the second check
        // (IgnoreQueryFilters([AccountOwnedFilterKey]) leaves the account filter itself in place).
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IAccountOwned).IsAssignableFrom(e.ClrType) && e.BaseType is null).ToList())
        {
            builder.Entity(entity.ClrType).HasQueryFilter(AccountOwnedFilterKey, AccountOwnedFilter(entity.ClrType));
        }
    }

    /// <summary>The name of the filter that hides rows of accounts the viewer cannot see.</summary>
    public const string AccountOwnedFilterKey = "AccountOwned";

    /// <summary>Builds <c>x => Accounts.Any(a => a.Id == x.AccountId)</c> for one entity type.</summary>
    private LambdaExpression AccountOwnedFilter(Type type)
    {
        var row = Expression.Parameter(type, "x");
        var account = Expression.Parameter(typeof(Account), "a");
        var sameAccount = Expression.Lambda<Func<Account, bool>>(
            Expression.Equal(Expression.Property(account, nameof(Account.Id)), Expression.Property(row, nameof(IAccountOwned.AccountId))), account);
        var accounts = Expression.Property(Expression.Constant(this), nameof(Accounts));
        var any = Expression.Call(typeof(Queryable), nameof(Queryable.Any), [typeof(Account)], accounts, Expression.Quote(sameAccount));
        return Expression.Lambda(any, row);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampTrackedEntities();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampTrackedEntities();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void StampTrackedEntities()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in ChangeTracker.Entries<TrackedEntity>())
        {
            if (entry.State == EntityState.Added)
            {
                entry.Entity.CreatedAt = now;
                entry.Entity.UpdatedAt = now;
                entry.Entity.Version = 1;
            }
            else if (entry.State == EntityState.Modified)
            {
                entry.Entity.UpdatedAt = now;
                // The original value stays in the WHERE clause, so a concurrent writer fails.
                entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
            }
        }
    }
}
