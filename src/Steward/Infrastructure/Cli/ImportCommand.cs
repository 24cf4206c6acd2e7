using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Steward.Features.Import;
using Steward.Features.Users;
using Steward.Infrastructure.Access;
using Steward.Infrastructure.Errors;

namespace Steward.Infrastructure.Cli;

/// <summary><c>steward import</c>: the wizard without the browser, for scripts and very large files.</summary>
internal static class ImportCommand
{
    public static Command Create(Func<WebApplication> buildApp)
    {
        var file = new Option<FileInfo>("--file") { Description = "The CSV file.", Required = true };
        var kind = new Option<ImportKind>("--kind") { Description = "Accounts, Contacts, Revenue, WonOpportunities or Opportunities.", Required = true };
        var user = new Option<string>("--as") { Description = "Email of the user whose access the import has (and who owns new accounts).", Required = true };
        var map = new Option<string[]>("--map") { Description = "Field=Column header, overriding the suggested mapping (repeatable), e.g. --map Amount=Umsatz.", AllowMultipleArgumentsPerToken = true };
        var saved = new Option<string?>("--mapping") { Description = "Use the saved mapping with this name." };

        var command = new Command("import", "Import a CSV export (accounts, contacts, revenue, won deals as revenue, or the deal pipeline) and print the summary.") { file, kind, user, map, saved };
        command.SetAction(async (result, ct) =>
        {
            // A relative path is taken from the working directory, which under `dotnet run --project`
            // is the project's folder, not the shell's: say which file was looked for.
            if (result.GetValue(file) is not { Exists: true } source)
            {
                Console.Error.WriteLine($"file: there is no file {result.GetValue(file)?.FullName}. Give the full path of the CSV file.");
                return 1;
            }
            await using var app = buildApp();
            await Data.DatabaseSetup.MigrateAsync(app.Services, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var person = await services.GetRequiredService<UserManager<StewardUser>>().FindByEmailAsync(result.GetValue(user)!);
            if (person is null)
            {
                Console.Error.WriteLine($"as: no user has the email {result.GetValue(user)}.");
                return 1;
            }
            services.GetRequiredService<Viewer>().Set(await services.GetRequiredService<IUserClaimsPrincipalFactory<StewardUser>>().CreateAsync(person));
            var imports = services.GetRequiredService<ImportService>();
            try
            {
                ImportJobDto job;
                await using (var stream = source.OpenRead())
                {
                    job = await imports.UploadAsync(stream, source.Name, result.GetValue(kind), ct);
                }
                var mapping = job.Mapping;
                if (result.GetValue(saved) is { } name)
                {
                    mapping = (await imports.SavedMappingsAsync(job.Kind, ct)).FirstOrDefault(m => m.Name == name)?.Mapping
                        ?? throw new InvalidInputException("mapping", $"There is no saved {job.Kind} mapping called '{name}'.");
                }
                mapping = Override(mapping, job.Headers, result.GetValue(map) ?? []);
                Console.WriteLine($"{job.FileName}: {job.Headers.Count} columns, separator '{job.Separator}', {job.EncodingName}.");
                foreach (var (field, column) in mapping.Columns) Console.WriteLine($"  {field,-18} ← {job.Headers[column]}");
                job = await imports.SetMappingAsync(job.Id, mapping, ct);

                // Run it here rather than waiting for a server's worker; the job is claimed like a worker would.
                await using var runScope = app.Services.CreateAsyncScope();
                var progress = new Progress<ImportJob>(j => Console.WriteLine($"  {j.RowsRead:N0} rows read, {j.Rejected:N0} rejected"));
                var runner = runScope.ServiceProvider.GetRequiredService<ImportRunner>();
                await runner.ClaimAsync(job.Id, ct);
                await runner.RunAsync(job.Id, progress, ct);

                var done = await imports.GetAsync(job.Id, ct);
                Console.WriteLine($"{done.Status}: {done.RowsRead:N0} rows; created {done.Created:N0}, updated {done.Updated:N0}, unchanged {done.Unchanged:N0}, rejected {done.Rejected:N0}, skipped {done.Skipped:N0}, warnings {done.Warnings:N0}.");
                if (done.Failure is not null) Console.Error.WriteLine(done.Failure);
                foreach (var p in await imports.ProblemsAsync(job.Id, 20, ct)) Console.WriteLine($"  line {p.Line} {p.Column}: {p.Message}");
                return done.Status == ImportStatus.Completed ? 0 : 1;
            }
            catch (InvalidInputException e)
            {
                foreach (var (field, messages) in e.Errors) Console.Error.WriteLine($"{field}: {string.Join(" ", messages)}");
                return 1;
            }
        });
        return command;
    }

    private static ImportMapping Override(ImportMapping mapping, IReadOnlyList<string> headers, string[] overrides)
    {
        var columns = new Dictionary<string, int>(mapping.Columns);
        foreach (var pair in overrides)
        {
            var parts = pair.Split('=', 2);
            var index = parts.Length == 2 ? headers.ToList().FindIndex(h => string.Equals(h, parts[1].Trim(), StringComparison.OrdinalIgnoreCase)) : -1;
            if (index < 0) throw new InvalidInputException("map", $"'{pair}' should be Field=Column with a column of the file ({string.Join(", ", headers)}).");
            columns[parts[0].Trim()] = index;
        }
        return mapping with { Columns = columns };
    }
}
