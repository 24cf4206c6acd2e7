using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Steward.Data;

namespace Steward.Infrastructure.Cli;

/// <summary>A consistent copy of the database while the app keeps running.</summary>
internal static class Backup
{
    public static async Task<int> RunAsync(StewardDbContext db, string output, CancellationToken ct)
    {
        var path = Path.GetFullPath(output);
        if (File.Exists(path))
        {
            Console.Error.WriteLine($"output: {path} already exists; choose a new file name.");
            return 1;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        if (db.Database.IsSqlite())
        {
            // VACUUM INTO writes a compact, transactionally consistent copy without stopping writers.
            await db.Database.ExecuteSqlRawAsync("VACUUM INTO {0}", [path], ct);
            Console.WriteLine($"Backed up the SQLite database to {path}.");
            return 0;
        }

        var cs = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var start = new ProcessStartInfo("pg_dump") { RedirectStandardError = true };
        foreach (var arg in new[] { "-Fc", "-h", cs.Host ?? "localhost", "-p", cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", cs.Username ?? "postgres", "-f", path, cs.Database ?? "steward" })
        {
            start.ArgumentList.Add(arg);
        }
        if (cs.Password is { } password) start.Environment["PGPASSWORD"] = password;
        try
        {
            using var process = Process.Start(start)!;
            var errors = await process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"pg_dump failed: {errors.Trim()}");
                return 1;
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine("pg_dump was not found on the PATH. Install the PostgreSQL client tools, or back up with your usual PostgreSQL tooling.");
            return 1;
        }
        Console.WriteLine($"Backed up the PostgreSQL database to {path} (pg_dump custom format; restore with pg_restore).");
        return 0;
    }
}
