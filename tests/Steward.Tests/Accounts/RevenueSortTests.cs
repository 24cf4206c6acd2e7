using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Accounts;
using Steward.Features.Portfolio;
using Steward.Features.Revenue;
using Steward.Infrastructure.Http;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Accounts;

public sealed class RevenueSortTests : ApiTest
{
    [Fact]
    public async Task The_accounts_list_sorts_by_twelve_month_revenue_as_last_scored()
    {
        var am = await As(People.AmNorth);
        var small = await CreateAccountAsync(am, "Small Co");
        var large = await CreateAccountAsync(am, "Large Co");
        var none = await CreateAccountAsync(am, "Nothing Yet Co");
        var lastMonth = new DateOnly(StewardApp.Now.Year, StewardApp.Now.Month, 1).AddMonths(-1);
        await App.AsAsync(null, async s =>
        {
            var db = s.GetRequiredService<StewardDbContext>();
            db.RevenueLines.AddRange(
                new RevenueLine { AccountId = small.Id, Period = lastMonth, Amount = 1_000m },
                new RevenueLine { AccountId = large.Id, Period = lastMonth, Amount = 90_000m },
                // Outside the trailing twelve months: does not count.
                new RevenueLine { AccountId = small.Id, Period = lastMonth.AddMonths(-13), Amount = 500_000m });
            await db.SaveChangesAsync();
            return await s.GetRequiredService<ScoringService>().RecomputeAsync("test");
        });

        var descending = await ReadAsync<Page<AccountListItem>>(await am.GetAsync("/api/v1/accounts?sort=-revenue"));
        Assert.Equal(["Large Co", "Small Co", "Nothing Yet Co"], descending.Items.Select(a => a.Name));
        Assert.Equal([90_000m, 1_000m, 0m], descending.Items.Select(a => a.Revenue12Months));
        var ascending = await ReadAsync<Page<AccountListItem>>(await am.GetAsync("/api/v1/accounts?sort=revenue"));
        Assert.Equal(["Nothing Yet Co", "Small Co", "Large Co"], ascending.Items.Select(a => a.Name));
        Assert.Equal(none.Id, ascending.Items[0].Id);
    }
}
