using Microsoft.EntityFrameworkCore;
using Steward.Data;

namespace Steward.Features.Import.Importers;

/// <summary>Active colleagues by upper-cased email and display name: how export files name owners.</summary>
internal static class UserKeys
{
    public static async Task<Dictionary<string, string>> LoadAsync(StewardDbContext db, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive).Select(u => new { u.Id, u.Email, u.DisplayName }).ToListAsync(ct);
        return users.SelectMany(u => new[] { (Key: (u.Email ?? "").ToUpperInvariant(), u.Id), (Key: u.DisplayName.ToUpperInvariant(), u.Id) })
            .Where(k => k.Key.Length > 0).GroupBy(k => k.Key).ToDictionary(g => g.Key, g => g.First().Id);
    }
}
