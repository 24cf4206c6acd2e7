using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steward.Features.Interactions;

internal sealed class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    public void Configure(EntityTypeBuilder<Interaction> e)
    {
        e.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(i => i.MeetingType).HasConversion<string>().HasMaxLength(24);
        e.Property(i => i.Channel).HasConversion<string>().HasMaxLength(16);
        e.Property(i => i.Subject).HasMaxLength(300).IsRequired();
        e.Property(i => i.Location).HasMaxLength(300);
        e.Property(i => i.Agenda).HasMaxLength(10_000);
        e.Property(i => i.Notes).HasMaxLength(50_000);
        e.Property(i => i.Outcome).HasMaxLength(4_000);
        e.Property(i => i.OwnerId).IsRequired();
        e.Property(i => i.Version).IsConcurrencyToken();
        e.Ignore(i => i.EndsAt);
        e.HasOne(i => i.Account).WithMany().HasForeignKey(i => i.AccountId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(i => i.Owner).WithMany().HasForeignKey(i => i.OwnerId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(i => i.Participants).WithOne(p => p.Interaction).HasForeignKey(p => p.InteractionId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(i => new { i.AccountId, i.StartsAt });
        e.HasIndex(i => new { i.OwnerId, i.StartsAt });
    }
}

internal sealed class InteractionParticipantConfiguration : IEntityTypeConfiguration<InteractionParticipant>
{
    public void Configure(EntityTypeBuilder<InteractionParticipant> e)
    {
        e.HasOne(p => p.Contact).WithMany().HasForeignKey(p => p.ContactId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(p => new { p.ContactId, p.InteractionId });
        e.HasIndex(p => new { p.UserId, p.InteractionId });
        e.HasIndex(p => p.InteractionId);
    }
}
