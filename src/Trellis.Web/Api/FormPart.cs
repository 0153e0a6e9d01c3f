using System.Text.RegularExpressions;

namespace Trellis.Web.Api;

/// <summary>
/// Reads <c>name</c> and <c>filename</c> (or RFC 5987 <c>filename*</c>) from a multipart part's Content-Disposition,
/// leniently: clients send file names with characters a strict header parser rejects, and the name is sanitized
/// afterwards anyway.
/// </summary>
internal static partial class FormPart
{
    public static (string? Name, string? FileName) Parse(string? disposition)
    {
        if (disposition is null || !disposition.TrimStart().StartsWith("form-data", StringComparison.OrdinalIgnoreCase))
        {
            return (null, null);
        }

        var name = Name().Match(disposition) is { Success: true } n ? n.Groups[1].Value : null;
        var star = FileNameStar().Match(disposition);
        var plain = FileName().Match(disposition);
        var file = star.Success ? Uri.UnescapeDataString(star.Groups[1].Value)
            : plain.Success ? plain.Groups[1].Value.Length > 0 ? plain.Groups[1].Value : plain.Groups[2].Value
            : null;
        return (name, file);
    }

    [GeneratedRegex("""(?:^|;)\s*name\s*=\s*"?([^";]*)"?""", RegexOptions.IgnoreCase)]
    private static partial Regex Name();

    [GeneratedRegex("""(?:^|;)\s*filename\s*=\s*(?:"([^"]*)"|([^;]*))""", RegexOptions.IgnoreCase)]
    private static partial Regex FileName();

    [GeneratedRegex("""(?:^|;)\s*filename\*\s*=\s*[^']*'[^']*'([^;]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex FileNameStar();
}
