using System.Globalization;
using System.Text;

namespace Trellis.Core.Common;

/// <summary>
/// The one rule for a file name that comes from outside (an upload, a CLI argument, program.yaml) before it is
/// stored, shown, or put in a Content-Disposition header (issue 14, hole G).
/// </summary>
public static class FileNames
{
    /// <summary>The longest file name kept, in UTF-16 code units: 120.</summary>
    public const int MaxLength = 120;

    // Windows device names: "CON", "con.txt" and "CON .tar.gz" all open the device, whatever follows the first dot.
    private static readonly HashSet<string> DeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>
    /// A file name safe to store, to show and to send: the last path segment (after either slash), in Unicode
    /// normalization form C, without control characters (Cc), format characters (Cf: the bidirectional overrides
    /// such as U+202E that make <c>evil\u202Efdp.exe</c> display as <c>evilexe.pdf</c>, zero-width characters,
    /// the byte-order mark), line and paragraph separators, lone surrogates, and the characters Windows reserves
    /// (<c>&lt; &gt; : " | ? *</c>); without leading dots (no hidden files) or leading spaces, trailing dots or
    /// spaces (Windows drops them, so two names would meet); a Windows device name (<c>CON</c>, <c>PRN</c>,
    /// <c>AUX</c>, <c>NUL</c>, <c>COM0</c>–<c>COM9</c>, <c>LPT0</c>–<c>LPT9</c>, with or without an extension)
    /// prefixed with <c>_</c>; at most <see cref="MaxLength"/> characters, keeping an extension of up to 10
    /// characters. <paramref name="fallback"/> when nothing is left.
    /// </summary>
    /// <param name="name">The name as received; may be null.</param>
    /// <param name="fallback">The name used when nothing of <paramref name="name"/> is left. The default is <c>file</c>.</param>
    public static string Clean(string? name, string fallback = "file")
    {
        var last = (name ?? "").Replace('\\', '/').Split('/')[^1];
        string normalized;
        try
        {
            normalized = last.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            normalized = last; // lone surrogates cannot be normalized; they are removed below
        }

        var sb = new StringBuilder(normalized.Length);
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            if (char.IsHighSurrogate(c) && i + 1 < normalized.Length && char.IsLowSurrogate(normalized[i + 1]))
            {
                if (Keep(CharUnicodeInfo.GetUnicodeCategory(normalized, i)))
                {
                    sb.Append(c).Append(normalized[i + 1]);
                }

                i++;
            }
            else if (!char.IsSurrogate(c) && Keep(CharUnicodeInfo.GetUnicodeCategory(c)) && "<>:\"|?*".IndexOf(c, StringComparison.Ordinal) < 0)
            {
                sb.Append(c);
            }
        }

        var clean = Trim(sb.ToString());
        if (clean.Length > MaxLength)
        {
            var ext = Path.GetExtension(clean);
            var keep = ext.Length is > 0 and <= 10 ? MaxLength - ext.Length : MaxLength;
            if (char.IsHighSurrogate(clean[keep - 1]))
            {
                keep--; // never cut a surrogate pair in half
            }

            clean = Trim(clean[..keep] + (ext.Length is > 0 and <= 10 ? ext : ""));
        }

        if (clean.Length == 0)
        {
            return fallback;
        }

        var stem = clean.Split('.')[0].TrimEnd(' ');
        return DeviceNames.Contains(stem) ? "_" + clean : clean;
    }

    private static bool Keep(UnicodeCategory category) => category is not (UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned);

    private static string Trim(string text)
    {
        string before;
        do
        {
            before = text;
            text = text.Trim().Trim('.');
        }
        while (text.Length != before.Length);

        return text;
    }
}
