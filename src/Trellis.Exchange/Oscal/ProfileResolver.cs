using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Trellis.Core.Common;
using Trellis.Exchange.Json;
using Trellis.Exchange.Oscal.Profiles;

namespace Trellis.Exchange.Oscal;

/// <summary>Settings of <see cref="ProfileResolver"/>.</summary>
public sealed record ProfileResolverOptions
{
    /// <summary>The clock stamped into <c>metadata.last-modified</c>. The default is the system clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Makes the resolved catalog's UUID. The default is a random (version 4) UUID.</summary>
    public Func<Guid> NewUuid { get; init; } = Guid.NewGuid;

    /// <summary>Limits for every document read. The default is <see cref="JsonLimits.Default"/>.</summary>
    public JsonLimits Limits { get; init; } = JsonLimits.Default;

    /// <summary>A catalog used for any import whose document is not found locally; none by default.</summary>
    public string? FallbackCatalog { get; init; }

    /// <summary>How deep profiles may import profiles. The default is 8.</summary>
    public int MaxImportDepth { get; init; } = 8;

    /// <summary>The <c>source-profile</c> link of the result. The default is the profile's file name.</summary>
    public string? SourceProfileHref { get; init; }
}

/// <summary>A resolved profile: an OSCAL catalog document, with what the resolution noticed but did not stop for.</summary>
/// <param name="Document">The whole document, <c>{"catalog": {…}}</c>; valid against the OSCAL 1.2.1 schema.</param>
/// <param name="Warnings">Settings and alterations that found nothing to apply to, clashing duplicates, empty imports.</param>
/// <param name="FallbackUsed">True when <see cref="ProfileResolverOptions.FallbackCatalog"/> stood in for an import.</param>
/// <param name="Sources">Full paths of every document read: the profile, then what it imports.</param>
public sealed record ResolvedCatalog(JsonObject Document, IReadOnlyList<string> Warnings, bool FallbackUsed, IReadOnlyList<string> Sources)
{
    /// <summary>The document as indented JSON.</summary>
    public string ToJson() => Document.ToJsonString(JsonDefaults.Indented) + "\n";
}

/// <summary>
/// Resolves an OSCAL profile into the catalog it defines (OSCAL profile resolution: import, merge, modify), the
/// commonly used subset: imports of catalogs and profiles with include-all, include-controls (with-ids, matching,
/// with-child-controls) and exclude-controls; merge as-is or flat (the default when no structure is asked for);
/// modify with set-parameters and alters. Duplicate controls are combined "use-first"; <c>merge.custom</c> is not
/// supported. The result has a new UUID, the profile's metadata with <c>last-modified</c> from the injected clock,
/// OSCAL version 1.2.1, a <c>resolution-tool</c> prop and a <c>source-profile</c> link, the catalog-level
/// parameters its controls insert, and the back-matter resources its content references.
/// </summary>
public static class ProfileResolver
{
    /// <summary>The value of the <c>resolution-tool</c> prop.</summary>
    public const string ToolName = "Trellis";

    /// <summary>Resolves the profile at <paramref name="profilePath"/>.</summary>
    public static Result<ResolvedCatalog> Resolve(string profilePath, ProfileResolverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(profilePath);
        options ??= new ProfileResolverOptions();
        using var sources = new ImportSources(options);
        var loaded = sources.Load(profilePath, [OscalModel.Profile]);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var profile = loaded.Value;
        var warnings = new List<string>();
        var resolution = ResolveProfile(profile, sources, [], warnings, options);
        if (!resolution.IsSuccess)
        {
            return resolution.Error!;
        }

        var document = Write(profile, resolution.Value, options);
        var invalid = OscalSchema.Validate(JsonSerializer.SerializeToElement(document, JsonDefaults.Deep), OscalModel.Catalog, $"resolved {profile.Source}");
        if (invalid is not null)
        {
            return invalid with { Code = ErrorCodes.OscalResolutionInvalid };
        }

        return new ResolvedCatalog(document, warnings, sources.FallbackUsed, sources.Documents.Select(d => d.FilePath!).ToList());
    }

    private static Result<Resolution> ResolveProfile(
        OscalDocument profile, ImportSources sources, List<string> stack, List<string> warnings, ProfileResolverOptions options)
    {
        var body = profile.Body;
        var at = profile.BodyPath;
        if (stack.Contains(profile.FilePath!, StringComparer.Ordinal))
        {
            return new Error(ErrorCodes.OscalCircularImport, $"the profile imports itself through {string.Join(" > ", stack.Select(Path.GetFileName))}", $"{profile.Source}:{at}");
        }

        if (stack.Count >= options.MaxImportDepth)
        {
            return new Error(ErrorCodes.OscalImportTooDeep, $"profiles import profiles more than {options.MaxImportDepth} levels deep", $"{profile.Source}:{at}");
        }

        var structure = Structuring(body, at, profile.Source, warnings);
        if (!structure.IsSuccess)
        {
            return structure.Error!;
        }

        stack.Add(profile.FilePath!);
        var roots = new List<TreeNode>();
        var pool = new List<JsonObject>();
        var resources = new List<JsonObject>();
        var index = 0;
        foreach (var import in body.GetProperty("imports").EnumerateArray())
        {
            var path = JsonPaths.Index(at + ".imports", index++);
            var source = sources.Import(profile, OscalProse.Str(import, "href") ?? "", path + ".href");
            if (!source.IsSuccess)
            {
                return source.Error!;
            }

            ControlTree tree;
            if (source.Value.Model == OscalModel.Profile)
            {
                var inner = ResolveProfile(source.Value, sources, stack, warnings, options);
                if (!inner.IsSuccess)
                {
                    return inner.Error!;
                }

                tree = new ControlTree { Roots = inner.Value.Roots, Params = inner.Value.Params, Resources = inner.Value.Resources };
            }
            else
            {
                tree = ControlTree.Read(source.Value.Body, sources.IndexOf(source.Value));
            }

            var selected = ControlSelection.Select(tree, import);
            if (selected.Count == 0)
            {
                warnings.Add($"{profile.Source}:{path}: selects no controls from {source.Value.Source}");
            }

            TreeMerge.MergeInto(roots, TreeMerge.Filter(tree.Roots, selected, structure.Value), warnings);
            pool.AddRange(tree.Params);
            pool.AddRange(tree.Roots.SelectMany(r => r.SelfAndDescendants()).SelectMany(n => n.Body["params"] is JsonArray a ? a.OfType<JsonObject>() : []));
            resources.AddRange(tree.Resources);
        }

        TreeMerge.RemoveDuplicates(roots, warnings);
        var catalogParams = Referenced(roots, pool);
        if (body.TryGetProperty("modify", out var modify))
        {
            ProfileModify.Apply(modify, $"{profile.Source}:{at}.modify", roots, catalogParams, warnings);
        }

        if (body.TryGetProperty("back-matter", out var bm) && bm.TryGetProperty("resources", out var own))
        {
            resources.AddRange(own.EnumerateArray().Select(r => JsonSerializer.SerializeToNode(r, JsonDefaults.Deep)!.AsObject()));
        }

        stack.RemoveAt(stack.Count - 1);
        return new Resolution(roots, catalogParams, resources);
    }

    private static Result<Structure> Structuring(JsonElement profile, string at, string source, List<string> warnings)
    {
        if (!profile.TryGetProperty("merge", out var merge))
        {
            return Structure.Flat;
        }

        if (merge.TryGetProperty("combine", out var combine) && OscalProse.Str(combine, "method") is { } method and not "use-first")
        {
            warnings.Add($"{source}:{at}.merge.combine.method: '{method}' is not supported; duplicate controls are combined use-first");
        }

        if (merge.TryGetProperty("custom", out _))
        {
            return new Error(ErrorCodes.OscalUnsupported, "merge.custom is not supported; use merge.as-is or merge.flat", $"{source}:{at}.merge.custom");
        }

        return merge.TryGetProperty("as-is", out var asIs) && asIs.ValueKind == JsonValueKind.True ? Structure.AsIs : Structure.Flat;
    }

    // Parameters defined outside the selected controls (catalog, groups, unselected parents) that their prose inserts.
    private static List<JsonObject> Referenced(List<TreeNode> roots, List<JsonObject> pool)
    {
        var present = roots.SelectMany(r => r.SelfAndDescendants())
            .SelectMany(n => n.Body["params"] is JsonArray a ? a.OfType<JsonObject>() : [])
            .Select(p => p["id"]?.GetValue<string>())
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var available = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var p in pool)
        {
            if (p["id"]?.GetValue<string>() is { } id && !present.Contains(id))
            {
                available.TryAdd(id, p);
            }
        }

        var result = new List<JsonObject>();
        var pending = new Queue<string>(OscalProse.InsertedParams(string.Concat(roots.SelectMany(r => r.SelfAndDescendants()).Select(n => n.Body.ToJsonString(JsonDefaults.Deep)))));
        while (pending.TryDequeue(out var id))
        {
            if (available.Remove(id, out var param))
            {
                result.Add(param.DeepClone().AsObject());
                foreach (var next in OscalProse.InsertedParams(param.ToJsonString(JsonDefaults.Deep)))
                {
                    pending.Enqueue(next);
                }
            }
        }

        return result;
    }

    private static JsonObject Write(OscalDocument profile, Resolution resolution, ProfileResolverOptions options)
    {
        var metadata = JsonSerializer.SerializeToNode(profile.Body.GetProperty("metadata"), JsonDefaults.Deep)!.AsObject();
        metadata["last-modified"] = options.Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        metadata["oscal-version"] = OscalSchema.Version;
        Append(metadata, "props", new JsonObject { ["name"] = "resolution-tool", ["value"] = ToolName });
        Append(metadata, "links", new JsonObject
        {
            ["href"] = options.SourceProfileHref ?? Uri.EscapeDataString(Path.GetFileName(profile.FilePath!)),
            ["rel"] = "source-profile",
        });

        var catalog = new JsonObject
        {
            ["uuid"] = options.NewUuid().ToString(),
            ["metadata"] = metadata,
        };
        if (resolution.Params.Count > 0)
        {
            catalog["params"] = new JsonArray(resolution.Params.Select(p => (JsonNode)p.DeepClone()).ToArray());
        }

        ControlTree.Write(catalog, resolution.Roots);

        // Only resources that the resolved content references (by "#uuid") are carried over.
        var text = catalog.ToJsonString(JsonDefaults.Deep);
        var resources = resolution.Resources
            .Where(r => r["uuid"]?.GetValue<string>() is { } uuid && text.Contains("#" + uuid, StringComparison.OrdinalIgnoreCase))
            .GroupBy(r => r["uuid"]!.GetValue<string>(), StringComparer.OrdinalIgnoreCase)
            .Select(g => (JsonNode)g.First().DeepClone())
            .ToArray();
        if (resources.Length > 0)
        {
            catalog["back-matter"] = new JsonObject { ["resources"] = new JsonArray(resources) };
        }

        return new JsonObject { ["catalog"] = catalog };
    }

    private static void Append(JsonObject owner, string key, JsonObject item)
    {
        if (owner[key] is not JsonArray list)
        {
            owner[key] = list = [];
        }

        list.Add(item);
    }

    private sealed record Resolution(List<TreeNode> Roots, List<JsonObject> Params, List<JsonObject> Resources);
}
