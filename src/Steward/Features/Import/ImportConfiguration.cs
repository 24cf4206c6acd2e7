using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Steward.Features.Import;

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> e)
    {
        e.ToTable("ImportJobs");
        e.Property(j => j.Kind).HasConversion<string>().HasMaxLength(24);
        e.Property(j => j.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(j => j.FileName).HasMaxLength(260).IsRequired();
        e.Property(j => j.StoredFile).HasMaxLength(100).IsRequired();
        e.Property(j => j.EncodingName).HasMaxLength(40);
        e.Property(j => j.Failure).HasMaxLength(2000);
        e.Property(j => j.Version).IsConcurrencyToken();
        e.HasOne(j => j.CreatedBy).WithMany().HasForeignKey(j => j.CreatedById).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(j => new { j.Status, j.HeartbeatAt });
        e.HasIndex(j => new { j.CreatedById, j.CreatedAt });
    }
}

internal sealed class ImportProblemConfiguration : IEntityTypeConfiguration<ImportProblem>
{
    public void Configure(EntityTypeBuilder<ImportProblem> e)
    {
        e.ToTable("ImportProblems");
        e.Property(p => p.Column).HasMaxLength(200);
        e.Property(p => p.Message).HasMaxLength(1000).IsRequired();
        e.Property(p => p.Value).HasMaxLength(500);
        e.Property(p => p.Severity).HasConversion<string>().HasMaxLength(10);
        e.HasOne<ImportJob>().WithMany().HasForeignKey(p => p.JobId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(p => new { p.JobId, p.Line });
    }
}

internal sealed class SavedImportMappingConfiguration : IEntityTypeConfiguration<SavedImportMapping>
{
    public void Configure(EntityTypeBuilder<SavedImportMapping> e)
    {
        e.ToTable("SavedImportMappings");
        e.Property(m => m.Name).HasMaxLength(100).IsRequired();
        e.Property(m => m.Kind).HasConversion<string>().HasMaxLength(24);
        e.Property(m => m.HeaderSignature).HasMaxLength(4000);
        e.HasIndex(m => new { m.Kind, m.Name }).IsUnique();
    }
}

internal sealed class RevenueLineBeforeConfiguration : IEntityTypeConfiguration<RevenueLineBefore>
{
    public void Configure(EntityTypeBuilder<RevenueLineBefore> e)
    {
        e.ToTable("RevenueLinesBefore");
        // No foreign keys: rows live for one import and are written in bulk.
        e.HasKey(b => new { b.JobId, b.LineId });
        e.Property(b => b.Currency).HasMaxLength(3).IsRequired();
        e.Property(b => b.Margin).HasPrecision(9, 4);
    }
}
