using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steward.Features.Accounts;
using Steward.Features.Interactions;

namespace Steward.Features.Cadence;

internal sealed class CadenceRuleConfiguration : IEntityTypeConfiguration<CadenceRule>
{
    public void Configure(EntityTypeBuilder<CadenceRule> e)
    {
        e.Property(r => r.Name).HasMaxLength(150).IsRequired();
        e.Property(r => r.StakeholderRole).HasConversion<string>().HasMaxLength(24);
        e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(r => r.MeetingType).HasConversion<string>().HasMaxLength(24);
        e.Property(r => r.Version).IsConcurrencyToken();

        // The defaults every installation starts with (the examples); admins change them.
        var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        e.HasData(
            Rule(1, "Key accounts: a touch with the decision maker every 30 days", AccountTier.Key, 30, at, role: StakeholderRole.DecisionMaker),
            Rule(2, "Key accounts: a meeting with our executive sponsor every 90 days", AccountTier.Key, 90, at, teamRole: AccountTeamRole.ExecutiveSponsor, kind: InteractionKind.Meeting),
            Rule(3, "Key accounts: a QBR every quarter", AccountTier.Key, 91, at, kind: InteractionKind.Meeting, meetingType: MeetingType.Qbr),
            Rule(4, "Key accounts: a touch every 14 days", AccountTier.Key, 14, at),
            Rule(5, "Growth accounts: a touch every 30 days", AccountTier.Growth, 30, at),
            Rule(6, "Standard accounts: a touch every 60 days", AccountTier.Standard, 60, at));
    }

    private static CadenceRule Rule(int id, string name, AccountTier tier, int days, DateTime at, StakeholderRole? role = null,
        AccountTeamRole? teamRole = null, InteractionKind? kind = null, MeetingType? meetingType = null) => new()
        {
            Id = id,
            Name = name,
            Tier = tier,
            StakeholderRole = role,
            TeamRole = teamRole,
            Kind = kind,
            MeetingType = meetingType,
            IntervalDays = days,
            IsActive = true,
            Version = 1,
            CreatedAt = at,
            UpdatedAt = at,
        };
}
