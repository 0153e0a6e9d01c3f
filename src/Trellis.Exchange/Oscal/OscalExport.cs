using System.Text.Json;
using System.Text.Json.Nodes;

namespace Trellis.Exchange.Oscal;

/// <summary>The last step of every OSCAL export: check the document against the schema, then write it.</summary>
public static class OscalExport
{
    /// <summary>
    /// The document as indented JSON text, after checking it against the OSCAL 1.2.1 schema of <paramref name="model"/>.
    /// A document that does not match is a bug in Trellis, never something to hand out, so it throws.
    /// </summary>
    public static string ToValidatedJson(JsonObject document, OscalModel model)
    {
        ArgumentNullException.ThrowIfNull(document);
        var invalid = OscalSchema.Validate(JsonSerializer.SerializeToElement(document), model, "export");
        return invalid is null
            ? OscalMappingExport.ToJson(document)
            : throw new InvalidOperationException($"the exported {model.RootName()} does not match the OSCAL schema: {invalid}");
    }
}
