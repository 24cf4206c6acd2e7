using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steward.Features.ApiTokens;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> e)
    {
        e.Property(t => t.Name).HasMaxLength(100).IsRequired();
        e.Property(t => t.Prefix).HasMaxLength(16).IsRequired();
        e.Property(t => t.Hash).HasMaxLength(64).IsRequired();
        e.HasIndex(t => t.Hash).IsUnique();
        e.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
