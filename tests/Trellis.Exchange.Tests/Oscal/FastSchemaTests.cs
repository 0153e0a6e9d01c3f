using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Trellis.Exchange.Oscal;
using Trellis.Testing;

namespace Trellis.Exchange.Tests.Oscal;

/// <summary>
/// Issue 18, item 5: the one-pass schema check may only ever say "certainly valid" for a document that JsonSchema.Net
/// (the reference implementation, evaluating the same OSCAL 1.2.1 schema branch) also finds valid. Checked on NIST's
/// OSCAL examples and on thousands of mutations of them (properties removed, unknown ones added, values of the wrong
/// type, form or enumeration, arrays emptied); and it must answer for the valid examples, or it would save nothing.
/// </summary>
public sealed class FastSchemaTests
{
    public static TheoryData<string, string> Documents => new()
    {
        { "basic-catalog.json", "catalog" },
        { "example-component-definition.json", "component-definition" },
        { "ssp-example.json", "system-security-plan" },
        { "ifa_assessment-plan-example.json", "assessment-plan" },
        { "ifa_assessment-results-example.json", "assessment-results" },
        { "ifa_plan-of-action-and-milestones.json", "plan-of-action-and-milestones" },
        { "TestData/sp800-53-style_catalog.json", "catalog" },
        { "TestData/asis_profile.json", "profile" },
        { "TestData/sp800-53-to-iso27001-2022_mapping.json", "mapping-collection" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void NistExample_IsCertainlyValid_AndJsonSchemaNetAgrees(string file, string model)
    {
        var (full, fast) = Validators(model);
        var document = JsonDocument.Parse(File.ReadAllText(PathOf(file))).RootElement;

        Assert.True(full.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid, $"{file} should be a valid {model}");
        Assert.True(fast.IsCertainlyValid(document), $"the fast check is not sure of the valid example {file}");
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Mutations_AreNeverCertainlyValid_WhenJsonSchemaNetRejectsThem(string file, string model)
    {
        var (full, fast) = Validators(model);
        var original = JsonNode.Parse(File.ReadAllText(PathOf(file)))!;
        var random = new Random(18_005);
        var places = Places(original).ToList();
        int rejected = 0, accepted = 0, acceptedAndSure = 0;
        foreach (var round in Enumerable.Range(0, 300))
        {
            var copy = original.DeepClone();
            var target = Places(copy).ElementAt(random.Next(places.Count));
            var what = Mutate(target, random);
            var document = JsonSerializer.SerializeToElement(copy);
            var valid = full.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid;
            var sure = fast.IsCertainlyValid(document);
            Assert.False(sure && !valid, $"{file}, round {round}: {what} at {target.GetPath()} is invalid, yet the fast check was sure it is valid");
            rejected += valid ? 0 : 1;
            accepted += valid ? 1 : 0;
            acceptedAndSure += valid && sure ? 1 : 0;
        }

        // The mutations must exercise both verdicts, and the fast check must answer for most valid ones.
        Assert.True(rejected > 50, $"only {rejected} of 300 mutations were invalid");
        Assert.True(acceptedAndSure >= accepted * 0.8, $"the fast check was sure of {acceptedAndSure} of {accepted} valid mutations");
    }

    private static (JsonSchema Full, FastSchema Fast) Validators(string model)
    {
        Assert.True(OscalModels.TryParse(model, out var m), model);
        var branch = OscalSchema.Branch(m);
        var id = new Uri($"https://trellis.invalid/test/{model}.json");
        branch["$id"] = id.ToString();
        var full = JsonSchema.Build(JsonSerializer.SerializeToElement(branch), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, id);
        return (full, FastSchema.Compile(OscalSchema.Branch(m)) ?? throw new InvalidOperationException("the OSCAL schema should compile"));
    }

    private static string PathOf(string file) => file.StartsWith("TestData/", StringComparison.Ordinal)
        ? Path.Combine(ReferenceData.RepoRoot, "tests", "Trellis.Exchange.Tests", "Oscal", file)
        : ReferenceData.File("oscal", file);

    // Every node below the root object, in document order.
    private static IEnumerable<JsonNode> Places(JsonNode node)
    {
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            yield return child;
            foreach (var below in Places(child))
            {
                yield return below;
            }
        }
    }

    private static string Mutate(JsonNode target, Random random)
    {
        var parent = target.Parent!;
        JsonNode? replacement = (random.Next(12), target) switch
        {
            (0, _) => null, // removed
            (1, JsonObject o) => Add(o, "zz-unknown", "x"),
            (2, JsonArray a) => Clear(a),
            (3, _) => JsonValue.Create(""),
            (4, _) => JsonValue.Create(" padded "),
            (5, _) => JsonValue.Create("two\nlines"),
            (6, _) => JsonValue.Create(42),
            (7, _) => JsonValue.Create(1.5),
            (8, _) => JsonValue.Create("not-a-listed-value"),
            (9, _) => JsonValue.Create("2024-13-01T00:00:00"),
            (10, _) => JsonValue.Create("has space://x y"),
            (_, JsonValue v) when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(v.GetValue<string>() + "\u0000é"),
            _ => new JsonArray(),
        };
        var what = replacement is null ? "removed" : $"set to {replacement.ToJsonString()[..Math.Min(30, replacement.ToJsonString().Length)]}";
        if (ReferenceEquals(replacement, target))
        {
            return what;
        }

        switch (parent)
        {
            case JsonObject o:
                var name = target.GetPropertyName();
                if (replacement is null)
                {
                    o.Remove(name);
                }
                else
                {
                    o[name] = replacement;
                }

                break;
            case JsonArray a:
                var index = target.GetElementIndex();
                if (replacement is null)
                {
                    a.RemoveAt(index);
                }
                else
                {
                    a[index] = replacement;
                }

                break;
        }

        return what;
    }

    private static JsonObject Add(JsonObject o, string name, string value)
    {
        o[name] = value;
        return o;
    }

    private static JsonArray Clear(JsonArray a)
    {
        a.Clear();
        return a;
    }
}
