using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.Accounts;
using Steward.Features.Import;
using Steward.Features.Revenue;
using Steward.Infrastructure.Http;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Import;

public sealed class ImportApiTests : ApiTest
{
    protected override Action<IServiceCollection> ConfigureServices => services =>
        services.Configure<ImportOptions>(o =>
        {
            o.Directory = Path.Combine(Path.GetTempPath(), "steward-tests", "imports");
            o.RevenueBatchSize = 1000;
            o.RecordBatchSize = 50;
        });

    internal static async Task<ImportJobDto> UploadAsync(HttpClient client, string path, ImportKind kind, string? fileName = null)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StreamContent(File.OpenRead(path)), "file", fileName ?? Path.GetFileName(path));
        form.Add(new StringContent(kind.ToString()), "kind");
        return await ReadAsync<ImportJobDto>(await client.PostAsync("/api/v1/imports", form), HttpStatusCode.Created);
    }

    internal static async Task<ImportJobDto> RunAsync(HttpClient client, ImportJobDto job, ImportMapping? mapping = null)
    {
        await ReadAsync<ImportJobDto>(await client.PutAsJsonAsync($"/api/v1/imports/{job.Id}/mapping", mapping ?? job.Mapping, Json));
        return await StartAndWaitAsync(client, job);
    }

    internal static async Task<ImportJobDto> StartAndWaitAsync(HttpClient client, ImportJobDto job)
    {
        await ReadAsync<ImportJobDto>(await client.PostAsync($"/api/v1/imports/{job.Id}/start", null));
        for (var i = 0; i < 600; i++)
        {
            var current = await ReadAsync<ImportJobDto>(await client.GetAsync($"/api/v1/imports/{job.Id}"));
            if (current.IsFinished) return current;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Import {job.Id} did not finish.");
    }

    private static string WriteFile(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), "steward-tests", $"upload-{Guid.NewGuid():N}.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task A_salesforce_export_imports_with_parents_listed_after_children_and_a_second_run_changes_nothing()
    {
        var admin = await As(People.Admin);
        var path = CsvSourceTests.Sample("salesforce-accounts.csv");
        var first = await RunAsync(admin, await UploadAsync(admin, path, ImportKind.Accounts));

        Assert.Equal(ImportStatus.Completed, first.Status);
        Assert.Equal(0, first.Rejected);
        var distinct = Steward.Features.Import.Parsing.CsvSource.Rows(path, Steward.Features.Import.Parsing.CsvSource.Detect(path)).Skip(1).Select(r => r.Cells[0]).Distinct().Count();
        Assert.Equal(distinct, first.Created);
        Assert.Equal(distinct, first.RowsRead - first.Unchanged);
        Assert.True(first.Warnings > 0, "unknown owners and corrected sectors are reported");

        var accounts = await App.AsAsync(null, s => s.GetRequiredService<StewardDbContext>().Accounts.AsNoTracking().ToListAsync());
        var redwood = accounts.Single(a => a.ExternalId == "001Yg1wJFPR68egiHS");
        var parent = accounts.Single(a => a.ExternalId == "001EHHkub8v49kMo2W");
        Assert.Equal(parent.Id, redwood.ParentId);                         // the parent comes later in the file
        Assert.Equal(19_680_000m, redwood.AnnualRevenue);
        Assert.Equal(AccountStatus.Active, redwood.Status);                // "Customer - Direct"
        Assert.Equal(new DateOnly(2016, 11, 10), redwood.CustomerSince);   // 11/10/2016, US style
        Assert.Equal(14_640_000_000m, accounts.Single(a => a.ExternalId == "001Z421RwMsidRxxia").AnnualRevenue);
        Assert.DoesNotContain(accounts, a => a.Sector is { } s && s.Any(char.IsDigit));        // "aut0motive" → Automotive
        Assert.All(accounts, a => Assert.Equal(await_(App.UserIdAsync(People.Admin)), a.OwnerId)); // owners are not Steward users

        var again = await RunAsync(admin, await UploadAsync(admin, path, ImportKind.Accounts));
        Assert.Equal((0, 0, first.Created), (again.Created, again.Updated, again.Unchanged));
        Assert.Equal(accounts.Count, await App.AsAsync(null, s => s.GetRequiredService<StewardDbContext>().Accounts.CountAsync()));

        static string await_(Task<string> t) => t.GetAwaiter().GetResult();
    }

    [Fact]
    public async Task Monthly_revenue_from_a_german_excel_file_adds_up_per_account_and_product_and_is_idempotent()
    {
        var admin = await As(People.Admin);
        await RunAsync(admin, await UploadAsync(admin, CsvSourceTests.Sample("salesforce-accounts.csv"), ImportKind.Accounts));
        var revenueFile = CsvSourceTests.Sample("revenue-monthly-excel-eu.csv");
        var job = await UploadAsync(admin, revenueFile, ImportKind.Revenue);
        Assert.Equal(';', job.Separator);
        Assert.Equal(["AccountName", "Amount", "Currency", "Margin", "Period", "Product"], job.Mapping.Columns.Keys.Order());

        var done = await RunAsync(admin, job);
        Assert.Equal(ImportStatus.Completed, done.Status);
        Assert.Equal(7200, done.RowsRead);

        // The same sums by hand, straight from the file.
        var expected = File.ReadLines(revenueFile).Skip(1).Select(l => l.Split(';'))
            .Where(c => c[0].Length > 0)
            .GroupBy(c => c[0])
            .ToDictionary(g => g.Key, g => g.Sum(c => decimal.Parse(c[3].Replace(".", "", StringComparison.Ordinal).Replace(',', '.'), CultureInfo.InvariantCulture)));
        var imported = await App.AsAsync(null, s => s.GetRequiredService<StewardDbContext>().RevenueLines.AsNoTracking()
            .Select(r => new { r.Account!.Name, r.Amount, r.ProductKey, r.Period }).ToListAsync());
        var known = expected.Keys.Where(name => imported.Any(i => i.Name == name)).ToList();
        Assert.True(known.Count > 100, $"{known.Count} accounts matched by name");
        foreach (var name in known)
        {
            Assert.Equal(expected[name], imported.Where(i => i.Name == name).Sum(i => i.Amount), 2);
        }
        // "Managed  Travel" and "Managed Travel" are one product.
        Assert.DoesNotContain(imported, i => i.ProductKey.Contains("  ", StringComparison.Ordinal));
        Assert.Equal(imported.Count, imported.Select(i => (i.Name, i.Period, i.ProductKey)).Distinct().Count());
        Assert.Equal(done.Created, imported.Count);
        // Rows for accounts that are not in Steward are rejected and named.
        Assert.Equal(7200 - File.ReadLines(revenueFile).Skip(1).Count(l => known.Contains(l.Split(';')[0])), done.Rejected);

        var again = await RunAsync(admin, await UploadAsync(admin, revenueFile, ImportKind.Revenue));
        Assert.Equal((0, 0, done.Created), (again.Created, again.Updated, again.Unchanged));
    }

    [Fact]
    public async Task Bad_rows_are_named_by_line_and_column_rejected_whole_and_the_rest_imported()
    {
        var am = await As(People.AmNorth);
        await CreateAccountAsync(am, "Nordlicht GmbH");
        var path = WriteFile("""
            Kunde;Monat;Produkt;Umsatz;Marge %
            Nordlicht GmbH;01.2026;Consulting;1.000,50;20
            Nordlicht GmbH;13.2026;Consulting;500;20
            Nordlicht GmbH;02.2026;Consulting;lots;20
            Unknown AG;02.2026;Consulting;100;20
            Nordlicht GmbH;03.2026;;2.000,00;
            """);
        var job = await UploadAsync(am, path, ImportKind.Revenue);

        var preview = await ReadAsync<ImportPreview>(await am.GetAsync($"/api/v1/imports/{job.Id}/preview"));
        Assert.Equal(3, preview.WouldReject);
        var problems = preview.Rows.SelectMany(r => r.Problems).ToList();
        Assert.Contains(problems, p => p is { Line: 3, Column: "Monat" } && p.Message.Contains("13.2026", StringComparison.Ordinal));
        Assert.Contains(problems, p => p is { Line: 4, Column: "Umsatz" } && p.Message.Contains("lots", StringComparison.Ordinal));
        Assert.Contains(problems, p => p is { Line: 5, Column: "Kunde" } && p.Message.Contains("Unknown AG", StringComparison.Ordinal));
        Assert.Equal(0, await App.AsAsync(null, s => s.GetRequiredService<StewardDbContext>().RevenueLines.CountAsync())); // a preview writes nothing

        var done = await RunAsync(am, job);
        Assert.Equal((2, 3), (done.Created, done.Rejected));
        var csv = await am.GetStringAsync($"/api/v1/imports/{job.Id}/problems.csv");
        Assert.StartsWith("line,column,severity,problem,value", csv, StringComparison.Ordinal);
        Assert.Contains("4,\"Umsatz\",Error,", csv, StringComparison.Ordinal);
        var lines = await App.AsAsync(null, s => s.GetRequiredService<StewardDbContext>().RevenueLines.OrderBy(r => r.Period).ToListAsync());
        Assert.Equal([1000.50m, 2000m], lines.Select(l => l.Amount));
        Assert.Equal(0.2m, lines[0].Margin);
    }

    [Fact]
    public async Task A_month_split_across_batches_adds_up_and_counts_once()
    {
        var am = await As(People.AmNorth);
        await CreateAccountAsync(am, "Nordlicht GmbH");
        // Batches hold 1000 rows here: the first and the last row fall into different batches.
        static string File(decimal last) => "Account,Month,Product,Amount,Margin\n"
            + "Nordlicht GmbH,2026-01,Consulting,100,20\n"
            + string.Concat(Enumerable.Range(1, 1000).Select(i => $"Nordlicht GmbH,2026-02,Product {i},1,10\n"))
            + $"Nordlicht GmbH,2026-01,consulting,{last.ToString(CultureInfo.InvariantCulture)},10\n";
        var path = WriteFile(File(50));

        var first = await RunAsync(am, await UploadAsync(am, path, ImportKind.Revenue));
        Assert.Equal((1001, 0, 0, 0), (first.Created, first.Updated, first.Unchanged, first.Rejected));
        var consulting = await ConsultingAsync();
        Assert.Equal(150m, consulting.Amount);
        Assert.Equal(0.1667m, consulting.Margin);     // (100 × 20% + 50 × 10%) / 150

        // Again: the first batch briefly writes 100 over 150, the second puts the 50 back. Net: nothing changed.
        var again = await RunAsync(am, await UploadAsync(am, path, ImportKind.Revenue));
        Assert.Equal((0, 0, 1001), (again.Created, again.Updated, again.Unchanged));
        Assert.Equal(150m, (await ConsultingAsync()).Amount);

        // A corrected last row changes that one line, and the total is the file's, not added to the old one.
        var corrected = await RunAsync(am, await UploadAsync(am, WriteFile(File(60)), ImportKind.Revenue));
        Assert.Equal((0, 1, 1000), (corrected.Created, corrected.Updated, corrected.Unchanged));
        Assert.Equal(160m, (await ConsultingAsync()).Amount);
        Assert.Equal(1001, await App.AsAsync(null, s => s.GetRequiredService<StewardDbContext>().RevenueLines.CountAsync()));
        Assert.Equal(0, await App.AsAsync(null, s => s.GetRequiredService<StewardDbContext>().Set<RevenueLineBefore>().CountAsync()));

        Task<RevenueLine> ConsultingAsync() =>
            App.AsAsync(null, s => s.GetRequiredService<StewardDbContext>().RevenueLines.AsNoTracking().SingleAsync(r => r.ProductKey == "consulting"));
    }

    [Fact]
    public async Task Rows_for_accounts_the_importer_cannot_see_are_rejected()
    {
        await CreateAccountAsync(await As(People.AmSouth), "Southern Secret Ltd");
        var am = await As(People.AmNorth);
        var path = WriteFile("Account,Month,Amount\nSouthern Secret Ltd,2026-01,1000\n");
        var done = await RunAsync(am, await UploadAsync(am, path, ImportKind.Revenue));
        Assert.Equal(1, done.Rejected);
        Assert.Equal(0, await App.AsAsync(null, s => s.GetRequiredService<StewardDbContext>().RevenueLines.CountAsync()));
        // And another person's import is invisible.
        Assert.Equal(HttpStatusCode.NotFound, (await (await As(People.AmSouth)).GetAsync($"/api/v1/imports/{done.Id}")).StatusCode);
    }

    [Fact]
    public async Task Mapping_errors_name_the_field()
    {
        var am = await As(People.AmNorth);
        var job = await UploadAsync(am, WriteFile("Customer,When,What\nX,2026-01,1\n"), ImportKind.Revenue);
        var errors = await FieldErrorsAsync(await am.PutAsJsonAsync($"/api/v1/imports/{job.Id}/mapping",
            new ImportMapping { Columns = new() { ["AccountName"] = 0, ["Bogus"] = 1, ["Period"] = 9 } }, Json));
        Assert.Contains("columns.Amount", errors.Keys);
        Assert.Contains("columns.Bogus", errors.Keys);
        Assert.Contains("columns.Period", errors.Keys);

        using var empty = new MultipartFormDataContent { { new StringContent(""), "kind" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await am.PostAsync("/api/v1/imports", empty)).StatusCode);
    }

    [Fact]
    public async Task A_crash_mid_import_loses_no_committed_batch_and_the_rerun_resumes()
    {
        var admin = await As(People.Admin);
        await RunAsync(admin, await UploadAsync(admin, CsvSourceTests.Sample("salesforce-accounts.csv"), ImportKind.Accounts));
        var job = await UploadAsync(admin, CsvSourceTests.Sample("revenue-monthly-excel-eu.csv"), ImportKind.Revenue);
        await ReadAsync<ImportJobDto>(await admin.PutAsJsonAsync($"/api/v1/imports/{job.Id}/mapping", job.Mapping, Json));

        // Run it in this process and "crash" (cancel) right after the second batch commits.
        using var crash = new CancellationTokenSource();
        var batches = 0;
        await App.AsAsync<int>(null, async s =>
        {
            var db = s.GetRequiredService<StewardDbContext>();
            await db.Set<ImportJob>().Where(j => j.Id == job.Id).ExecuteUpdateAsync(u => u.SetProperty(j => j.Status, ImportStatus.Running));
            var runner = s.GetRequiredService<ImportRunner>();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(job.Id, new SyncProgress(_ => { if (++batches == 2) crash.Cancel(); }), crash.Token));
            return 0;
        });
        var halfway = await ReadAsync<ImportJobDto>(await admin.GetAsync($"/api/v1/imports/{job.Id}"));
        Assert.Equal(ImportStatus.Queued, halfway.Status);
        Assert.Equal(2000, halfway.RowsRead);

        var done = await StartAndWaitAsync(admin, halfway);
        Assert.Equal((ImportStatus.Completed, 7200), (done.Status, done.RowsRead));

        // Exactly what a single uninterrupted run gives.
        var reference = await RunAsync(admin, await UploadAsync(admin, CsvSourceTests.Sample("revenue-monthly-excel-eu.csv"), ImportKind.Revenue));
        Assert.Equal((0, 0), (reference.Created, reference.Updated));
        Assert.Equal(done.Created, reference.Unchanged);
    }

    [Fact]
    public async Task Stop_keeps_the_batches_merged_so_far_and_resume_completes_the_same_totals()
    {
        var admin = await As(People.Admin);
        await RunAsync(admin, await UploadAsync(admin, CsvSourceTests.Sample("salesforce-accounts.csv"), ImportKind.Accounts));
        var job = await UploadAsync(admin, CsvSourceTests.Sample("revenue-monthly-excel-eu.csv"), ImportKind.Revenue);
        await ReadAsync<ImportJobDto>(await admin.PutAsJsonAsync($"/api/v1/imports/{job.Id}/mapping", job.Mapping, Json));

        // Run it here and press Stop (the API, as the page does) once the second batch is in.
        var batches = 0;
        await App.AsAsync<int>(null, async s =>
        {
            var db = s.GetRequiredService<StewardDbContext>();
            await db.Set<ImportJob>().Where(j => j.Id == job.Id).ExecuteUpdateAsync(u => u.SetProperty(j => j.Status, ImportStatus.Running));
            await s.GetRequiredService<ImportRunner>().RunAsync(job.Id, new SyncProgress(_ =>
            {
                if (++batches == 2) Assert.Equal(HttpStatusCode.OK, admin.PostAsync($"/api/v1/imports/{job.Id}/cancel", null).GetAwaiter().GetResult().StatusCode);
            }));
            return 0;
        });
        var stopped = await ReadAsync<ImportJobDto>(await admin.GetAsync($"/api/v1/imports/{job.Id}"));
        Assert.Equal((ImportStatus.Cancelled, 2000), (stopped.Status, stopped.RowsRead));
        var kept = await App.AsAsync(null, s => s.GetRequiredService<StewardDbContext>().RevenueLines.CountAsync());
        Assert.Equal(stopped.Created, kept);
        Assert.True(kept > 0, "what the first two batches brought in stays");

        var resumed = await StartAndWaitAsync(admin, stopped);
        Assert.Equal((ImportStatus.Completed, 7200), (resumed.Status, resumed.RowsRead));
        var reference = await RunAsync(admin, await UploadAsync(admin, CsvSourceTests.Sample("revenue-monthly-excel-eu.csv"), ImportKind.Revenue));
        Assert.Equal((0, 0, resumed.Created), (reference.Created, reference.Updated, reference.Unchanged));
    }

    /// <summary>Reports synchronously (Progress&lt;T&gt; would post to the thread pool, too late to cancel in between).</summary>
    private sealed class SyncProgress(Action<ImportJob> report) : IProgress<ImportJob>
    {
        public void Report(ImportJob value) => report(value);
    }
}
