using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Infrastructure.Access;
using Steward.Infrastructure.Errors;

namespace Steward.Features.Opportunities;

public sealed class StageInput
{
    [EnumDataType(typeof(OpportunityType), ErrorMessage = "Type must be one of Expansion, Renewal, CrossSell, NewProduct, Rfp, ProForma.")]
    public OpportunityType Type { get; set; }

    [Required(ErrorMessage = "Name is required.")]
    [StringLength(60, ErrorMessage = "Name can be at most 60 characters.")]
    public string Name { get; set; } = "";

    /// <summary>Where it sits in the pipeline: lower comes first.</summary>
    [Range(0, 10_000, ErrorMessage = "Position must be between 0 and 10,000.")]
    public int Position { get; set; }

    [Range(0, 100, ErrorMessage = "Probability must be between 0 and 100 percent.")]
    public int Probability { get; set; }

    public bool IsActive { get; set; } = true;
}

/// <summary>
/// Admins shape each type's pipeline: add open stages, rename, reorder, change default
/// probabilities, retire stages nobody is in. Every type keeps its won and lost stage.
/// </summary>
public sealed class StageService(IDbContextFactory<StewardDbContext> dbFactory, Viewer viewer)
{
    public async Task<StageDto> CreateAsync(StageInput input, CancellationToken ct = default)
    {
        EnsureAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ValidateAsync(db, input, null, ct);
        var stage = new OpportunityStage { Type = input.Type, Name = input.Name, Position = input.Position, Probability = input.Probability, Outcome = StageOutcome.Open, IsActive = input.IsActive };
        db.Add(stage);
        await db.SaveChangesAsync(ct);
        return ToDto(stage);
    }

    public async Task<StageDto> UpdateAsync(int id, StageInput input, long? expectedVersion, CancellationToken ct = default)
    {
        EnsureAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stage = await db.Set<OpportunityStage>().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("Stage", id);
        if (expectedVersion is { } v && v != stage.Version) throw new PreconditionFailedException($"The stage is at version {stage.Version}, not {v}. Reload it and try again.");
        await ValidateAsync(db, input, stage, ct);
        stage.Name = input.Name;
        stage.Position = input.Position;
        stage.Probability = stage.Outcome switch { StageOutcome.Won => 100, StageOutcome.Lost => 0, _ => input.Probability };
        stage.IsActive = input.IsActive;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("Someone else changed this stage at the same time. Reload it and try again.");
        }
        return ToDto(stage);
    }

    private void EnsureAdmin()
    {
        if (!viewer.SeesAll) throw new ForbiddenException("Only admins can change the pipeline stages.");
    }

    private static async Task ValidateAsync(StewardDbContext db, StageInput input, OpportunityStage? existing, CancellationToken ct)
    {
        input.Name = input.Name?.Trim() ?? "";
        var errors = InputValidation.Annotations(input);
        if (existing is not null && input.Type != existing.Type) errors.Add(nameof(StageInput.Type), "A stage cannot move to another type; add a stage to that type instead.");
        var id = existing?.Id ?? 0;
        var name = input.Name.ToUpperInvariant();
        if (await db.Set<OpportunityStage>().AnyAsync(s => s.Type == input.Type && s.Name.ToUpper() == name && s.Id != id, ct))
        {
            errors.Add(nameof(StageInput.Name), $"{input.Type.Label()} opportunities already have a stage called '{input.Name}'.");
        }
        if (existing is not null && !input.IsActive && existing.IsActive)
        {
            if (existing.Outcome != StageOutcome.Open)
            {
                errors.Add(nameof(StageInput.IsActive), "The won and lost stages cannot be retired: every pipeline needs a way to close.");
            }
            else if (await db.Set<Opportunity>().IgnoreQueryFilters().AnyAsync(o => o.StageId == id && o.ArchivedAt == null, ct))
            {
                errors.Add(nameof(StageInput.IsActive), "Opportunities are still in this stage; move them first.");
            }
            else if (!await db.Set<OpportunityStage>().AnyAsync(s => s.Type == existing.Type && s.Outcome == StageOutcome.Open && s.IsActive && s.Id != id, ct))
            {
                errors.Add(nameof(StageInput.IsActive), "This is the type's last open stage.");
            }
        }
        errors.ThrowIfAny();
    }

    private static StageDto ToDto(OpportunityStage s) => new(s.Id, s.Type, s.Name, s.Position, s.Probability, s.Outcome, s.IsActive, s.Version);
}
