using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steward.Features.Users;

namespace Steward.Features.Calendar;

/// <summary>
/// The secret of a person's calendar feed URL. Like API tokens, only a SHA-256 hash is stored; a
/// new link revokes the old one, and revoking makes the URL answer 404.
/// </summary>
public class CalendarFeedToken
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public StewardUser? User { get; set; }
    public string Hash { get; set; } = "";
    /// <summary>The first characters of the secret, so people can tell links apart.</summary>
    public string Prefix { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

internal sealed class CalendarFeedTokenConfiguration : IEntityTypeConfiguration<CalendarFeedToken>
{
    public void Configure(EntityTypeBuilder<CalendarFeedToken> e)
    {
        e.ToTable("CalendarFeedTokens");
        e.Property(t => t.Hash).HasMaxLength(64).IsRequired();
        e.Property(t => t.Prefix).HasMaxLength(16).IsRequired();
        e.HasIndex(t => t.Hash).IsUnique();
        e.HasIndex(t => t.UserId);
        e.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
