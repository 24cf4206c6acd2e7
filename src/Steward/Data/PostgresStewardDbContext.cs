using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Steward.Infrastructure.Access;

namespace Steward.Data;

public sealed class PostgresStewardDbContext(DbContextOptions<PostgresStewardDbContext> options, Viewer viewer, TimeProvider clock)
    : StewardDbContext(options, viewer, clock);

/// <summary>Lets <c>dotnet ef migrations add ... --context PostgresStewardDbContext</c> build the model without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresStewardDbContext>
{
    public PostgresStewardDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresStewardDbContext>().UseNpgsql("Host=localhost;Database=steward_design").Options,
            Viewer.System(), TimeProvider.System);
}
