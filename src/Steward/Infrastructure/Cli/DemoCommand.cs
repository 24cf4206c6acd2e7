using System.CommandLine;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Demo;
using Steward.Features.Demo.Generator;
using Steward.Features.Portfolio;

namespace Steward.Infrastructure.Cli;

/// <summary><c>steward demo generate</c>: large data sets for load tests, benchmarks and trial imports.</summary>
internal static class DemoCommand
{
    public static Command Create(Func<WebApplication> buildApp)
    {
        var accounts = new Option<int>("--accounts") { Description = "How many accounts to add to the database (0 to only write a file).", DefaultValueFactory = _ => 1_000 };
        var months = new Option<int>("--months") { Description = "Months of revenue per account, ending last month.", DefaultValueFactory = _ => 24 };
        var revenueFile = new Option<FileInfo?>("--revenue-file") { Description = "Also write a revenue CSV export for the generated account names (for the importer)." };
        var rows = new Option<long>("--rows") { Description = "Rows in --revenue-file.", DefaultValueFactory = _ => 1_000_000 };
        var fileAccounts = new Option<int?>("--file-accounts") { Description = "How many account names the file cycles over (default: --accounts)." };

        var generate = new Command("generate", "Add generated accounts with revenue (and, with --revenue-file, write a revenue export), then rescore.") { accounts, months, revenueFile, rows, fileAccounts };
        generate.Validators.Add(result =>
        {
            if (result.GetValue(accounts) < 0) result.AddError("--accounts must be 0 or more.");
            if (result.GetValue(months) is < 0 or > 240) result.AddError("--months must be between 0 and 240.");
            if (result.GetValue(rows) < 1) result.AddError("--rows must be at least 1.");
            if (result.GetValue(accounts) == 0 && result.GetValue(revenueFile) is null) result.AddError("Nothing to do: give --accounts above 0 or a --revenue-file.");
        });
        generate.SetAction((result, ct) => AdminCommands.Run(buildApp, async services =>
        {
            var count = result.GetValue(accounts);
            var watch = Stopwatch.StartNew();
            if (count > 0)
            {
                var db = services.GetRequiredService<StewardDbContext>();
                if (!await db.Users.AnyAsync(ct))
                {
                    // A fresh database: the demo people own the accounts.
                    await services.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(new DemoOptions { Seed = true, Accounts = 0 }, ct);
                }
                var set = await services.GetRequiredService<DataSetGenerator>().GenerateAsync(count, result.GetValue(months), ct);
                Console.WriteLine($"Added {set.Accounts:N0} accounts ({set.Subsidiaries:N0} of them subsidiaries) and {set.RevenueLines:N0} revenue lines in {watch.Elapsed.TotalSeconds:N1} s.");
                var run = await services.GetRequiredService<ScoringService>().RecomputeAsync("generate", ct: ct);
                Console.WriteLine($"Scored {run.Accounts:N0} accounts in {(run.FinishedAt - run.StartedAt).TotalSeconds:N1} s.");
            }
            if (result.GetValue(revenueFile) is { } file)
            {
                watch.Restart();
                var clock = services.GetRequiredService<TimeProvider>().GetUtcNow();
                var names = result.GetValue(fileAccounts) ?? Math.Max(count, 1);
                var written = await RevenueFileWriter.WriteAsync(file.FullName, names, result.GetValue(rows), new DateOnly(clock.Year, clock.Month, 1).AddMonths(-1), ct);
                Console.WriteLine($"Wrote {written:N0} revenue rows over {names:N0} accounts to {file.FullName} in {watch.Elapsed.TotalSeconds:N1} s.");
            }
        }));
        return new Command("demo", "Demo and load-test data.") { generate };
    }
}
