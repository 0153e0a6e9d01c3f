using System.Globalization;
using System.Text.Json;
using Trellis.Core.Common;

namespace Trellis.Collectors.Checks;

/// <summary>How a check compares the value found at its pointer.</summary>
public enum CheckOperator
{
    /// <summary><c>==</c>: equal JSON values (numbers by value, strings ordinally).</summary>
    Equal,

    /// <summary><c>!=</c>: not equal (a missing value is not equal).</summary>
    NotEqual,

    /// <summary><c>&lt;</c>: both numbers, the found one smaller.</summary>
    Less,

    /// <summary><c>&lt;=</c>.</summary>
    LessOrEqual,

    /// <summary><c>&gt;</c>.</summary>
    Greater,

    /// <summary><c>&gt;=</c>.</summary>
    GreaterOrEqual,

    /// <summary><c>exists</c>: the pointer names a value (null counts); takes no operand.</summary>
    Exists,
}

/// <summary>
/// One assertion on what a collector observed: <c>JSON-POINTER OP VALUE</c> (RFC 6901 pointer, an operator of
/// <see cref="CheckOperator"/>, and a JSON literal — a bare word is read as a string). For json-api it runs on the
/// response body. A failed check is an exception on the collector's controls (docs/collectors.md).
/// </summary>
/// <param name="Id">Stable ID within the collector: <c>check-1</c>, <c>check-2</c>, … in the order given.</param>
/// <param name="Text">The check as written, for messages.</param>
/// <param name="Pointer">The JSON Pointer (RFC 6901); empty names the whole document.</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Operand">The value compared against; null for <see cref="CheckOperator.Exists"/>.</param>
public sealed record CollectorCheck(string Id, string Text, string Pointer, CheckOperator Operator, JsonElement? Operand)
{
    private static readonly (string Symbol, CheckOperator Op)[] Symbols =
    [
        ("==", CheckOperator.Equal), ("!=", CheckOperator.NotEqual), ("<=", CheckOperator.LessOrEqual),
        (">=", CheckOperator.GreaterOrEqual), ("<", CheckOperator.Less), (">", CheckOperator.Greater), ("exists", CheckOperator.Exists),
    ];

    /// <summary>The operator's spelling in a check.</summary>
    public static string Symbol(CheckOperator op) => Symbols.First(s => s.Op == op).Symbol;

    /// <summary>
    /// Parses the <paramref name="index"/>-th check (1-based) of a collector. Errors are <c>invalid-check</c> and name the
    /// check, its text and the character position (1-based) of the problem.
    /// </summary>
    public static Result<CollectorCheck> Parse(string? text, int index)
    {
        var id = "check-" + index.ToString(CultureInfo.InvariantCulture);
        var s = text ?? "";
        Error Bad(int position, string why) =>
            new(ErrorCodes.InvalidCheck, $"check {index} ('{s}'), position {position}: {why}", $"checks[{index - 1}]");

        var start = 0;
        while (start < s.Length && char.IsWhiteSpace(s[start]))
        {
            start++;
        }

        if (start == s.Length)
        {
            return Bad(1, "empty check; write 'JSON-POINTER OP VALUE', e.g. '/status == \"ok\"'");
        }

        var end = start;
        while (end < s.Length && !char.IsWhiteSpace(s[end]))
        {
            end++;
        }

        var pointer = s[start..end];
        if (pointer.Length > 0 && pointer[0] != '/')
        {
            return Bad(start + 1, $"'{pointer}' is not a JSON Pointer: it must start with '/' (RFC 6901)");
        }

        if (JsonPointer.Check(pointer) is { } badEscape)
        {
            return Bad(start + 1 + badEscape, "'~' must be followed by 0 or 1 in a JSON Pointer (RFC 6901)");
        }

        var opStart = end;
        while (opStart < s.Length && char.IsWhiteSpace(s[opStart]))
        {
            opStart++;
        }

        if (opStart == s.Length)
        {
            return Bad(opStart + 1, "missing operator: one of ==, !=, <, <=, >, >=, exists");
        }

        var opEnd = opStart;
        while (opEnd < s.Length && !char.IsWhiteSpace(s[opEnd]))
        {
            opEnd++;
        }

        var opText = s[opStart..opEnd];
        var found = Symbols.Where(x => x.Symbol == opText).Select(x => (CheckOperator?)x.Op).FirstOrDefault();
        if (found is not { } op)
        {
            return Bad(opStart + 1, $"unknown operator '{opText}': one of ==, !=, <, <=, >, >=, exists");
        }

        var rest = s[opEnd..].Trim();
        if (op == CheckOperator.Exists)
        {
            return rest.Length == 0
                ? new CollectorCheck(id, s.Trim(), pointer, op, null)
                : Bad(opEnd + 2, "'exists' takes no value");
        }

        if (rest.Length == 0)
        {
            return Bad(s.Length + 1, $"missing value after '{opText}'");
        }

        var operand = Literal(rest);
        if (op is not (CheckOperator.Equal or CheckOperator.NotEqual) && operand.ValueKind != JsonValueKind.Number)
        {
            return Bad(s.IndexOf(rest, opEnd, StringComparison.Ordinal) + 1, $"'{opText}' compares numbers; '{rest}' is not a number");
        }

        return new CollectorCheck(id, s.Trim(), pointer, op, operand);
    }

    // A JSON literal (number, string in quotes, true, false, null, object, array); anything else is a bare string.
    private static JsonElement Literal(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            using var doc = JsonDocument.Parse(JsonSerializer.Serialize(text));
            return doc.RootElement.Clone();
        }
    }
}
