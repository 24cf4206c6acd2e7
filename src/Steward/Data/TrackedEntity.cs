namespace Steward.Data;

/// <summary>
/// A row people edit. <see cref="Version"/> is the optimistic-concurrency token behind ETags and
/// "someone else changed this" messages; the stamps are set by <see cref="StewardDbContext"/>.
/// </summary>
public abstract class TrackedEntity
{
    public long Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
