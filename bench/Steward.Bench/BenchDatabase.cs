using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Accounts;
using Steward.Features.Demo;
using Steward.Features.Revenue;
using Steward.Infrastructure.Access;

namespace Steward.Bench;

/// <summary>
/// A SQLite database with the demo people and <paramref name="accounts"/> accounts spread over
/// them, built once per benchmark class (the file is reused between runs with the same size).
/// </summary>
public static class BenchDatabase
{
    public static async Task<WebApplication> OpenAsync(int accounts, int accountsWithRevenue)
    {
        var path = Path.Combine(Path.GetTempPath(), $"steward-bench-{accounts}-{accountsWithRevenue}.db");
        var app = Program.CreateBuilder(["--Database:Provider=Sqlite", $"--ConnectionStrings:Steward=Data Source={path}", "--Logging:LogLevel:Default=Warning"]).Build();
        await DatabaseSetup.MigrateAsync(app.Services);

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Viewer>().SetSystem();
        var db = scope.ServiceProvider.GetRequiredService<StewardDbContext>();
        if (await db.Accounts.AnyAsync()) return app;

        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(new DemoOptions { Seed = true, Accounts = 0 });
        var owners = await db.Users.Select(u => u.Id).ToArrayAsync();
        var random = new Random(42);
        var sectors = new[] { "Retail", "Energy", "Healthcare", "Logistics", "Technology", "Manufacturing" };
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var batch = 0; batch < accounts; batch += 5000)
        {
            var rows = Enumerable.Range(batch, Math.Min(5000, accounts - batch)).Select(i =>
            {
                var name = $"Account {i:D6} {sectors[i % sectors.Length]}";
                var account = new Account { Name = name, NormalizedName = Account.Normalize(name), Sector = sectors[i % sectors.Length], Country = "Germany", OwnerId = owners[random.Next(owners.Length)], Tier = (AccountTier)(i % 4) };
                if (i < accountsWithRevenue)
                {
                    for (var m = 0; m < 24; m++)
                    {
                        account.RevenueLines.Add(new RevenueLine { Period = new DateOnly(2024, 11, 1).AddMonths(m), Amount = random.Next(1_000, 90_000), Currency = "EUR" });
                    }
                }
                return account;
            }).ToList();
            db.Accounts.AddRange(rows);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        return app;
    }
}
