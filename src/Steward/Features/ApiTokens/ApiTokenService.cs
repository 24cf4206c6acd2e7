using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Infrastructure.Errors;

namespace Steward.Features.ApiTokens;

public sealed record ApiTokenSummary(int Id, string Name, string Prefix, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt);

public sealed record CreatedApiToken(ApiTokenSummary Token, string Secret);

/// <summary>Issues, lists, revokes and checks personal API tokens.</summary>
public sealed class ApiTokenService(IDbContextFactory<StewardDbContext> dbFactory, TimeProvider clock)
{
    private const string SecretPrefix = "stw_";

    public async Task<CreatedApiToken> CreateAsync(string userId, string name, DateTime? expiresAt = null, CancellationToken ct = default)
    {
        name = name.Trim();
        var errors = new InputErrors();
        if (name.Length == 0) errors.Add("Name", "Give the token a name, for example the script or tool that will use it.");
        else if (name.Length > 100) errors.Add("Name", "The name can be at most 100 characters.");
        if (expiresAt is { } exp && exp <= clock.GetUtcNow().UtcDateTime) errors.Add("ExpiresAt", "The expiry date must be in the future.");
        errors.ThrowIfAny();

        var secret = SecretPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var token = new ApiToken
        {
            UserId = userId,
            Name = name,
            Prefix = secret[..10],
            Hash = Hash(secret),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            ExpiresAt = expiresAt,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return new CreatedApiToken(ToSummary(token), secret);
    }

    public async Task<IReadOnlyList<ApiTokenSummary>> ListAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ApiTokens.Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt)
            .Select(t => new ApiTokenSummary(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(ct);
    }

    public async Task RevokeAsync(string userId, int tokenId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct)
            ?? throw new NotFoundException("API token", tokenId);
        token.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The user id the secret belongs to, or null when it is unknown, revoked or expired.</summary>
    public async Task<string?> ValidateAsync(string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal)) return null;
        var hash = Hash(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.ApiTokens.Include(t => t.User).SingleOrDefaultAsync(t => t.Hash == hash, ct);
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now || token.User is not { IsActive: true }) return null;

        // Record use at most once a minute: a busy script should not turn every read into a write.
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return token.UserId;
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static ApiTokenSummary ToSummary(ApiToken t) => new(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt);
}
