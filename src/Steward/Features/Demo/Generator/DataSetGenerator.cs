using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Accounts;
using Steward.Features.Revenue;
using Steward.Features.Users;

namespace Steward.Features.Demo.Generator;

/// <summary>What <see cref="DataSetGenerator"/> added.</summary>
public sealed record GeneratedDataSet(int Accounts, int Subsidiaries, long RevenueLines);

/// <summary>
/// Large data sets for load tests and benchmarks (<c>steward demo generate --accounts N</c>):
/// accounts spread over the account managers, one in ten a subsidiary of the one before its
/// group, scoring inputs, and <c>months</c> of revenue each. Written with the bulk writer in one
/// transaction per batch, so 100,000 accounts take seconds and memory stays flat.
/// </summary>
public sealed class DataSetGenerator(StewardDbContext db, TimeProvider clock, ILogger<DataSetGenerator> logger)
{
    private const int Batch = 5_000;

    private static readonly string[] AccountColumns =
    [
        nameof(Account.Name), nameof(Account.NormalizedName), nameof(Account.ExternalId), nameof(Account.Sector), nameof(Account.Country), nameof(Account.Region),
        nameof(Account.Employees), nameof(Account.Currency), nameof(Account.OwnerId), nameof(Account.Tier), nameof(Account.Status), nameof(Account.CustomerSince),
        nameof(Account.EstimatedWallet), nameof(Account.StrategicFit), nameof(Account.Replaceability), nameof(Account.RelationshipStrength),
        nameof(Account.Version), nameof(Account.CreatedAt), nameof(Account.UpdatedAt),
    ];

    private static readonly string[] RevenueColumns =
    [
        nameof(RevenueLine.AccountId), nameof(RevenueLine.Period), nameof(RevenueLine.Amount), nameof(RevenueLine.Currency),
        nameof(RevenueLine.Product), nameof(RevenueLine.ProductKey), nameof(RevenueLine.Margin),
    ];

    /// <param name="accounts">How many accounts to add (numbered after any generated before).</param>
    /// <param name="months">Months of revenue per account, ending last month.</param>
    public async Task<GeneratedDataSet> GenerateAsync(int accounts, int months, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(accounts, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        var owners = await db.Users.Where(u => u.IsActive && db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(role => role.Id == r.RoleId && role.Name == Roles.AccountManager)))
            .OrderBy(u => u.Email).Select(u => u.Id).ToArrayAsync(ct);
        if (owners.Length == 0) throw new InvalidOperationException("There is no active account manager to own the accounts: create users first (or start once with demo seeding on).");

        var first = await db.Accounts.IgnoreQueryFilters().CountAsync(a => a.ExternalId != null && a.ExternalId.StartsWith("GEN-"), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var lastMonth = new DateOnly(now.Year, now.Month, 1).AddMonths(-1);
        var accountTable = BulkTable.For<Account>(db, AccountColumns);
        var revenueTable = BulkTable.For<RevenueLine>(db, RevenueColumns);
        var random = new Random(20_261_125 + first);
        long revenueLines = 0;
        var subsidiaries = 0;

        for (var start = first; start < first + accounts; start += Batch)
        {
            var end = Math.Min(start + Batch, first + accounts);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await BulkWriter.InsertAsync(db, accountTable, Enumerable.Range(start, end - start).Select(i => AccountRow(i, owners, random, now)), ct);
            var ids = await db.Accounts.IgnoreQueryFilters().Where(a => a.ExternalId != null && a.ExternalId.StartsWith("GEN-"))
                .OrderBy(a => a.Id).Skip(start).Take(end - start).Select(a => a.Id).ToListAsync(ct);
            subsidiaries += await LinkSubsidiariesAsync(ids, start, ct);
            revenueLines += await BulkWriter.InsertAsync(db, revenueTable, ids.SelectMany((id, n) => RevenueRows(id, start + n, months, lastMonth, random)), ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Generated {Done:N0} of {Total:N0} accounts.", end - first, accounts);
        }
        return new GeneratedDataSet(accounts, subsidiaries, revenueLines);
    }

    private static object?[] AccountRow(int i, string[] owners, Random random, DateTime now)
    {
        var name = GeneratedNames.Account(i);
        var place = GeneratedNames.Places[i % GeneratedNames.Places.Length];
        // A realistic spread: few key accounts, most standard; size drives the wallet.
        var size = Math.Pow(random.NextDouble(), 3);
        var tier = size > 0.6 ? AccountTier.Key : size > 0.25 ? AccountTier.Growth : AccountTier.Standard;
        return
        [
            name, Account.Normalize(name), $"GEN-{i:D7}", GeneratedNames.Sector(i), place.Country, place.Region,
            50 + (int)(size * 50_000), "EUR", owners[i % owners.Length], tier, AccountStatus.Active, new DateOnly(2015, 1, 1).AddDays(i % 3_000),
            Math.Round((decimal)(size * 40_000_000) + 100_000m, 0), 1 + random.Next(5), 1 + random.Next(5), 1 + random.Next(5),
            1L, now, now,
        ];
    }

    /// <summary>In each group of ten, accounts 8 and 9 become subsidiaries of account 7: parents with roll-ups.</summary>
    private async Task<int> LinkSubsidiariesAsync(List<int> ids, int start, CancellationToken ct)
    {
        var linked = 0;
        for (var n = 0; n < ids.Count; n++)
        {
            var index = start + n;
            if (index % 10 is not (8 or 9) || n - (index % 10 - 7) < 0) continue;
            var parent = ids[n - (index % 10 - 7)];
            linked += await db.Accounts.IgnoreQueryFilters().Where(a => a.Id == ids[n]).ExecuteUpdateAsync(s => s.SetProperty(a => a.ParentId, parent), ct);
        }
        return linked;
    }

    private static IEnumerable<object?[]> RevenueRows(int accountId, int index, int months, DateOnly lastMonth, Random random)
    {
        // Each account has its own level and trend, so growth and rank differ across the portfolio.
        var level = 2_000m + (decimal)Math.Pow(random.NextDouble(), 2) * 400_000m;
        var trend = (decimal)(random.NextDouble() * 0.06 - 0.02);
        var product = index % 3 == 0 ? "Consulting" : "Corporate travel";
        for (var m = months - 1; m >= 0; m--)
        {
            var amount = Math.Round(level * (1 + trend * (months - m)) * (0.85m + (decimal)random.NextDouble() * 0.3m), 2);
            yield return [accountId, lastMonth.AddMonths(-m), Math.Max(amount, 0m), "EUR", product, RevenueLine.KeyOf(product), Math.Round(0.1m + (decimal)random.NextDouble() * 0.3m, 2)];
        }
    }
}
