using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steward.Features.Users;

internal sealed class UserConfiguration : IEntityTypeConfiguration<StewardUser>
{
    public void Configure(EntityTypeBuilder<StewardUser> e)
    {
        e.Property(u => u.DisplayName).HasMaxLength(150).IsRequired();
        e.Property(u => u.JobTitle).HasMaxLength(150);
        e.HasOne(u => u.Team).WithMany(t => t.Members).HasForeignKey(u => u.TeamId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> e)
    {
        e.Property(t => t.Name).HasMaxLength(100).IsRequired();
        e.HasIndex(t => t.Name).IsUnique();
        e.HasOne(t => t.Manager).WithMany().HasForeignKey(t => t.ManagerId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(t => t.ManagerId);
    }
}
