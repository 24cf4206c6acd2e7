using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steward.Features.Users;

namespace Steward.Features.Approvals;

/// <summary>
/// Who approves plans and playbook gates for a team's members, when it should not be the team's
/// manager (a deputy, a head of sales). Without a row the team's manager approves.
/// </summary>
public class TeamApprover
{
    public int TeamId { get; set; }
    public Team? Team { get; set; }
    public string ApproverId { get; set; } = "";
    public StewardUser? Approver { get; set; }
}

internal sealed class TeamApproverConfiguration : IEntityTypeConfiguration<TeamApprover>
{
    public void Configure(EntityTypeBuilder<TeamApprover> e)
    {
        e.ToTable("TeamApprovers");
        e.HasKey(t => t.TeamId);
        e.HasOne(t => t.Team).WithMany().HasForeignKey(t => t.TeamId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(t => t.Approver).WithMany().HasForeignKey(t => t.ApproverId).OnDelete(DeleteBehavior.Cascade);
    }
}
