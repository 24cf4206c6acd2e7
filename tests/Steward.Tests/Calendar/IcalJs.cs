using System.Diagnostics;
using System.Text.Json;

namespace Steward.Tests.Calendar;

/// <summary>
/// Runs ical.js — Mozilla's iCalendar parser, the one Thunderbird uses — over a feed, so the feed
/// is checked by a third-party library and not only by Ical.Net, which wrote it. Needs Node.js; the
/// package is installed from the npm registry on first use (npm ci, pinned by package-lock.json).
/// </summary>
public static class IcalJs
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static async Task<JsonElement> ParseAsync(string ics)
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", "Steward.Tests", "Calendar", "icaljs");
        await EnsureInstalledAsync(folder);
        var (exit, output, error) = await RunAsync("node", "check.mjs", folder, ics);
        if (exit != 0) throw new InvalidOperationException($"ical.js could not parse the feed: {error}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static async Task EnsureInstalledAsync(string folder)
    {
        await InstallLock.WaitAsync();
        try
        {
            if (File.Exists(Path.Combine(folder, "node_modules", "ical.js", "package.json"))) return;
            var (exit, output, error) = await RunAsync("npm", "ci --no-audit --no-fund", folder, null);
            if (exit != 0) throw new InvalidOperationException($"npm ci for ical.js failed in {folder}: {output} {error}");
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string command, string arguments, string folder, string? input)
    {
        var start = new ProcessStartInfo(command, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"'{command}' was not found: the feed check needs Node.js and npm (apt-get install nodejs npm).", e);
        }
        using (process)
        {
            if (input is not null) await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output, await error);
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Steward.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (Steward.slnx).");
    }
}
