using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Infrastructure.Errors;

namespace Steward.Features.Users;

public sealed record NewUser(string Email, string DisplayName, string Password, string Role, string? TeamName = null, bool ManagesTeam = false, string? JobTitle = null);

/// <summary>Creates users and teams: for the admin command, the demo organisation and tests.</summary>
public sealed class UserAdministration(UserManager<StewardUser> users, RoleManager<IdentityRole> roles, StewardDbContext db, TimeProvider clock)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
    }

    public async Task<StewardUser> CreateAsync(NewUser request, CancellationToken ct = default)
    {
        var errors = new InputErrors();
        if (!Roles.All.Contains(request.Role)) errors.Add("Role", $"Role must be one of {string.Join(", ", Roles.All)}.");
        if (string.IsNullOrWhiteSpace(request.DisplayName)) errors.Add("Name", "Name is required.");
        if (await users.FindByEmailAsync(request.Email) is not null) errors.Add("Email", $"A user with email {request.Email} already exists.");
        errors.ThrowIfAny();
        await EnsureRolesAsync();

        Team? team = null;
        if (!string.IsNullOrWhiteSpace(request.TeamName))
        {
            var name = request.TeamName.Trim();
            team = await db.Teams.SingleOrDefaultAsync(t => t.Name == name, ct);
            if (team is null)
            {
                team = new Team { Name = name };
                db.Teams.Add(team);
                await db.SaveChangesAsync(ct);
            }
        }

        var user = new StewardUser
        {
            UserName = request.Email,
            Email = request.Email,
            EmailConfirmed = true,
            DisplayName = request.DisplayName.Trim(),
            JobTitle = request.JobTitle,
            TeamId = request.ManagesTeam ? null : team?.Id,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                errors.Add(error.Code.Contains("Password", StringComparison.Ordinal) ? "Password" : error.Code.Contains("Email", StringComparison.Ordinal) ? "Email" : "User", error.Description);
            }
            errors.ThrowIfAny();
        }
        await users.AddToRoleAsync(user, request.Role);
        if (request.ManagesTeam && team is not null)
        {
            team.ManagerId = user.Id;
            await db.SaveChangesAsync(ct);
        }
        return user;
    }
}
