using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;
using Trellis.Core.Serialization;

namespace Trellis.Content;

/// <summary>One content file: its name (used in error messages) and its text.</summary>
/// <param name="Name">Path-like name, e.g. <c>Frameworks/iso27001-2022.yaml</c>.</param>
/// <param name="Text">UTF-8 decoded text.</param>
public sealed record ContentFile(string Name, string Text);

/// <summary>Everything loaded from content files, or every problem found in them.</summary>
/// <param name="Catalog">The catalog; null when any file has errors.</param>
/// <param name="GuideClaims">The seed guide's claims per 2013 section.</param>
/// <param name="Errors">All problems, each naming file and line.</param>
public sealed record LoadedContent(
    FrameworkCatalog? Catalog,
    IReadOnlyDictionary<string, IReadOnlyList<string>> GuideClaims,
    IReadOnlyList<Error> Errors);

/// <summary>
/// Loads and validates framework and mapping files. Frameworks load first (files whose format is
/// <c>trellis-framework/1</c>), then mappings are checked against them, so a mapping endpoint that does
/// not exist is reported with its file and line.
/// </summary>
public static class ContentLoader
{
    /// <summary>Loads every file; never throws for bad content.</summary>
    public static LoadedContent Load(IEnumerable<ContentFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var errors = new List<Error>();
        var parsed = new List<(ContentFile File, YamlMap Root)>();
        foreach (var file in files)
        {
            var doc = SafeYaml.Read(file.Text, file.Name);
            if (!doc.IsSuccess)
            {
                errors.Add(doc.Error!);
            }
            else if (doc.Value is YamlMap map)
            {
                parsed.Add((file, map));
            }
            else
            {
                errors.Add(new Error(ErrorCodes.InvalidType, "a content file must be a mapping at the top", $"{file.Name}:{doc.Value.Line}"));
            }
        }

        static string Format(YamlMap m) => (m["format"] as YamlScalar)?.Value ?? "";

        var frameworks = new Dictionary<string, Framework>(StringComparer.Ordinal);
        foreach (var (file, root) in parsed.Where(p => Format(p.Root).StartsWith("trellis-framework", StringComparison.Ordinal)))
        {
            var f = new YamlFields(file.Name);
            var (framework, _) = FrameworkReader.Read(root, f);
            errors.AddRange(f.Errors);
            if (framework is null)
            {
                continue;
            }

            if (!frameworks.TryAdd(framework.Id, framework))
            {
                errors.Add(new Error(ErrorCodes.DuplicateId, $"framework '{framework.Id}' is defined twice", $"{file.Name}:{root["id"]!.Line}"));
            }
        }

        var mappings = new List<MappingSet>();
        var claims = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (file, root) in parsed)
        {
            var f = new YamlFields(file.Name);
            switch (Format(root))
            {
                case var fmt when fmt.StartsWith("trellis-framework", StringComparison.Ordinal):
                    continue;
                case "trellis-mapping/1":
                    if (MappingReader.Read(root, f, frameworks) is { } set)
                    {
                        mappings.Add(set);
                    }

                    break;
                case "trellis-legacy-guide/1":
                    foreach (var row in f.Maps(root, "rows", required: true))
                    {
                        f.OnlyKeys(row, "section", "guideText", "claims");
                        if (f.String(row, "section", required: true) is { } section)
                        {
                            claims[section] = f.Strings(row, "claims");
                        }
                    }

                    break;
                case var other:
                    f.Fail(root.Line, ErrorCodes.UnknownFormat, $"unknown content format '{other}'");
                    break;
            }

            errors.AddRange(f.Errors);
        }

        var catalog = errors.Count == 0 ? new FrameworkCatalog(frameworks.Values, mappings) : null;
        return new LoadedContent(catalog, claims, errors);
    }
}
