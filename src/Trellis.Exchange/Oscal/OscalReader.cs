using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Trellis.Core.Common;
using Trellis.Exchange.Json;

namespace Trellis.Exchange.Oscal;

/// <summary>
/// Reads OSCAL JSON documents of versions 1.0.x, 1.1.x and 1.2.x: hostile-input checks (<see cref="SafeJson"/>),
/// model detection, the <c>metadata.oscal-version</c> check, then validation against the OSCAL 1.2.1 schema.
/// </summary>
/// <remarks>
/// Earlier versions are validated against the 1.2.1 schema, which accepts 1.0 and 1.1 catalogs and profiles: the
/// later versions only added optional fields. One difference is tolerated before validation, in every version:
/// a profile's <c>merge.combine.method</c> (use-first, merge, keep) is part of the OSCAL profile model and its XML
/// schema but missing from the JSON schemas (usnistgov/OSCAL#2259), so it is removed from the copy that is
/// validated; <see cref="ProfileResolver"/> still reads it. Anything else that fails is reported with its JSON path.
/// </remarks>
public static partial class OscalReader
{
    /// <summary>Reads and checks a file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="expected">Models the caller accepts; any when empty.</param>
    /// <param name="limits">Size and depth limits; the defaults when null.</param>
    public static Result<OscalDocument> ReadFile(string path, IReadOnlyCollection<OscalModel>? expected = null, JsonLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var source = Path.GetFileName(path);
        var json = SafeJson.ReadFile(path, limits, source);
        return json.IsSuccess ? Check(json.Value, source, Path.GetFullPath(path), expected) : json.Error!;
    }

    /// <summary>Reads and checks UTF-8 bytes.</summary>
    public static Result<OscalDocument> Parse(ReadOnlyMemory<byte> utf8, string source, IReadOnlyCollection<OscalModel>? expected = null, JsonLimits? limits = null)
    {
        var json = SafeJson.Parse(utf8, source, limits);
        return json.IsSuccess ? Check(json.Value, source, null, expected) : json.Error!;
    }

    /// <summary>Reads and checks text.</summary>
    public static Result<OscalDocument> Parse(string text, string source, IReadOnlyCollection<OscalModel>? expected = null, JsonLimits? limits = null)
    {
        var json = SafeJson.Parse(text, source, limits);
        return json.IsSuccess ? Check(json.Value, source, null, expected) : json.Error!;
    }

    /// <summary>True for 1.0.x, 1.1.x and 1.2.x.</summary>
    public static bool IsSupportedVersion(string? version) => version is not null && SupportedVersion().IsMatch(version);

    private static Result<OscalDocument> Check(JsonDocument json, string source, string? filePath, IReadOnlyCollection<OscalModel>? expected)
    {
        var result = CheckModel(json.RootElement, source, expected);
        if (!result.IsSuccess)
        {
            json.Dispose();
            return result.Error!;
        }

        var (model, version) = result.Value;
        var problem = OscalSchema.Validate(Tolerated(json, model), model, source);
        if (problem is not null)
        {
            json.Dispose();
            return problem;
        }

        return new OscalDocument(json, model, version, source, filePath);
    }

    private static Result<(OscalModel Model, string Version)> CheckModel(JsonElement root, string source, IReadOnlyCollection<OscalModel>? expected)
    {
        var names = string.Join(", ", OscalModels.RootNames);
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new Error(ErrorCodes.OscalNotADocument, $"an OSCAL document is a JSON object with one of: {names}", $"{source}:$");
        }

        var models = root.EnumerateObject().Where(p => p.Name != "$schema").ToList();
        if (models.Count != 1 || !OscalModels.TryParse(models[0].Name, out var model))
        {
            var found = models.Count == 0 ? "nothing" : string.Join(", ", models.Select(p => $"'{p.Name}'"));
            return new Error(ErrorCodes.OscalNotADocument, $"expected exactly one of {names} at the top, found {found}", $"{source}:$");
        }

        if (expected is { Count: > 0 } && !expected.Contains(model))
        {
            var wanted = string.Join(" or ", expected.Select(m => m.RootName()));
            var hint = model == OscalModel.Profile && expected.Contains(OscalModel.Catalog) ? " (pass a profile with --profile)" : "";
            return new Error(ErrorCodes.OscalUnexpectedModel, $"expected an OSCAL {wanted}, found a {model.RootName()}{hint}", $"{source}:$.{model.RootName()}");
        }

        var body = models[0].Value;
        var path = $"{source}:$.{model.RootName()}.metadata.oscal-version";
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("metadata", out var metadata)
            || metadata.ValueKind != JsonValueKind.Object || !metadata.TryGetProperty("oscal-version", out var v))
        {
            return new Error(ErrorCodes.OscalVersionMissing, "metadata.oscal-version is missing", path);
        }

        var version = v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (!IsSupportedVersion(version))
        {
            return new Error(
                ErrorCodes.OscalVersionUnsupported,
                $"OSCAL version {(version is null ? v.GetRawText() : $"'{version}'")} is not supported; Trellis reads 1.0.x, 1.1.x and 1.2.x",
                path);
        }

        return (model, version!);
    }

    // See the remarks on this class: the JSON schema lacks merge.combine.method.
    private static JsonElement Tolerated(JsonDocument json, OscalModel model)
    {
        var root = json.RootElement;
        if (model != OscalModel.Profile
            || !root.GetProperty("profile").TryGetProperty("merge", out var merge) || merge.ValueKind != JsonValueKind.Object
            || !merge.TryGetProperty("combine", out var combine) || combine.ValueKind != JsonValueKind.Object
            || !combine.TryGetProperty("method", out _))
        {
            return root;
        }

        var copy = JsonNode.Parse(root.GetRawText(), documentOptions: new JsonDocumentOptions { MaxDepth = 256 })!;
        copy["profile"]!["merge"]!["combine"]!.AsObject().Remove("method");
        return JsonSerializer.SerializeToElement(copy, JsonDefaults.Deep);
    }

    [GeneratedRegex(@"^1\.[012]\.\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex SupportedVersion();
}
