using System.Text.Json;

namespace Trellis.Collectors.Checks;

/// <summary>One check's outcome on one run.</summary>
/// <param name="Id">The check's ID (<c>check-1</c>, …).</param>
/// <param name="Text">The check as written.</param>
/// <param name="Passed">True when the observed value satisfies it.</param>
/// <param name="Detail">What was found, in words: the value at the pointer, or that there was none.</param>
public sealed record CheckResult(string Id, string Text, bool Passed, string Detail)
{
    /// <summary>Evaluates <paramref name="check"/> on <paramref name="document"/>.</summary>
    public static CheckResult Evaluate(CollectorCheck check, JsonElement document)
    {
        ArgumentNullException.ThrowIfNull(check);
        var found = JsonPointer.Resolve(document, check.Pointer);
        var where = check.Pointer.Length == 0 ? "the document" : check.Pointer;
        if (found is not { } value)
        {
            return new CheckResult(check.Id, check.Text, check.Operator == CheckOperator.NotEqual, $"{where} is missing");
        }

        var shown = Show(value);
        var passed = check.Operator switch
        {
            CheckOperator.Exists => true,
            CheckOperator.Equal => Same(value, check.Operand!.Value),
            CheckOperator.NotEqual => !Same(value, check.Operand!.Value),
            _ => Compare(value, check.Operand!.Value, check.Operator),
        };
        var detail = check.Operator is not (CheckOperator.Equal or CheckOperator.NotEqual or CheckOperator.Exists) && value.ValueKind != JsonValueKind.Number
            ? $"{where} is {shown}, not a number"
            : $"{where} is {shown}";
        return new CheckResult(check.Id, check.Text, passed, detail);
    }

    private static bool Compare(JsonElement value, JsonElement operand, CheckOperator op)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var a) || !operand.TryGetDecimal(out var b))
        {
            return false;
        }

        return op switch
        {
            CheckOperator.Less => a < b,
            CheckOperator.LessOrEqual => a <= b,
            CheckOperator.Greater => a > b,
            _ => a >= b,
        };
    }

    // Numbers compare by value (1 == 1.0), which JsonElement.DeepEquals does not do for different spellings.
    private static bool Same(JsonElement a, JsonElement b) =>
        a.ValueKind == JsonValueKind.Number && b.ValueKind == JsonValueKind.Number && a.TryGetDecimal(out var x) && b.TryGetDecimal(out var y)
            ? x == y
            : JsonElement.DeepEquals(a, b);

    private static string Show(JsonElement e)
    {
        var raw = e.GetRawText();
        return raw.Length <= 200 ? raw : raw[..200] + "…";
    }
}
