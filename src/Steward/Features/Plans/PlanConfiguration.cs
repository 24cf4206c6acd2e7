using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steward.Features.Plans;

internal sealed class AccountPlanConfiguration : IEntityTypeConfiguration<AccountPlan>
{
    public void Configure(EntityTypeBuilder<AccountPlan> e)
    {
        e.ToTable("AccountPlans");
        e.Property(p => p.Title).HasMaxLength(200).IsRequired();
        e.Property(p => p.Status).HasConversion<string>().HasMaxLength(24);
        e.Property(p => p.ReviewCadence).HasConversion<string>().HasMaxLength(16);
        e.Property(p => p.Currency).HasMaxLength(3);
        foreach (var section in PlanSections.All) e.Property(section.Name).HasMaxLength(PlanSections.MaxLength);
        e.Property(p => p.Findings).HasMaxLength(PlanSections.MaxLength);
        e.Property(p => p.Version).IsConcurrencyToken();
        e.HasOne(p => p.Account).WithMany().HasForeignKey(p => p.AccountId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(p => p.Owner).WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(p => p.Objectives).WithOne(o => o.Plan).HasForeignKey(o => o.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(p => new { p.AccountId, p.PeriodStart });
        e.HasIndex(p => new { p.Status, p.ApproverId });
        e.HasIndex(p => new { p.OwnerId, p.Status });
    }
}

internal sealed class PlanObjectiveConfiguration : IEntityTypeConfiguration<PlanObjective>
{
    public void Configure(EntityTypeBuilder<PlanObjective> e)
    {
        e.ToTable("PlanObjectives");
        e.Property(o => o.Title).HasMaxLength(200).IsRequired();
        e.Property(o => o.Kpi).HasMaxLength(200).IsRequired();
        e.Property(o => o.Unit).HasMaxLength(20);
        e.Property(o => o.Source).HasConversion<string>().HasMaxLength(32);
        e.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(o => o.Evaluation).HasMaxLength(4000);
        e.Property(o => o.Version).IsConcurrencyToken();
        e.HasIndex(o => new { o.PlanId, o.SortOrder });
    }
}

internal sealed class PlanTransitionConfiguration : IEntityTypeConfiguration<PlanTransition>
{
    public void Configure(EntityTypeBuilder<PlanTransition> e)
    {
        e.ToTable("PlanTransitions");
        e.Property(t => t.From).HasConversion<string>().HasMaxLength(24);
        e.Property(t => t.To).HasConversion<string>().HasMaxLength(24);
        e.Property(t => t.Action).HasMaxLength(24);
        e.Property(t => t.Comment).HasMaxLength(4000);
        e.HasOne(t => t.Plan).WithMany().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(t => new { t.PlanId, t.At });
    }
}

internal sealed class PlanSnapshotConfiguration : IEntityTypeConfiguration<PlanSnapshot>
{
    public void Configure(EntityTypeBuilder<PlanSnapshot> e)
    {
        e.ToTable("PlanSnapshots");
        e.Property(s => s.Kind).HasMaxLength(16);
        e.HasOne<AccountPlan>().WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(s => new { s.PlanId, s.Number }).IsUnique();
    }
}
