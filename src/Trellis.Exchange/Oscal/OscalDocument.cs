using System.Text.Json;

namespace Trellis.Exchange.Oscal;

/// <summary>An OSCAL JSON document that passed the safety checks, the version check and schema validation.</summary>
public sealed class OscalDocument : IDisposable
{
    internal OscalDocument(JsonDocument json, OscalModel model, string oscalVersion, string source, string? filePath)
    {
        Json = json;
        Model = model;
        OscalVersion = oscalVersion;
        Source = source;
        FilePath = filePath;
    }

    /// <summary>The parsed document (root object with one model property).</summary>
    public JsonDocument Json { get; }

    /// <summary>The model, from the root property.</summary>
    public OscalModel Model { get; }

    /// <summary><c>metadata.oscal-version</c> as written, e.g. <c>1.1.2</c>.</summary>
    public string OscalVersion { get; }

    /// <summary>The name used in error locations.</summary>
    public string Source { get; }

    /// <summary>The full path of the file read, or null for text parsed from memory.</summary>
    public string? FilePath { get; }

    /// <summary>The model object: the value of <c>catalog</c>, <c>profile</c>, ….</summary>
    public JsonElement Body => Json.RootElement.GetProperty(Model.RootName());

    /// <summary>The JSONPath of <see cref="Body"/>, e.g. <c>$.catalog</c>.</summary>
    public string BodyPath => "$." + Model.RootName();

    /// <inheritdoc />
    public void Dispose() => Json.Dispose();
}
