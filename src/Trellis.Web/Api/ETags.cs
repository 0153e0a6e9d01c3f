using System.Globalization;
using Microsoft.AspNetCore.Http;
using Trellis.Core.Common;

namespace Trellis.Web.Api;

/// <summary>
/// Optimistic concurrency on the wire: a resource's ETag is its stored version (<c>"3"</c>); an update sends it
/// back in <c>If-Match</c>. A stale one is refused with 412; an update of an existing resource without one with 428.
/// </summary>
public static class ETags
{
    /// <summary>The ETag of a version.</summary>
    public static string Of(int version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>The version in <c>If-Match</c>: null when absent; an error when it is not one of our ETags.</summary>
    public static Result<int?> IfMatch(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0)
        {
            return Result<int?>.Ok(null);
        }

        var text = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        return text.Length > 2 && text[0] == '"' && text[^1] == '"' && int.TryParse(text[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? Result<int?>.Ok(v)
            : new Error(ErrorCodes.InvalidIfMatch, $"If-Match must be one ETag this API returned, like \"3\", not {header}", "If-Match");
    }
}
