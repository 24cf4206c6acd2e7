namespace Steward.Features.Playbooks;

/// <summary>
/// The templates Steward ships, embedded as JSON (Templates/*.json, the same format as export):
/// seed 003's 20-step "Account management" with its four gates, seed 002's seven-step key account
/// management process, and the sales-to-account-management handoff.
/// </summary>
public static class ShippedTemplates
{
    private static readonly Lazy<IReadOnlyList<PlaybookDefinition>> Loaded = new(Load);

    public static IReadOnlyList<PlaybookDefinition> All => Loaded.Value;

    private static IReadOnlyList<PlaybookDefinition> Load()
    {
        var assembly = typeof(ShippedTemplates).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Playbooks.Templates.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                var definition = PlaybookDefinition.Parse(reader.ReadToEnd());
                definition.Validate();
                return definition;
            }).ToList();
    }
}
