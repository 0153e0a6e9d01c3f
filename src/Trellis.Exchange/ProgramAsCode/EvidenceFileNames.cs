using System.Text;

namespace Trellis.Exchange.ProgramAsCode;

/// <summary>Turns an evidence file's original name into a portable file name for an exported program folder.</summary>
public static class EvidenceFileNames
{
    private const int MaxLength = 100;

    /// <summary>
    /// The last path segment of <paramref name="fileName"/> with every character other than ASCII letters, digits,
    /// '.', '-' and '_' replaced by '_', leading dots removed (no hidden files), at most 100 characters keeping
    /// the extension, then <see cref="Trellis.Core.Common.FileNames.Clean"/> (no trailing dots, no device names); <c>file</c>
    /// when nothing is left.
    /// </summary>
    public static string Sanitize(string? fileName)
    {
        var name = fileName ?? "";
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        var clean = sb.ToString().TrimStart('.');
        if (clean.Length > MaxLength)
        {
            var dot = clean.LastIndexOf('.');
            var extension = dot > 0 && clean.Length - dot <= 16 ? clean[dot..] : "";
            clean = clean[..(MaxLength - extension.Length)] + extension;
        }

        return Trellis.Core.Common.FileNames.Clean(clean, "file"); // device names (CON, NUL...) and trailing dots too
    }
}
