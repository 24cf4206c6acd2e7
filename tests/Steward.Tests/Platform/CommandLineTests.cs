using System.Diagnostics;
using System.Net.Http.Headers;
using Steward.Features.Users;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Platform;

/// <summary>The admin commands, run as a separate process against the test's database.</summary>
public sealed class CommandLineTests : ApiTest
{
    private async Task<(int ExitCode, string Output, string Errors)> StewardAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "steward.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Database__Provider"] = App.Provider;
        start.Environment["ConnectionStrings__Steward"] = App.ConnectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output, await errors);
    }

    [Fact]
    public async Task Users_and_tokens_created_on_the_command_line_work_against_the_api()
    {
        var created = await StewardAsync("users", "create", "--email", "kim@example.com", "--name", "Kim Lee", "--role", "AccountManager", "--team", "North", "--password", "Correct-horse-1");
        Assert.True(created.ExitCode == 0, created.Errors);
        Assert.Contains("Created kim@example.com", created.Output, StringComparison.Ordinal);

        var token = await StewardAsync("tokens", "create", "--user", "kim@example.com", "--name", "cli test");
        Assert.True(token.ExitCode == 0, token.Errors);
        var secret = token.Output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("stw_", StringComparison.Ordinal));

        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var me = await ReadAsync<Me>(await client.GetAsync("/api/v1/me"));
        Assert.Equal("Kim Lee", me.DisplayName);
        Assert.Equal("North", me.TeamName);
    }

    [Fact]
    public async Task Bad_command_line_input_is_reported_and_changes_nothing()
    {
        var duplicate = await StewardAsync("users", "create", "--email", People.AmNorth, "--name", "Again", "--password", "Correct-horse-1");
        Assert.Equal(1, duplicate.ExitCode);
        Assert.Contains("already exists", duplicate.Errors, StringComparison.Ordinal);

        var weak = await StewardAsync("users", "create", "--email", "weak@example.com", "--name", "Weak", "--password", "short");
        Assert.Equal(1, weak.ExitCode);
        Assert.Contains("Password", weak.Errors, StringComparison.Ordinal);

        var unknownUser = await StewardAsync("tokens", "create", "--user", "nobody@example.com", "--name", "x");
        Assert.Equal(1, unknownUser.ExitCode);
        Assert.Contains("nobody@example.com", unknownUser.Errors, StringComparison.Ordinal);

        var missing = await StewardAsync("import", "--file", "no-such-export.csv", "--kind", "Accounts", "--as", People.AmNorth);
        Assert.Equal(1, missing.ExitCode);
        Assert.StartsWith("file: there is no file", missing.Errors.Trim(), StringComparison.Ordinal);
        Assert.Contains("no-such-export.csv", missing.Errors, StringComparison.Ordinal);

        var list = await StewardAsync("users", "list");
        Assert.DoesNotContain("weak@example.com", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_commands_and_backup_writes_a_copy()
    {
        var help = await StewardAsync("--help");
        foreach (var command in new[] { "serve", "migrate", "users", "tokens", "backup" })
        {
            Assert.Contains(command, help.Output, StringComparison.Ordinal);
        }

        Assert.Equal(0, (await StewardAsync("migrate")).ExitCode);

        var file = Path.Combine(Path.GetTempPath(), "steward-tests", $"backup-{Guid.NewGuid():N}.bak");
        try
        {
            var backup = await StewardAsync("backup", "--output", file);
            Assert.True(backup.ExitCode == 0, backup.Errors);
            Assert.True(new FileInfo(file).Length > 10_000);
            var again = await StewardAsync("backup", "--output", file);
            Assert.Equal(1, again.ExitCode);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
