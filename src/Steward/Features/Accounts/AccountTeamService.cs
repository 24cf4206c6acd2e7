using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Infrastructure.Errors;

namespace Steward.Features.Accounts;

public sealed record AccountTeamMemberDto(int Id, int AccountId, string UserId, string DisplayName, string? Email, string? JobTitle, AccountTeamRole Role, DateTime AddedAt);

public sealed record AccountTeamMemberInput(string? UserId, AccountTeamRole Role);

/// <summary>The colleagues who serve on an account. Anyone who can see the account can change its team.</summary>
public sealed class AccountTeamService(IDbContextFactory<StewardDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<AccountTeamMemberDto>> ListAsync(int accountId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureVisibleAsync(db, accountId, ct);
        return await db.AccountTeamMembers.AsNoTracking().Where(m => m.AccountId == accountId)
            .OrderBy(m => m.Role).ThenBy(m => m.User!.DisplayName)
            .Select(m => new AccountTeamMemberDto(m.Id, m.AccountId, m.UserId, m.User!.DisplayName, m.User.Email, m.User.JobTitle, m.Role, m.AddedAt))
            .ToListAsync(ct);
    }

    public async Task<AccountTeamMemberDto> AddAsync(int accountId, AccountTeamMemberInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureVisibleAsync(db, accountId, ct);
        var errors = new InputErrors();
        var userId = InputValidation.Clean(input.UserId);
        if (!Enum.IsDefined(input.Role)) errors.Add("Role", "Choose a role: ExecutiveSponsor, TechnicalLead, Support, Finance, Sales, Product or Other.");
        if (userId is null)
        {
            errors.Add("UserId", "Choose the colleague to add.");
        }
        else if (!await db.Users.AnyAsync(u => u.Id == userId && u.IsActive, ct))
        {
            errors.Add("UserId", "No active user has this id.");
        }
        else if (await db.AccountTeamMembers.AnyAsync(m => m.AccountId == accountId && m.UserId == userId, ct))
        {
            errors.Add("UserId", "This colleague is already on the account team.");
        }
        errors.ThrowIfAny();

        var member = new AccountTeamMember { AccountId = accountId, UserId = userId!, Role = input.Role, AddedAt = clock.GetUtcNow().UtcDateTime };
        db.AccountTeamMembers.Add(member);
        await db.SaveChangesAsync(ct);
        return (await ListAsync(accountId, ct)).Single(m => m.Id == member.Id);
    }

    public async Task RemoveAsync(int accountId, int memberId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var member = await db.AccountTeamMembers.SingleOrDefaultAsync(m => m.Id == memberId && m.AccountId == accountId, ct)
            ?? throw new NotFoundException("Account team member", memberId);
        db.AccountTeamMembers.Remove(member);
        await db.SaveChangesAsync(ct);
    }

    private static async Task EnsureVisibleAsync(StewardDbContext db, int accountId, CancellationToken ct)
    {
        if (!await db.Accounts.AnyAsync(a => a.Id == accountId, ct)) throw new NotFoundException("Account", accountId);
    }
}
