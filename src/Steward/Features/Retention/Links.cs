using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Steward.Features.Retention;

/// <summary>Turns a list query (the filter behind a figure) into the address of the page that lists those records.</summary>
public static class Links
{
    public static string To(string path, object query)
    {
        var values = new Dictionary<string, string?>();
        foreach (var property in query.GetType().GetProperties())
        {
            var value = property.GetValue(query);
            if (value is null || property.Name is "Page" or "PageSize") continue;
            values[JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = value switch
            {
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                bool b => b ? "true" : "false",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
        }
        return QueryHelpers.AddQueryString(path, values);
    }

    public static T? Enum<T>(string? text) where T : struct, System.Enum =>
        System.Enum.TryParse<T>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) ? value : null;
}
