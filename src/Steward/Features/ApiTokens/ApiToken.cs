using Steward.Features.Users;

namespace Steward.Features.ApiTokens;

/// <summary>
/// A personal API token. Only a SHA-256 hash of the secret is stored: tokens are long random
/// strings, so a fast hash is enough and lets every request be checked with one indexed lookup.
/// </summary>
public class ApiToken
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public StewardUser? User { get; set; }
    public string Name { get; set; } = "";
    /// <summary>The first characters of the token, shown so people can tell their tokens apart.</summary>
    public string Prefix { get; set; } = "";
    public string Hash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
