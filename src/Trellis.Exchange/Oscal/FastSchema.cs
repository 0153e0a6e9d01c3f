using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Trellis.Exchange.Oscal;

/// <summary>
/// A one-pass "is it valid?" check compiled from the same OSCAL schema branch that <c>JsonSchema.Net</c> evaluates
/// (issue 18, item 5: schema validation was 70 % of an OSCAL import). It understands exactly the draft-07 keywords the
/// OSCAL schemas use — <c>type</c>, <c>properties</c>, <c>required</c>, <c>additionalProperties: false</c>,
/// <c>items</c>, <c>minItems</c>, <c>$ref</c> (siblings ignored, as draft-07 says), <c>enum</c> of strings,
/// <c>pattern</c>, <c>format</c>, <c>minimum</c>, <c>anyOf</c>, <c>allOf</c>, <c>oneOf</c> — and is conservative:
/// "valid" only when it is sure; anything it is not sure of (a format it cannot confirm, a number it cannot compare, a
/// keyword it does not know at build time) answers "not sure", and the caller then asks <c>JsonSchema.Net</c>, whose
/// answer and error message stand. So the fast check can only make valid documents faster, never change a verdict
/// (<c>FastSchemaTests</c> compares both on the OSCAL examples and thousands of mutations of them).
/// </summary>
internal sealed partial class FastSchema
{
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "$comment", "title", "description", "contentEncoding", "definitions",
    };

    private readonly Node _root;

    private FastSchema(Node root) => _root = root;

    /// <summary>Compiles the schema, or null when it uses a keyword this check does not understand.</summary>
    public static FastSchema? Compile(JsonObject schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var compiler = new Compiler(schema);
        try
        {
            return new FastSchema(compiler.Compile(schema));
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>True only when the document is certainly valid; false means "ask the full validator".</summary>
    public bool IsCertainlyValid(JsonElement document)
    {
        try
        {
            return _root.Check(document);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    [Flags]
    private enum Kinds
    {
        None = 0,
        Object = 1,
        Array = 2,
        String = 4,
        Number = 8,
        Integer = 16,
        Boolean = 32,
        Null = 64,
    }

    private sealed class Node
    {
        public Kinds Types { get; set; }

        public Dictionary<string, Node>? Properties { get; set; }

        public string[] Required { get; set; } = [];

        public bool ClosedObject { get; set; }

        public Node? Items { get; set; }

        public int MinItems { get; set; }

        public Node? Ref { get; set; }

        public Node[] AnyOf { get; set; } = [];

        public Node[] AllOf { get; set; } = [];

        public Node[] OneOf { get; set; } = [];

        public HashSet<string>? Enum { get; set; }

        public Regex? Pattern { get; set; }

        public string? Format { get; set; }

        public decimal? Minimum { get; set; }

        public bool Check(JsonElement e)
        {
            if (Ref is not null)
            {
                return Ref.Check(e); // draft-07: every keyword beside $ref is ignored
            }

            if (Types != Kinds.None && !HasType(e))
            {
                return false;
            }

            switch (e.ValueKind)
            {
                case JsonValueKind.Object when !CheckObject(e):
                case JsonValueKind.Array when !CheckArray(e):
                case JsonValueKind.String when !CheckString(e):
                case JsonValueKind.Number when Minimum is { } min && !(e.TryGetDecimal(out var d) && d >= min):
                    return false;
            }

            if (Enum is not null && !(e.ValueKind == JsonValueKind.String && Enum.Contains(e.GetString()!)))
            {
                return false;
            }

            foreach (var all in AllOf)
            {
                if (!all.Check(e))
                {
                    return false;
                }
            }

            if (AnyOf.Length > 0 && !AnyOf.Any(a => a.Check(e)))
            {
                return false;
            }

            // Exactly one: with several branches a "not sure" one might also match, so only a single branch is ever sure.
            return OneOf.Length switch
            {
                0 => true,
                1 => OneOf[0].Check(e),
                _ => false,
            };
        }

        private bool HasType(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Object => Types.HasFlag(Kinds.Object),
            JsonValueKind.Array => Types.HasFlag(Kinds.Array),
            JsonValueKind.String => Types.HasFlag(Kinds.String),
            JsonValueKind.True or JsonValueKind.False => Types.HasFlag(Kinds.Boolean),
            JsonValueKind.Null => Types.HasFlag(Kinds.Null),
            // An integer for certain: digits only (no fraction, no exponent) that fit in 64 bits.
            JsonValueKind.Number => Types.HasFlag(Kinds.Number)
                || Types.HasFlag(Kinds.Integer) && e.TryGetInt64(out _) && e.GetRawText().All(c => c is '-' or (>= '0' and <= '9')),
            _ => false,
        };

        private bool CheckObject(JsonElement e)
        {
            foreach (var name in Required)
            {
                if (!e.TryGetProperty(name, out _))
                {
                    return false;
                }
            }

            if (Properties is null)
            {
                return !ClosedObject || !e.EnumerateObject().Any();
            }

            foreach (var property in e.EnumerateObject())
            {
                if (Properties.TryGetValue(property.Name, out var schema))
                {
                    if (!schema.Check(property.Value))
                    {
                        return false;
                    }
                }
                else if (ClosedObject)
                {
                    return false;
                }
            }

            return true;
        }

        private bool CheckArray(JsonElement e)
        {
            if (e.GetArrayLength() < MinItems)
            {
                return false;
            }

            if (Items is not null)
            {
                foreach (var item in e.EnumerateArray())
                {
                    if (!Items.Check(item))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private bool CheckString(JsonElement e)
        {
            if (Pattern is null && Format is null)
            {
                return true;
            }

            var s = e.GetString()!;
            return (Pattern is null || Pattern.IsMatch(s)) && (Format is null || SurelyFormat(Format, s));
        }
    }

    // Only forms every reading of the format accepts; anything else is "not sure".
    private static bool SurelyFormat(string format, string s) => format switch
    {
        "date-time" => PlainDateTime().IsMatch(s) && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "email" => SimpleEmail().IsMatch(s),
        "uri" => PlainUri().IsMatch(s) && Uri.TryCreate(s, UriKind.Absolute, out _),
        "uri-reference" => PlainUriReference().IsMatch(s) && Uri.TryCreate(s, UriKind.RelativeOrAbsolute, out _),
        _ => false,
    };

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,7})?(Z|[+\-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainDateTime();

    [GeneratedRegex(@"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex SimpleEmail();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainUri();

    [GeneratedRegex(@"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainUriReference();

    // Builds one node per schema object; $ref targets are compiled once and shared (recursion through them is fine).
    private sealed class Compiler(JsonObject root)
    {
        private readonly Dictionary<string, Node> _definitions = new(StringComparer.Ordinal);

        public Node Compile(JsonNode? schema)
        {
            if (schema is not JsonObject s)
            {
                throw new NotSupportedException("boolean or non-object schema");
            }

            var node = new Node();
            foreach (var (key, value) in s)
            {
                switch (key)
                {
                    case "$ref":
                        node.Ref = Definition(value!.GetValue<string>());
                        break;
                    case "type":
                        node.Types = value is JsonArray many ? many.Aggregate(Kinds.None, (k, t) => k | KindOf(t!.GetValue<string>())) : KindOf(value!.GetValue<string>());
                        break;
                    case "properties":
                        node.Properties = value!.AsObject().ToDictionary(p => p.Key, p => Compile(p.Value), StringComparer.Ordinal);
                        break;
                    case "required":
                        node.Required = [.. value!.AsArray().Select(r => r!.GetValue<string>())];
                        break;
                    case "additionalProperties":
                        node.ClosedObject = value is JsonValue v && v.GetValueKind() == JsonValueKind.False
                            ? true
                            : throw new NotSupportedException("additionalProperties other than false");
                        break;
                    case "items":
                        node.Items = Compile(value);
                        break;
                    case "minItems":
                        node.MinItems = value!.GetValue<int>();
                        break;
                    case "anyOf":
                        node.AnyOf = [.. value!.AsArray().Select(Compile)];
                        break;
                    case "allOf":
                        node.AllOf = [.. value!.AsArray().Select(Compile)];
                        break;
                    case "oneOf":
                        node.OneOf = [.. value!.AsArray().Select(Compile)];
                        break;
                    case "enum":
                        node.Enum = value!.AsArray().Select(x => x is JsonValue t && t.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : throw new NotSupportedException("enum of non-strings"))
                            .ToHashSet(StringComparer.Ordinal);
                        break;
                    case "pattern":
                        node.Pattern = new Regex(value!.GetValue<string>(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                        break;
                    case "format":
                        node.Format = value!.GetValue<string>();
                        break;
                    case "minimum":
                        node.Minimum = value!.GetValue<decimal>();
                        break;
                    default:
                        if (!Annotations.Contains(key))
                        {
                            throw new NotSupportedException($"keyword {key}");
                        }

                        break;
                }
            }

            return node;
        }

        private Node Definition(string reference)
        {
            const string Prefix = "#/definitions/";
            if (!reference.StartsWith(Prefix, StringComparison.Ordinal))
            {
                throw new NotSupportedException($"$ref {reference}");
            }

            var name = reference[Prefix.Length..];
            if (_definitions.TryGetValue(name, out var known))
            {
                return known;
            }

            // A placeholder first, so a definition that refers to itself (parts within parts) finds it.
            var placeholder = new Node();
            _definitions[name] = placeholder;
            var compiled = Compile(root["definitions"]?[name] ?? throw new NotSupportedException($"$ref {reference} has no definition"));
            placeholder.Ref = compiled;
            return placeholder;
        }

        private static Kinds KindOf(string type) => type switch
        {
            "object" => Kinds.Object,
            "array" => Kinds.Array,
            "string" => Kinds.String,
            "number" => Kinds.Number,
            "integer" => Kinds.Integer,
            "boolean" => Kinds.Boolean,
            "null" => Kinds.Null,
            _ => throw new NotSupportedException($"type {type}"),
        };
    }
}
