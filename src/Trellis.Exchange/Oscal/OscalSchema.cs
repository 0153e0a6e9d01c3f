using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Trellis.Core.Common;
using Trellis.Exchange.Json;

namespace Trellis.Exchange.Oscal;

/// <summary>
/// Validates OSCAL JSON against the NIST OSCAL 1.2.1 JSON schemas embedded in this assembly
/// (<c>Oscal/Schemas</c>: the complete schema for catalogs, profiles and the other models, the mapping schema for
/// mapping collections). Each model is checked against its own branch of the schema, so errors point into the
/// document rather than at the schema's top-level <c>oneOf</c>.
/// </summary>
public static class OscalSchema
{
    /// <summary>The OSCAL version of the embedded schemas, and the one Trellis writes.</summary>
    public const string Version = "1.2.1";

    private static readonly ConcurrentDictionary<OscalModel, Lazy<(JsonSchema Full, FastSchema? Fast)>> Schemas = new();

    /// <summary>
    /// Checks <paramref name="document"/> (a whole OSCAL document: <c>{"catalog": …}</c>) as the given model.
    /// Returns null when valid, else the most specific problem: the deepest failing location, with the number of
    /// further problems.
    /// </summary>
    /// <param name="document">The root element of the document.</param>
    /// <param name="model">The model to check it as.</param>
    /// <param name="source">The file name used in the error location.</param>
    public static Error? Validate(JsonElement document, OscalModel model, string source)
    {
        var (schema, fast) = Schemas.GetOrAdd(model, m => new Lazy<(JsonSchema, FastSchema?)>(() => Build(m))).Value;
        // The one-pass check answers for the usual, valid document; anything it is not sure of goes to JsonSchema.Net,
        // whose flag format stops at the first failure and collects nothing.
        if (fast?.IsCertainlyValid(document) == true
            || schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid)
        {
            return null;
        }

        var results = schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });

        var failures = new List<Failure>();
        Collect(results, failures);
        if (failures.Count == 0)
        {
            return new Error(ErrorCodes.OscalSchema, $"not a valid OSCAL {Version} {model.RootName()}", $"{source}:{JsonPaths.Root}");
        }

        // The deepest location is the most specific; branch keywords (anyOf, oneOf) only summarize others.
        var best = failures
            .OrderByDescending(f => Depth(f.Pointer))
            .ThenBy(f => f.Keyword is "anyOf" or "oneOf" or "allOf" ? 1 : 0)
            .First();
        var pointers = failures.Select(f => f.Pointer).Distinct().ToList();
        var more = pointers.Count(p => p != best.Pointer && !pointers.Any(q => q != p && q.StartsWith(p + "/", StringComparison.Ordinal)) && !best.Pointer.StartsWith(p + "/", StringComparison.Ordinal));
        var message = $"does not match the OSCAL {Version} schema: {best.Describe(document)}"
            + (more > 0 ? $" (and problems at {more} other location{(more == 1 ? "" : "s")})" : "");
        return new Error(ErrorCodes.OscalSchema, message, $"{source}:{JsonPaths.FromPointer(best.Pointer, document)}");
    }

    // Only failures under failing nodes count: a branch of a passing anyOf fails without the document being wrong.
    private static void Collect(EvaluationResults node, List<Failure> failures)
    {
        if (node.IsValid)
        {
            return;
        }

        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            failures.Add(new Failure(node.InstanceLocation.ToString(), node.EvaluationPath.ToString(), node.SchemaLocation.ToString(), keyword, message));
        }

        foreach (var child in node.Details ?? [])
        {
            Collect(child, failures);
        }
    }

    private static int Depth(string pointer) => pointer.Count(c => c == '/');

    // The complete schema's root is a oneOf over eight models; keep only the branch of the model asked for.
    private static (JsonSchema Full, FastSchema? Fast) Build(OscalModel model)
    {
        var root = Branch(model);
        var id = new Uri($"https://trellis.invalid/oscal/{Version}/{model.RootName()}-schema.json");
        root["$id"] = id.ToString();
        var full = JsonSchema.Build(JsonSerializer.SerializeToElement(root), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, id);
        return (full, FastSchema.Compile(root));
    }

    /// <summary>The schema of one model: its branch of the root <c>oneOf</c> and the definitions it reaches.</summary>
    internal static JsonObject Branch(OscalModel model)
    {
        var file = model == OscalModel.MappingCollection ? "oscal_mapping_schema.json" : "oscal_complete_schema.json";
        var root = JsonNode.Parse(EmbeddedText(file))!.AsObject();
        if (root["oneOf"] is JsonArray branches)
        {
            var branch = branches
                .Select(b => b!.AsObject())
                .Single(b => b["required"]!.AsArray().Any(r => r!.GetValue<string>() == model.RootName()));
            root.Remove("oneOf");
            foreach (var (key, value) in branch.ToList())
            {
                branch.Remove(key);
                root[key] = value;
            }
        }

        Prune(root);
        return root;
    }

    // Building all 142 definitions of the complete schema costs more than validating a large catalog: keep only
    // the definitions reachable from the model's branch.
    private static void Prune(JsonObject root)
    {
        if (root["definitions"] is not JsonObject definitions)
        {
            return;
        }

        var reachable = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<JsonNode?>();
        foreach (var (key, value) in root)
        {
            if (key != "definitions")
            {
                pending.Push(value);
            }
        }

        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        if (key == "$ref" && value is JsonValue v && v.GetValue<string>() is var r && r.StartsWith("#/definitions/", StringComparison.Ordinal)
                            && reachable.Add(r["#/definitions/".Length..]))
                        {
                            pending.Push(definitions[r["#/definitions/".Length..]]);
                        }
                        else
                        {
                            pending.Push(value);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        pending.Push(item);
                    }

                    break;
            }
        }

        foreach (var name in definitions.Select(d => d.Key).Where(n => !reachable.Contains(n)).ToList())
        {
            definitions.Remove(name);
        }
    }

    /// <summary>Reads one of the embedded schema files.</summary>
    internal static string EmbeddedText(string file)
    {
        using var stream = typeof(OscalSchema).Assembly.GetManifestResourceStream($"Oscal/Schemas/{file}")
            ?? throw new InvalidOperationException($"embedded schema {file} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed record Failure(string Pointer, string SchemaPath, string SchemaLocation, string Keyword, string Message)
    {
        private static readonly Dictionary<string, string> Forms = new(StringComparer.Ordinal)
        {
            ["TokenDatatype"] = "a token (a letter or '_', then letters, digits, '.', '-' or '_')",
            ["UUIDDatatype"] = "a version 4 or 5 UUID",
            ["DateTimeWithTimezoneDatatype"] = "a date and time with a time zone (2024-02-01T13:57:28Z)",
            ["DateDatatype"] = "a date (2024-02-01)",
            ["StringDatatype"] = "a string without leading or trailing whitespace",
            ["MarkupLineDatatype"] = "one line of text",
            ["URIDatatype"] = "an absolute URI",
            ["Base64Datatype"] = "base64 text",
            ["EmailAddressDatatype"] = "an email address",
        };

        public string Describe(JsonElement document)
        {
            if (SchemaPath.EndsWith("/additionalProperties", StringComparison.Ordinal))
            {
                return $"property '{Pointer[(Pointer.LastIndexOf('/') + 1)..]}' is not allowed here";
            }

            if (Keyword == "pattern")
            {
                var form = Forms.FirstOrDefault(f => SchemaLocation.EndsWith($"/definitions/{f.Key}", StringComparison.Ordinal)).Value
                    ?? "the form the schema requires";
                var value = Resolve(document, Pointer) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;
                return value is null ? $"the value must be {form}" : $"'{Shorten(value)}' must be {form}";
            }

            return Keyword.Length == 0 ? Message : $"{Message} ({Keyword})";
        }

        private static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "...";

        private static JsonElement? Resolve(JsonElement root, string pointer)
        {
            JsonElement current = root;
            foreach (var raw in pointer.TrimStart('#').Split('/').Skip(1))
            {
                var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
                if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var i) && i < current.GetArrayLength())
                {
                    current = current[i];
                }
                else if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child))
                {
                    current = child;
                }
                else
                {
                    return null;
                }
            }

            return current;
        }
    }
}
