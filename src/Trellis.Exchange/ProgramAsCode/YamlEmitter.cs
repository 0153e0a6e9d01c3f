using System.Globalization;
using System.Text;

namespace Trellis.Exchange.ProgramAsCode;

/// <summary>A node to emit: text (quoted as needed), a token known to be safe as written, a mapping or a sequence.</summary>
internal abstract record YNode;

/// <summary>Arbitrary text; emitted so that any YAML 1.2 reader returns exactly the same string.</summary>
internal sealed record YText(string Value) : YNode;

/// <summary>A number, boolean, calendar date or instant, written as is.</summary>
internal sealed record YToken(string Token) : YNode
{
    public static YToken Of(long n) => new(n.ToString(CultureInfo.InvariantCulture));

    public static YToken Of(bool b) => new(b ? "true" : "false");

    public static YToken Of(DateOnly d) => new(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}

/// <summary>A mapping with keys in the order given.</summary>
internal sealed record YMap(IReadOnlyList<KeyValuePair<string, YNode>> Entries) : YNode;

/// <summary>A sequence.</summary>
internal sealed record YSeq(IReadOnlyList<YNode> Items) : YNode;

/// <summary>
/// Writes block-style YAML deterministically: two-space indentation, LF newlines, keys in the order given, strings
/// plain only when no YAML reader could read them as anything else (number, boolean, null, date, indicator),
/// otherwise double-quoted with escapes, or as a literal block when multi-line text survives one unchanged.
/// </summary>
internal static class YamlEmitter
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "true", "false", "on", "off", "null",
    };

    private static readonly string PlainPunctuation = " _-./(),'+&@%";

    public static string Emit(YMap root)
    {
        var sb = new StringBuilder();
        WriteMap(sb, root, 0, firstInline: false);
        return sb.ToString();
    }

    private static void WriteMap(StringBuilder sb, YMap map, int indent, bool firstInline)
    {
        for (var i = 0; i < map.Entries.Count; i++)
        {
            var (key, value) = map.Entries[i];
            if (i > 0 || !firstInline)
            {
                sb.Append(' ', indent);
            }

            sb.Append(key).Append(':');
            WriteValue(sb, value, indent);
        }
    }

    // Writes what follows "key:" or "- "; column is where the key or dash starts.
    private static void WriteValue(StringBuilder sb, YNode node, int column)
    {
        switch (node)
        {
            case YText t:
                sb.Append(' ').Append(Format(t.Value, column)).Append('\n');
                break;
            case YToken k:
                sb.Append(' ').Append(k.Token).Append('\n');
                break;
            case YMap { Entries.Count: 0 }:
                sb.Append(" {}\n");
                break;
            case YMap m:
                sb.Append('\n');
                WriteMap(sb, m, column + 2, firstInline: false);
                break;
            case YSeq { Items.Count: 0 }:
                sb.Append(" []\n");
                break;
            case YSeq s:
                sb.Append('\n');
                foreach (var item in s.Items)
                {
                    sb.Append(' ', column + 2).Append('-');
                    if (item is YMap { Entries.Count: > 0 } im)
                    {
                        sb.Append(' ');
                        WriteMap(sb, im, column + 4, firstInline: true);
                    }
                    else
                    {
                        WriteValue(sb, item, column + 2);
                    }
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(node));
        }
    }

    /// <summary>The text as a YAML scalar whose node starts at <paramref name="column"/> (for block indentation).</summary>
    internal static string Format(string text, int column)
    {
        if (IsPlainSafe(text))
        {
            return text;
        }

        return IsLiteralSafe(text) ? Literal(text, column) : DoubleQuoted(text);
    }

    private static bool IsPlainSafe(string text)
    {
        if (text.Length == 0 || !char.IsAsciiLetter(text[0]) || text[^1] == ' ' || Reserved.Contains(text))
        {
            return false;
        }

        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            var ok = (char.IsLetterOrDigit(c) && !char.IsSurrogate(c))
                || (PlainPunctuation.Contains(c, StringComparison.Ordinal) && !(c == ' ' && text[i - 1] == ' '))
                || (c == ':' && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]));
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    // A literal block keeps every character of multi-line text that has no trailing spaces, tabs or
    // unprintable characters, and ends with at most one line break.
    private static bool IsLiteralSafe(string text)
    {
        if (!text.Contains('\n', StringComparison.Ordinal) || text.StartsWith('\n') || text.EndsWith("\n\n", StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                if (i > 0 && text[i - 1] == ' ')
                {
                    return false;
                }

                continue;
            }

            if (NeedsEscape(text, i))
            {
                return false;
            }
        }

        return !text.EndsWith(' ');
    }

    private static string Literal(string text, int column)
    {
        // Explicit indentation (|2) so a first line that starts with spaces keeps them; strip (-) or clip
        // chomping gives back exactly zero or one final line break.
        var body = text.EndsWith('\n') ? text[..^1] : text;
        var sb = new StringBuilder(text.EndsWith('\n') ? "|2" : "|2-");
        foreach (var line in body.Split('\n'))
        {
            sb.Append('\n');
            if (line.Length > 0)
            {
                sb.Append(' ', column + 2).Append(line);
            }
        }

        return sb.ToString();
    }

    private static string DoubleQuoted(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                default:
                    if (NeedsEscape(text, i))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    // Characters YAML does not allow raw, reads as line breaks (NEL, LS, PS), or strips (BOM), and lone surrogates.
    private static bool NeedsEscape(string text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        }

        if (char.IsLowSurrogate(c))
        {
            return i == 0 || !char.IsHighSurrogate(text[i - 1]);
        }

        return c < 0x20 || c is (>= '\u007F' and <= '\u009F') or '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF';
    }
}
