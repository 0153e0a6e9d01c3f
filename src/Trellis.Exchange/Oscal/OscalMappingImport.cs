using System.Text.Json;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Exchange.Json;

namespace Trellis.Exchange.Oscal;

/// <summary>
/// Imports an OSCAL 1.2 <c>mapping-collection</c> (NIST IR 8477 set-theory relationships) as a Trellis
/// <see cref="MappingSet"/>: the reverse of <see cref="OscalMappingExport"/>. All or nothing: either every map is
/// read (as a link or as an <see cref="IgnoredEntry"/>) or the result is one <see cref="Error"/> listing every
/// problem.
/// </summary>
/// <remarks>
/// <para>Rejected (an error, nothing imported): input that <see cref="SafeJson"/> refuses (size, depth, duplicate
/// keys, invalid UTF-8, malformed JSON); a document that is not a mapping-collection, is not OSCAL 1.2.x (the mapping
/// model was added in 1.2.0) or does not match the OSCAL 1.2.1 mapping schema; a source or target resource that
/// names no known framework, or one of several (pass <see cref="MappingImportOptions.SourceFramework"/> /
/// <see cref="MappingImportOptions.TargetFramework"/>: <c>--source</c> / <c>--target</c>); mappings in one collection
/// between different pairs of frameworks; the same framework on both sides; and, collected over the whole document,
/// every control ID (in any map, ignored ones included, and in <c>source-gap-summary</c>) that is not a requirement of
/// its framework, and every pair linked twice with different relationships.</para>
/// <para>Ignored (listed in <see cref="MappingImport.Ignored"/> with the reason): maps whose relationship is
/// <c>no-relationship</c>, is not one of NIST IR 8477's, or is qualified by another namespace; maps naming a
/// statement rather than a control; maps with several sources or targets (docs/crosswalk-rules.md, rule 3); a
/// map repeating an earlier link exactly; <c>target-gap-summary</c>; and gap entries for a requirement that maps
/// link. Qualifiers, coverage and the Trellis origin and path props are not read.</para>
/// <para>Each link takes its relationship; its matching rationale from the map, else the mapping, else the
/// provenance; its strength from the Trellis <c>strength</c> prop, else <c>confidence-score.percentage</c> × 10,
/// else <see cref="MappingImportOptions.DefaultStrength"/>; its justification from the map's remarks; its review
/// flag from the Trellis <c>needs-review</c> prop; and as its source the document's title, UUID and version, then
/// the citation text of each back-matter resource the map links to. An ID written as an OSCAL token by the exporter
/// (<c>_4.1</c>) is read back from its <c>requirement-id</c> prop, or by reversing the token.</para>
/// </remarks>
public static class OscalMappingImport
{
    /// <summary>The most problems named in the error message; the count of the rest follows.</summary>
    public const int MaxListedProblems = 1000;

    /// <summary>Reads a mapping-collection file.</summary>
    /// <param name="path">An OSCAL 1.2.x mapping-collection, JSON.</param>
    /// <param name="catalog">The frameworks Trellis knows (shipped and imported).</param>
    /// <param name="options">Explicit frameworks, default strength and limits.</param>
    public static Result<MappingImport> Load(string path, FrameworkCatalog catalog, MappingImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Import(limits => OscalReader.ReadFile(path, [OscalModel.MappingCollection], limits), catalog, options);
    }

    /// <summary>Reads a mapping-collection from UTF-8 bytes.</summary>
    /// <param name="utf8">The document.</param>
    /// <param name="source">The name used in error locations (a file name).</param>
    /// <param name="catalog">The frameworks Trellis knows (shipped and imported).</param>
    /// <param name="options">Explicit frameworks, default strength and limits.</param>
    public static Result<MappingImport> Parse(ReadOnlyMemory<byte> utf8, string source, FrameworkCatalog catalog, MappingImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Import(limits => OscalReader.Parse(utf8, source, [OscalModel.MappingCollection], limits), catalog, options);
    }

    private static Result<MappingImport> Import(Func<JsonLimits?, Result<OscalDocument>> read, FrameworkCatalog catalog, MappingImportOptions? options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        options ??= new MappingImportOptions();
        var invalid = Check(options, catalog);
        if (invalid is not null)
        {
            return invalid;
        }

        var result = read(options.Limits);
        if (!result.IsSuccess)
        {
            return ForMappings(result.Error!);
        }

        using var document = result.Value;
        var versionPath = $"{document.Source}:{document.BodyPath}.metadata.oscal-version";
        if (!document.OscalVersion.StartsWith("1.2.", StringComparison.Ordinal))
        {
            return new Error(ErrorCodes.OscalVersionUnsupported, $"OSCAL version '{document.OscalVersion}' is not supported; {MappingVersions}", versionPath);
        }

        var body = document.Body;
        var resources = new MappingResources(catalog, body);
        var mappings = Mappings(body, document.BodyPath);
        var pair = Pair(mappings, resources, options, document.Source);
        if (!pair.IsSuccess)
        {
            return pair.Error!;
        }

        var (from, to) = pair.Value;
        var citation = Citation(body);
        var reader = new MappingLinkReader(
            new MappingRequirementIds(catalog.Framework(from).Value), new MappingRequirementIds(catalog.Framework(to).Value),
            resources, citation, options.DefaultStrength, options.SkipMissing);
        // The schema requires provenance.matching-rationale and limits it to the three values Trellis models.
        var rationale = Relationships.TryParse(OscalProse.Str(body.GetProperty("provenance"), "matching-rationale"), out Rationale r) ? r : Rationale.Semantic;
        foreach (var (mapping, path) in mappings)
        {
            reader.Read(mapping, path, rationale);
        }

        reader.Finish();
        if (reader.Problems.Count > 0)
        {
            return Rejected(reader.Problems, document.Source);
        }

        var uuid = OscalProse.Str(body, "uuid")!;
        reader.Sources.TryAdd($"oscal:{uuid}", citation);
        var set = new MappingSet($"oscal-{uuid}", from, to, 1, Description(body, mappings), reader.Sources, reader.Links);
        return new MappingImport(from, to, set, reader.Ignored);
    }

    private const string MappingVersions = "the mapping model was added in OSCAL 1.2.0, and Trellis reads mapping collections of 1.2.x";

    private static Error? Check(MappingImportOptions options, FrameworkCatalog catalog)
    {
        if (options.DefaultStrength is < 1 or > 10)
        {
            return new Error(ErrorCodes.InvalidArgument, $"the default strength must be 1 to 10, not {options.DefaultStrength}");
        }

        foreach (var id in (string?[])[options.SourceFramework, options.TargetFramework])
        {
            if (id is not null && catalog.Framework(id) is { IsSuccess: false } unknown)
            {
                return unknown.Error;
            }
        }

        return options.SourceFramework is not null && options.SourceFramework == options.TargetFramework
            ? new Error(ErrorCodes.InvalidArgument, $"a mapping needs two different frameworks, not {options.SourceFramework} twice")
            : null;
    }

    // OscalReader accepts 1.0.x to 1.2.x for every model; a mapping collection can only be 1.2.x.
    private static Error ForMappings(Error error) =>
        error.Code == ErrorCodes.OscalVersionUnsupported
            ? error with { Message = $"{error.Message.Split(';')[0]}; {MappingVersions}" }
            : error;

    // mappings is one mapping object or an array of them (the schema allows both).
    private static List<(JsonElement Mapping, string Path)> Mappings(JsonElement body, string bodyPath)
    {
        var mappings = body.GetProperty("mappings");
        var path = $"{bodyPath}.mappings";
        return mappings.ValueKind == JsonValueKind.Array
            ? mappings.EnumerateArray().Select((m, i) => (m, JsonPaths.Index(path, i))).ToList()
            : [(mappings, path)];
    }

    private static Result<(string From, string To)> Pair(
        List<(JsonElement Mapping, string Path)> mappings, MappingResources resources, MappingImportOptions options, string source)
    {
        (string From, string To)? first = null;
        foreach (var (mapping, path) in mappings)
        {
            var from = options.SourceFramework is { } s ? s : resources.Resolve(mapping.GetProperty("source-resource"), $"{source}:{path}.source-resource", "--source");
            if (!from.IsSuccess)
            {
                return from.Error!;
            }

            var to = options.TargetFramework is { } t ? t : resources.Resolve(mapping.GetProperty("target-resource"), $"{source}:{path}.target-resource", "--target");
            if (!to.IsSuccess)
            {
                return to.Error!;
            }

            if (from.Value == to.Value)
            {
                return new Error(ErrorCodes.InvalidMapping, $"the mapping's source and target are both {from.Value}; pass --source or --target if that is wrong", $"{source}:{path}");
            }

            first ??= (from.Value, to.Value);
            if (first != (from.Value, to.Value))
            {
                return new Error(
                    ErrorCodes.InvalidMapping,
                    $"this mapping is from {from.Value} to {to.Value}, an earlier one from {first.Value.From} to {first.Value.To}; Trellis imports one pair of frameworks at a time: split the collection",
                    $"{source}:{path}");
            }
        }

        return first!.Value;
    }

    private static string Citation(JsonElement body)
    {
        var metadata = body.GetProperty("metadata");
        return $"OSCAL mapping-collection \"{OscalProse.Str(metadata, "title")}\" ({OscalProse.Str(body, "uuid")}, version {OscalProse.Str(metadata, "version")})";
    }

    private static string Description(JsonElement body, List<(JsonElement Mapping, string Path)> mappings)
    {
        var texts = mappings.Select(m => OscalProse.Str(m.Mapping, "mapping-description"))
            .Prepend(OscalProse.Str(body.GetProperty("provenance"), "mapping-description"))
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .Select(t => t!.Trim())
            .Distinct(StringComparer.Ordinal);
        return string.Join("\n\n", texts);
    }

    private static Error Rejected(List<MappingProblem> problems, string source)
    {
        var codes = problems.Select(p => p.Code).Distinct().ToList();
        var listed = problems.Take(MaxListedProblems).Select(p => $"{p.Path}: {p.Message}");
        var rest = problems.Count > MaxListedProblems ? $"; and {problems.Count - MaxListedProblems} more" : "";
        var count = problems.Count == 1 ? "1 problem" : $"{problems.Count} problems";
        return new Error(
            codes.Count == 1 ? codes[0] : ErrorCodes.InvalidMapping,
            $"{count}, nothing imported: {string.Join("; ", listed)}{rest}",
            $"{source}:{problems[0].Path}");
    }
}
