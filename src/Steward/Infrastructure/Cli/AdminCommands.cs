using System.CommandLine;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.ApiTokens;
using Steward.Features.Users;
using Steward.Infrastructure.Access;
using Steward.Infrastructure.Errors;

namespace Steward.Infrastructure.Cli;

/// <summary>
/// The same executable serves the app (the default) and runs admin commands. Unknown options
/// such as --urls pass through to the server.
/// </summary>
public static class AdminCommands
{
    public static RootCommand Create(string[] args, Func<string[], Task<int>> serve, Func<WebApplication> buildApp)
    {
        var root = new RootCommand("Steward: key account management. With no command, runs the web server (ASP.NET Core options such as --urls apply).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.SetAction((_, _) => serve(args));

        var serveCommand = new Command("serve", "Run the web server (the default).") { TreatUnmatchedTokensAsErrors = false };
        serveCommand.SetAction((_, _) => serve([.. args.Skip(1)]));
        root.Subcommands.Add(serveCommand);

        var migrate = new Command("migrate", "Apply database migrations and exit.");
        migrate.SetAction(async (_, ct) =>
        {
            await using var app = buildApp();
            await DatabaseSetup.MigrateAsync(app.Services, ct);
            Console.WriteLine("The database is up to date.");
            return 0;
        });
        root.Subcommands.Add(migrate);

        var output = new Option<string>("--output") { Description = "File to write the backup to.", Required = true };
        var backup = new Command("backup", "Write a consistent copy of the database (SQLite: VACUUM INTO; PostgreSQL: pg_dump).") { output };
        backup.SetAction(async (result, ct) =>
        {
            await using var app = buildApp();
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Viewer>().SetSystem();
            return await Backup.RunAsync(scope.ServiceProvider.GetRequiredService<StewardDbContext>(), result.GetValue(output)!, ct);
        });
        root.Subcommands.Add(backup);

        root.Subcommands.Add(ImportCommand.Create(buildApp));
        root.Subcommands.Add(DemoCommand.Create(buildApp));
        root.Subcommands.Add(Users(buildApp));
        root.Subcommands.Add(Tokens(buildApp));
        return root;
    }

    private static Command Users(Func<WebApplication> buildApp)
    {
        var email = new Option<string>("--email") { Description = "Sign-in email.", Required = true };
        var name = new Option<string>("--name") { Description = "Display name.", Required = true };
        var role = new Option<string>("--role") { Description = $"One of {string.Join(", ", Roles.All)}.", DefaultValueFactory = _ => Roles.AccountManager };
        var team = new Option<string?>("--team") { Description = "Team name (created if new)." };
        var manages = new Option<bool>("--manages-team") { Description = "Make the user the manager of --team." };
        var password = new Option<string?>("--password") { Description = "Initial password; a random one is generated and printed when omitted." };

        var create = new Command("create", "Create a user.") { email, name, role, team, manages, password };
        create.SetAction((result, ct) => Run(buildApp, async services =>
        {
            var secret = result.GetValue(password) ?? GeneratePassword();
            var user = await services.GetRequiredService<UserAdministration>().CreateAsync(new NewUser(
                result.GetValue(email)!, result.GetValue(name)!, secret, result.GetValue(role)!, result.GetValue(team), result.GetValue(manages)), ct);
            Console.WriteLine($"Created {user.Email} ({result.GetValue(role)}), id {user.Id}.");
            if (result.GetValue(password) is null) Console.WriteLine($"Password: {secret}");
        }));

        var list = new Command("list", "List users.");
        list.SetAction((_, ct) => Run(buildApp, async services =>
        {
            var db = services.GetRequiredService<StewardDbContext>();
            foreach (var u in await db.Users.Include(u => u.Team).OrderBy(u => u.Email).ToListAsync(ct))
            {
                Console.WriteLine($"{u.Email,-32} {u.DisplayName,-24} {u.Team?.Name ?? "-",-10} {(u.IsActive ? "active" : "inactive")}");
            }
        }));

        return new Command("users", "Manage users.") { create, list };
    }

    private static Command Tokens(Func<WebApplication> buildApp)
    {
        var user = new Option<string>("--user") { Description = "Email of the token's owner.", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for.", Required = true };
        var days = new Option<int?>("--expires-in-days") { Description = "Expire after this many days (default: never)." };

        var create = new Command("create", "Create a personal API token and print it (it is shown once; only its hash is stored).") { user, name, days };
        create.SetAction((result, ct) => Run(buildApp, async services =>
        {
            var owner = await services.GetRequiredService<UserManager<StewardUser>>().FindByEmailAsync(result.GetValue(user)!)
                ?? throw new InvalidInputException("user", $"No user has the email {result.GetValue(user)}.");
            var clock = services.GetRequiredService<TimeProvider>();
            DateTime? expires = result.GetValue(days) is { } d ? clock.GetUtcNow().UtcDateTime.AddDays(d) : null;
            var created = await services.GetRequiredService<ApiTokenService>().CreateAsync(owner.Id, result.GetValue(name)!, expires, ct);
            Console.WriteLine(created.Secret);
        }));
        return new Command("tokens", "Manage personal API tokens.") { create };
    }

    internal static async Task<int> Run(Func<WebApplication> buildApp, Func<IServiceProvider, Task> action)
    {
        await using var app = buildApp();
        await DatabaseSetup.MigrateAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Viewer>().SetSystem();
        try
        {
            await action(scope.ServiceProvider);
            return 0;
        }
        catch (InvalidInputException e)
        {
            foreach (var (field, messages) in e.Errors) Console.Error.WriteLine($"{field}: {string.Join(" ", messages)}");
            return 1;
        }
    }

    private static string GeneratePassword() => "Stw-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y');
}
