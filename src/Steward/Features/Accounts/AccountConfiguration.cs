using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steward.Features.Accounts;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> e)
    {
        e.Property(a => a.Name).HasMaxLength(200).IsRequired();
        e.Property(a => a.NormalizedName).HasMaxLength(200).IsRequired();
        e.Property(a => a.ExternalId).HasMaxLength(100);
        e.Property(a => a.Sector).HasMaxLength(100);
        e.Property(a => a.Country).HasMaxLength(100);
        e.Property(a => a.Region).HasMaxLength(100);
        e.Property(a => a.Website).HasMaxLength(300);
        e.Property(a => a.Currency).HasMaxLength(3).IsRequired();
        e.Property(a => a.Notes).HasMaxLength(10_000);
        e.Property(a => a.Version).IsConcurrencyToken();
        e.Property(a => a.OwnerId).IsRequired();
        e.Ignore(a => a.IsArchived);

        e.HasOne(a => a.Owner).WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(a => a.Parent).WithMany(a => a.Subsidiaries).HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);

        e.HasIndex(a => a.NormalizedName);
        e.HasIndex(a => a.ExternalId).IsUnique();
        e.HasIndex(a => new { a.OwnerId, a.ArchivedAt });
        e.HasIndex(a => a.ParentId);
        e.HasIndex(a => a.Sector);
    }
}

internal sealed class AccountTeamMemberConfiguration : IEntityTypeConfiguration<AccountTeamMember>
{
    public void Configure(EntityTypeBuilder<AccountTeamMember> e)
    {
        e.HasOne(m => m.Account).WithMany(a => a.TeamMembers).HasForeignKey(m => m.AccountId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(m => new { m.AccountId, m.UserId }).IsUnique();
        e.HasIndex(m => m.UserId);
    }
}
