using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Demo.Generator;
using Steward.Features.Import;
using Steward.Features.Portfolio;
using Steward.Tests.Import;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Demo;

public sealed class DataSetGeneratorTests : ApiTest
{
    protected override Action<IServiceCollection> ConfigureServices => services =>
        services.Configure<ImportOptions>(o => o.Directory = Path.Combine(Path.GetTempPath(), "steward-tests", "imports"));

    [Fact]
    public async Task Generated_accounts_have_groups_revenue_and_scores_and_the_revenue_file_imports_onto_them()
    {
        var set = await App.AsAsync(null, s => s.GetRequiredService<DataSetGenerator>().GenerateAsync(accounts: 120, months: 3));
        Assert.Equal((120, 24, 360L), (set.Accounts, set.Subsidiaries, set.RevenueLines));

        var facts = await App.AsAsync(null, async s =>
        {
            var db = s.GetRequiredService<StewardDbContext>();
            await s.GetRequiredService<ScoringService>().RecomputeAsync("test");
            return new
            {
                Accounts = await db.Accounts.CountAsync(),
                Owners = await db.Accounts.Select(a => a.Owner!.Email).Distinct().OrderBy(e => e).ToListAsync(),
                Parents = await db.Accounts.CountAsync(a => a.Subsidiaries.Any()),
                Months = await db.RevenueLines.Select(r => r.Period).Distinct().CountAsync(),
                Scored = await db.Set<AccountScore>().CountAsync(),
            };
        });
        Assert.Equal(120, facts.Accounts);
        // Spread over the account managers, never given to an admin or a manager.
        Assert.Contains(People.AmNorth, facts.Owners);
        Assert.Contains(People.AmSouth, facts.Owners);
        Assert.DoesNotContain(People.Admin, facts.Owners);
        Assert.DoesNotContain(People.ManagerNorth, facts.Owners);
        Assert.Equal(12, facts.Parents);
        Assert.Equal(3, facts.Months);
        Assert.Equal(120, facts.Scored);

        // A second run adds more, numbered on: names never collide.
        var more = await App.AsAsync(null, s => s.GetRequiredService<DataSetGenerator>().GenerateAsync(accounts: 10, months: 0));
        Assert.Equal(0, more.RevenueLines);

        // The file writer's names are the generator's: every row finds its account.
        var file = Path.Combine(Path.GetTempPath(), $"steward-generated-{Guid.NewGuid():N}.csv");
        await RevenueFileWriter.WriteAsync(file, accounts: 130, rows: 520, lastMonth: new DateOnly(2026, 10, 1));
        var admin = await As(People.Admin);
        var job = await ImportApiTests.RunAsync(admin, await ImportApiTests.UploadAsync(admin, file, ImportKind.Revenue));
        Assert.Equal((ImportStatus.Completed, 0, 520), (job.Status, job.Rejected, job.RowsRead));
        File.Delete(file);
    }
}
