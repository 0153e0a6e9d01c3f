using System.Globalization;
using System.Text;

namespace Trellis.Exchange.Reports.Writers;

/// <summary>Text handling shared by the writers: characters no format can carry, and date formats.</summary>
internal static class ReportText
{
    /// <summary>
    /// Replaces characters that XML (XLSX, HTML) and fonts cannot carry with U+FFFD: C0 controls other than tab,
    /// line feed and carriage return, U+FFFE/U+FFFF, and unpaired surrogates. Null becomes empty.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (!NeedsCleaning(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else
            {
                sb.Append(IsBad(c) ? '\uFFFD' : c);
            }
        }

        return sb.ToString();
    }

    /// <summary>A calendar date as ISO 8601 (<c>2026-11-27</c>).</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An optional date; empty when null.</summary>
    public static string Date(DateOnly? date) => date is { } d ? Date(d) : string.Empty;

    /// <summary>An instant in UTC, to the minute (<c>2026-11-27 14:05 UTC</c>).</summary>
    public static string Instant(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>An integer with invariant formatting.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool NeedsCleaning(string text)
    {
        foreach (var c in text)
        {
            if (IsBad(c) || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBad(char c) =>
        (c < ' ' && c is not '\t' and not '\n' and not '\r') || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c);
}
