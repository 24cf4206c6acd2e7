using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Steward.Infrastructure.Access;

namespace Steward.Data;

public sealed class SqliteStewardDbContext(DbContextOptions<SqliteStewardDbContext> options, Viewer viewer, TimeProvider clock)
    : StewardDbContext(options, viewer, clock)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no decimal type and cannot sum or sort decimals stored as text; REAL keeps
        // cents exact well beyond any account's revenue. PostgreSQL keeps numeric(18,2).
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
        configurationBuilder.Properties<decimal?>().HaveConversion<double?>();
    }
}

/// <summary>Lets <c>dotnet ef migrations add ... --context SqliteStewardDbContext</c> build the model.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteStewardDbContext>
{
    public SqliteStewardDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteStewardDbContext>().UseSqlite("Data Source=design.db").Options,
            Viewer.System(), TimeProvider.System);
}
