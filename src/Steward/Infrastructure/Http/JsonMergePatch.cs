using System.Text.Json;
using System.Text.Json.Nodes;
using Steward.Infrastructure.Errors;

namespace Steward.Infrastructure.Http;

/// <summary>
/// RFC 7396 JSON merge patch over an input model: fields present in the patch replace the
/// current values, <c>null</c> clears them, absent fields stay as they are.
/// </summary>
public static class JsonMergePatch
{
    public static T Apply<T>(T current, JsonElement patch) where T : class
    {
        if (patch.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInputException("body", "A PATCH body must be a JSON object with the fields to change.");
        }
        var node = JsonSerializer.SerializeToNode(current, ApiJson.Options)!.AsObject();
        var known = node.Select(p => p.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var errors = new InputErrors();
        foreach (var property in patch.EnumerateObject())
        {
            var key = known.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase));
            if (key is null)
            {
                errors.Add(property.Name, $"'{property.Name}' is not a field that can be changed.");
                continue;
            }
            node[key] = JsonNode.Parse(property.Value.GetRawText());
        }
        errors.ThrowIfAny();
        try
        {
            return node.Deserialize<T>(ApiJson.Options)!;
        }
        catch (JsonException e)
        {
            var field = e.Path?.TrimStart('$', '.') is { Length: > 0 } path ? path : "body";
            throw new InvalidInputException(field, $"'{field}' has a value of the wrong type.");
        }
    }
}

/// <summary>The JSON conventions of the API: camelCase names and enums as strings.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        return options;
    }
}
