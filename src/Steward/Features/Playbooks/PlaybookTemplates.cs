using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Infrastructure.Access;
using Steward.Infrastructure.Errors;

namespace Steward.Features.Playbooks;

public sealed record TemplateSummaryDto(int Id, string Key, string Name, string? Description, int CurrentVersion, int Steps, int Gates, bool IsShipped, bool Archived, long Version);

public sealed record TemplateVersionDto(int Number, DateTime CreatedAt, string? CreatedByName);

public sealed record TemplateDto(int Id, string Key, string Name, string? Description, int CurrentVersion, bool IsShipped, bool Archived,
    PlaybookDefinition Definition, IReadOnlyList<TemplateVersionDto> Versions, long Version) : Infrastructure.Http.IVersioned;

/// <summary>
/// Playbook templates: everyone reads them, admins create, edit (each save is a new version),
/// archive, export and import them. The shipped templates (from the seeds) are installed on first use.
/// </summary>
public sealed partial class PlaybookTemplates(IDbContextFactory<StewardDbContext> dbFactory, Viewer viewer, TimeProvider clock)
{
    public async Task<IReadOnlyList<TemplateSummaryDto>> ListAsync(bool includeArchived = false, CancellationToken ct = default)
    {
        await EnsureShippedAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var templates = await db.Set<PlaybookTemplate>().AsNoTracking().Where(t => includeArchived || t.ArchivedAt == null).OrderBy(t => t.Name)
            .Select(t => new { t, Definition = t.Versions.Where(v => v.Number == t.CurrentVersion).Select(v => v.Definition).First() })
            .ToListAsync(ct);
        return templates.Select(x =>
        {
            var definition = PlaybookDefinition.Parse(x.Definition);
            return new TemplateSummaryDto(x.t.Id, x.t.Key, x.t.Name, x.t.Description, x.t.CurrentVersion, definition.Steps.Count,
                definition.Steps.Count(s => s.Kind == StepKind.Approval), x.t.IsShipped, x.t.ArchivedAt != null, x.t.Version);
        }).ToList();
    }

    public async Task<TemplateDto> GetAsync(int id, CancellationToken ct = default)
    {
        await EnsureShippedAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var template = await db.Set<PlaybookTemplate>().AsNoTracking().Include(t => t.Versions).SingleOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new NotFoundException("Playbook template", id);
        var names = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var current = template.Versions.Single(v => v.Number == template.CurrentVersion);
        return new TemplateDto(template.Id, template.Key, template.Name, template.Description, template.CurrentVersion, template.IsShipped,
            template.ArchivedAt != null, PlaybookDefinition.Parse(current.Definition),
            template.Versions.OrderByDescending(v => v.Number).Select(v => new TemplateVersionDto(v.Number, v.CreatedAt, v.CreatedById is null ? null : names.GetValueOrDefault(v.CreatedById))).ToList(),
            template.Version);
    }

    /// <summary>The JSON of one version (default: the current one), as a file people can keep and import elsewhere.</summary>
    public async Task<string> ExportAsync(int id, int? number = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var template = await db.Set<PlaybookTemplate>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("Playbook template", id);
        var wanted = number ?? template.CurrentVersion;
        var json = await db.Set<PlaybookTemplateVersion>().AsNoTracking().Where(v => v.TemplateId == id && v.Number == wanted).Select(v => v.Definition).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("Playbook template version", $"{id}/{wanted}");
        var definition = PlaybookDefinition.Parse(json);
        definition.Key = template.Key;
        return definition.ToJson();
    }

    public async Task<TemplateDto> CreateAsync(PlaybookDefinition definition, CancellationToken ct = default)
    {
        EnsureAdmin();
        definition.Validate();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = Slug(definition.Key ?? definition.Name);
        var baseKey = key;
        for (var i = 2; await db.Set<PlaybookTemplate>().AnyAsync(t => t.Key == key, ct); i++) key = $"{baseKey}-{i}";
        var template = NewTemplate(key, definition, isShipped: false);
        db.Add(template);
        await db.SaveChangesAsync(ct);
        return await GetAsync(template.Id, ct);
    }

    /// <summary>Saves a new version. Runs already started keep the version they started with.</summary>
    public async Task<TemplateDto> UpdateAsync(int id, PlaybookDefinition definition, long? expectedVersion, CancellationToken ct = default)
    {
        EnsureAdmin();
        definition.Validate();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var template = await db.Set<PlaybookTemplate>().SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("Playbook template", id);
        if (expectedVersion is { } v)
        {
            if (template.Version != v) throw new PreconditionFailedException("Someone else changed this template. Nothing was saved; reload it.");
            db.Entry(template).Property(t => t.Version).OriginalValue = v;
        }
        AddVersion(template, definition);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConcurrencyConflictException("Someone else saved this template at the same time. Nothing was saved; reload it.");
        }
        return await GetAsync(id, ct);
    }

    /// <summary>Imports an exported template: a new version of the template with the same key, or a new template.</summary>
    public async Task<TemplateDto> ImportAsync(string json, CancellationToken ct = default)
    {
        EnsureAdmin();
        var definition = PlaybookDefinition.Parse(json);
        await EnsureShippedAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = definition.Key is null ? null : Slug(definition.Key);
        var existing = key is null ? null : await db.Set<PlaybookTemplate>().Where(t => t.Key == key).Select(t => (int?)t.Id).SingleOrDefaultAsync(ct);
        return existing is { } id ? await UpdateAsync(id, definition, null, ct) : await CreateAsync(definition, ct);
    }

    public async Task<TemplateDto> SetArchivedAsync(int id, bool archived, CancellationToken ct = default)
    {
        EnsureAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var template = await db.Set<PlaybookTemplate>().SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("Playbook template", id);
        template.ArchivedAt = archived ? template.ArchivedAt ?? clock.GetUtcNow().UtcDateTime : null;
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Installs the shipped templates that are not in the database yet (by key). Idempotent and safe to race.</summary>
    public async Task EnsureShippedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var present = await db.Set<PlaybookTemplate>().Where(t => t.IsShipped).Select(t => t.Key).ToListAsync(ct);
        var missing = ShippedTemplates.All.Where(d => !present.Contains(d.Key!)).ToList();
        if (missing.Count == 0) return;
        foreach (var definition in missing)
        {
            db.Add(NewTemplate(definition.Key!, definition, isShipped: true));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request installed them at the same moment: the unique key kept one copy.
        }
    }

    private PlaybookTemplate NewTemplate(string key, PlaybookDefinition definition, bool isShipped)
    {
        var template = new PlaybookTemplate { Key = key, IsShipped = isShipped };
        AddVersion(template, definition);
        return template;
    }

    private void AddVersion(PlaybookTemplate template, PlaybookDefinition definition)
    {
        definition.Key = template.Key;
        template.Name = definition.Name;
        template.Description = InputValidation.Clean(definition.Description);
        template.CurrentVersion++;
        template.Versions.Add(new PlaybookTemplateVersion
        {
            Number = template.CurrentVersion,
            Definition = definition.ToJson(),
            CreatedById = viewer.UserId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        // The template row itself must change so its version token guards concurrent saves.
        template.UpdatedAt = clock.GetUtcNow().UtcDateTime;
    }

    private void EnsureAdmin()
    {
        if (!viewer.SeesAll) throw new ForbiddenException("Only admins create, edit and import playbook templates.");
    }

    private static string Slug(string text)
    {
        var slug = SlugPattern().Replace(text.Trim().ToLowerInvariant(), "-").Trim('-');
        return slug.Length == 0 ? "template" : slug[..Math.Min(slug.Length, 50)];
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex SlugPattern();
}
