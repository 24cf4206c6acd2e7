using Microsoft.Net.Http.Headers;
using Steward.Infrastructure.Errors;

namespace Steward.Infrastructure.Http;

/// <summary>Versions travel as strong ETags (<c>"7"</c>); If-Match makes an update conditional.</summary>
public static class ETags
{
    public static string For(long version) => $"\"{version}\"";

    /// <summary>The version an If-Match header asks for: null when absent or <c>*</c>.</summary>
    public static long? IfMatchVersion(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.IfMatch].ToString().Trim();
        if (header.Length == 0 || header == "*") return null;
        var tag = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        return long.TryParse(tag.Trim('"'), out var version)
            ? version
            : throw new InvalidInputException("If-Match", "The If-Match header must be an ETag from a previous response, like \"3\".");
    }

    public static void Set(HttpResponse response, long version) => response.Headers.ETag = For(version);

    /// <summary>Sets the ETag from the record and returns it, for one-line endpoint bodies.</summary>
    public static T Tagged<T>(HttpResponse response, T record) where T : IVersioned
    {
        Set(response, record.Version);
        return record;
    }
}

/// <summary>A read model that carries its row version, so responses can send it as an ETag.</summary>
public interface IVersioned
{
    long Version { get; }
}
