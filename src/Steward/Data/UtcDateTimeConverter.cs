using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Steward.Data;

/// <summary>
/// Dates are stored in UTC. SQLite hands them back without a kind, and PostgreSQL's timestamptz
/// insists on UTC, so everything is marked UTC on the way in and out.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
