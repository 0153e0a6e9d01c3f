using System.Globalization;
using System.Text;

namespace Trellis.Core.Common;

/// <summary>
/// The one syntax of the IDs people give things in a program: controls, evidence, risks, findings, engagements
/// (docs/program-as-code.md, "IDs"). ASCII letters, digits, <c>-</c>, <c>_</c> and <c>.</c>, starting with a letter
/// or digit, 1 to <see cref="MaxLength"/> characters; two IDs that differ only in case name the same thing
/// (<see cref="Comparer"/>). Issue 14, hole H: <c>ac-01</c>, <c>AC-01</c> followed by a zero-width space, a Cyrillic
/// <c>АС-01</c> and <c>"AC-01 "</c> were five different controls that all read "AC-01".
/// </summary>
public static class Ids
{
    /// <summary>The longest ID: 64 characters.</summary>
    public const int MaxLength = 64;

    /// <summary>The rule, as error messages and docs state it.</summary>
    public const string Rule = "use ASCII letters, digits, '-', '_' and '.', starting with a letter or digit, at most 64 characters";

    /// <summary>How IDs are compared for uniqueness: ordinal, ignoring case.</summary>
    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    /// <summary>True when <paramref name="id"/> follows the syntax.</summary>
    public static bool IsValid(string? id) =>
        id is { Length: > 0 and <= MaxLength } && char.IsAsciiLetterOrDigit(id[0]) && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>
    /// Null when <paramref name="id"/> follows the syntax, else <c>invalid-id</c> located at <paramref name="field"/>,
    /// naming the ID with every character outside printable ASCII written as <c>U+XXXX</c> (so an invisible one shows).
    /// </summary>
    /// <param name="id">The ID given.</param>
    /// <param name="field">Where it was given (a request field or a program path), the error's location.</param>
    /// <param name="what">What it identifies, e.g. <c>control</c>.</param>
    public static Error? Check(string? id, string field, string what) =>
        IsValid(id) ? null : new Error(ErrorCodes.InvalidId, $"{what} ID '{Visible(id)}' is not valid: {Rule}", field);

    /// <summary><paramref name="id"/> with every character outside printable ASCII written as <c>&lt;U+XXXX&gt;</c>.</summary>
    public static string Visible(string? id)
    {
        var sb = new StringBuilder();
        foreach (var rune in (id ?? "").EnumerateRunes())
        {
            if (rune.Value is >= 0x20 and < 0x7F)
            {
                sb.Append((char)rune.Value);
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"<U+{rune.Value:X4}>");
            }
        }

        return sb.ToString();
    }

    /// <summary>The ID among <paramref name="existing"/> that <paramref name="id"/> equals ignoring case but not exactly; null when none.</summary>
    public static string? CaseTwin(string id, IEnumerable<string> existing) =>
        existing.FirstOrDefault(e => !string.Equals(e, id, StringComparison.Ordinal) && string.Equals(e, id, StringComparison.OrdinalIgnoreCase));

    /// <summary><c>duplicate-id</c>: <paramref name="id"/> would be a second <paramref name="what"/> beside <paramref name="twin"/>.</summary>
    public static Error Duplicate(string what, string id, string twin, string field) =>
        new(ErrorCodes.DuplicateId, $"{what} ID '{id}' is taken: the existing {what} '{twin}' has the same ID (IDs are compared ignoring case)", field);
}
