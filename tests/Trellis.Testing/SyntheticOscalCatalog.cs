using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Trellis.Testing;

/// <summary>
/// A large OSCAL 1.2.1 catalog in the shape of NIST SP 800-53 (families as groups, controls with parameters,
/// labelled statement items and guidance, enhancements nested in controls, some withdrawn), for benchmarks and
/// scale tests: import it, and compare with <c>JsonDocument.Parse</c> of the same text. Deterministic.
/// </summary>
public static class SyntheticOscalCatalog
{
    /// <summary>Builds the catalog JSON (UTF-8 text).</summary>
    /// <param name="families">Groups. The default is 20.</param>
    /// <param name="controlsPerFamily">Controls in each group. The default is 50, so 1,000 controls.</param>
    /// <param name="enhancementsPerControl">Enhancements in each control. The default is 2; every fifth is withdrawn.</param>
    public static string Build(int families = 20, int controlsPerFamily = 50, int enhancementsPerControl = 2)
    {
        var uuid = 0;
        string NextUuid() => $"00000000-0000-4000-8000-{++uuid:D12}";
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartObject("catalog");
            w.WriteString("uuid", NextUuid());
            w.WriteStartObject("metadata");
            w.WriteString("title", "Synthetic Catalog for Benchmarks");
            w.WriteString("last-modified", "2026-01-01T00:00:00Z");
            w.WriteString("version", "1.0");
            w.WriteString("oscal-version", "1.2.1");
            w.WriteEndObject();
            w.WriteStartArray("groups");
            var withdrawn = 0;
            for (var f = 0; f < families; f++)
            {
                var family = Family(f);
                w.WriteStartObject();
                w.WriteString("id", family);
                w.WriteString("class", "family");
                w.WriteString("title", $"Family {family.ToUpperInvariant()}");
                w.WriteStartArray("controls");
                for (var c = 1; c <= controlsPerFamily; c++)
                {
                    var id = $"{family}-{c}";
                    w.WriteStartObject();
                    Control(w, id, $"{family.ToUpperInvariant()}-{c}", $"Control {id}", withdrawn: false);
                    w.WriteStartArray("controls");
                    for (var e = 1; e <= enhancementsPerControl; e++)
                    {
                        w.WriteStartObject();
                        Control(w, $"{id}.{e}", $"{family.ToUpperInvariant()}-{c}({e})", $"Enhancement {e} of {id}", withdrawn: ++withdrawn % 5 == 0);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Family(int index) =>
        string.Concat((char)('a' + (index / 26 % 26)), (char)('a' + (index % 26)));

    private static void Control(Utf8JsonWriter w, string id, string label, string title, bool withdrawn)
    {
        w.WriteString("id", id);
        w.WriteString("class", "SP800-53");
        w.WriteString("title", title);
        if (!withdrawn)
        {
            w.WriteStartArray("params");
            w.WriteStartObject();
            w.WriteString("id", $"{id}_prm_1");
            w.WriteString("label", "organization-defined frequency");
            w.WriteEndObject();
            w.WriteStartObject();
            w.WriteString("id", $"{id}_prm_2");
            w.WriteStartObject("select");
            w.WriteString("how-many", "one-or-more");
            w.WriteStartArray("choice");
            w.WriteStringValue("organization-level");
            w.WriteStringValue("system-level");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteStartArray("props");
        Prop(w, "label", label);
        Prop(w, "sort-id", id.Replace("-", "-0", StringComparison.Ordinal));
        if (withdrawn)
        {
            Prop(w, "status", "withdrawn");
        }

        w.WriteEndArray();
        if (withdrawn)
        {
            return;
        }

        w.WriteStartArray("parts");
        w.WriteStartObject();
        w.WriteString("id", $"{id}_smt");
        w.WriteString("name", "statement");
        w.WriteStartArray("parts");
        foreach (var (item, text) in new[] { ("a", "Develop and document {{ insert: param, " + id + "_prm_2 }} procedures;"), ("b", "Review them {{ insert: param, " + id + "_prm_1 }}.") })
        {
            w.WriteStartObject();
            w.WriteString("id", $"{id}_smt.{item}");
            w.WriteString("name", "item");
            w.WriteStartArray("props");
            Prop(w, "label", item + ".");
            w.WriteEndArray();
            w.WriteString("prose", text);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("id", $"{id}_gdn");
        w.WriteString("name", "guidance");
        w.WriteString("prose", string.Create(CultureInfo.InvariantCulture, $"Guidance for {id}: what the control is for and the evidence an assessor looks at."));
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static void Prop(Utf8JsonWriter w, string name, string value)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteString("value", value);
        w.WriteEndObject();
    }
}
