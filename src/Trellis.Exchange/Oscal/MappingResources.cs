using System.Text.Json;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;

namespace Trellis.Exchange.Oscal;

/// <summary>
/// Finds the Trellis framework a mapping's <c>source-resource</c> or <c>target-resource</c> names, and the citation
/// text of back-matter resources. An href <c>#uuid</c> names a back-matter resource, which is matched in this order,
/// the first rule that matches exactly one framework winning: a Trellis <c>framework-id</c> prop (what
/// <see cref="OscalMappingExport"/> writes; also read on the reference itself), the name-based UUID the exporter gives
/// a framework, the resource title equal to a framework's name (an imported catalog's title) or ID, then each of its
/// <c>rlinks</c> as an href. Any other href matches a framework whose ID is its file name without extensions
/// (<c>…/iso27001-2022.json</c>).
/// </summary>
internal sealed class MappingResources
{
    private readonly FrameworkCatalog _catalog;
    private readonly Dictionary<string, JsonElement> _byUuid = new(StringComparer.OrdinalIgnoreCase);

    public MappingResources(FrameworkCatalog catalog, JsonElement collection)
    {
        _catalog = catalog;
        if (collection.TryGetProperty("back-matter", out var backMatter) && backMatter.TryGetProperty("resources", out var resources))
        {
            foreach (var resource in resources.EnumerateArray())
            {
                _byUuid.TryAdd(OscalProse.Str(resource, "uuid")!, resource);
            }
        }
    }

    /// <summary>The citation text (else the title) of the back-matter resource an href <c>#uuid</c> names, or null.</summary>
    public string? CitationOf(string? href)
    {
        if (href is null || !href.StartsWith('#') || !_byUuid.TryGetValue(href[1..], out var resource))
        {
            return null;
        }

        var text = resource.TryGetProperty("citation", out var citation) ? OscalProse.Str(citation, "text") : null;
        return text ?? OscalProse.Str(resource, "title");
    }

    /// <summary>The key of a cited resource in <see cref="MappingSet.Sources"/>: its title, else its UUID.</summary>
    public string KeyOf(string href) =>
        _byUuid.TryGetValue(href[1..], out var resource) ? OscalProse.Str(resource, "title") ?? href[1..] : href[1..];

    /// <summary>The framework a resource reference names.</summary>
    /// <param name="reference">The <c>source-resource</c> or <c>target-resource</c> object.</param>
    /// <param name="path">Its JSONPath, with the source file name.</param>
    /// <param name="option">The option that overrides it, for the error message: <c>--source</c> or <c>--target</c>.</param>
    public Result<string> Resolve(JsonElement reference, string path, string option)
    {
        var href = OscalProse.Str(reference, "href")!;
        var own = Known(TrellisProps(reference, "framework-id"));
        if (own.Count == 1)
        {
            return own[0].Id;
        }

        var found = href.StartsWith('#') ? FromResource(href[1..]) : FromHref(href);
        var all = string.Join(", ", _catalog.Frameworks.Select(f => f.Id));
        return found switch
        {
            { Count: 1 } => found[0].Id,
            { Count: > 1 } => new Error(
                ErrorCodes.UnresolvedFramework,
                $"'{href}' matches more than one framework ({string.Join(", ", found.Select(f => f.Id))}); pass {option} with one of them",
                $"{path}.href"),
            _ => new Error(
                ErrorCodes.UnresolvedFramework,
                $"cannot tell which framework '{href}' is: no framework-id prop, and no known framework has its title or ID; pass {option} with one of: {all}",
                $"{path}.href"),
        };
    }

    private List<Framework> FromResource(string uuid)
    {
        if (!_byUuid.TryGetValue(uuid, out var resource))
        {
            return [];
        }

        var title = OscalProse.Str(resource, "title");
        IEnumerable<Func<List<Framework>>> rules =
        [
            () => Known(TrellisProps(resource, "framework-id")),
            () => _catalog.Frameworks.Where(f => string.Equals(OscalParts.FrameworkResourceUuid(f.Id).ToString(), uuid, StringComparison.OrdinalIgnoreCase)).ToList(),
            () => _catalog.Frameworks.Where(f => string.Equals(f.Name, title, StringComparison.OrdinalIgnoreCase)).ToList(),
            () => _catalog.Frameworks.Where(f => string.Equals(f.Id, title, StringComparison.OrdinalIgnoreCase)).ToList(),
            () => Rlinks(resource).SelectMany(FromHref).Distinct().ToList(),
        ];
        return rules.Select(rule => rule()).FirstOrDefault(found => found.Count > 0) ?? [];
    }

    private List<Framework> FromHref(string href)
    {
        var end = href.IndexOfAny(['?', '#']);
        var file = (end >= 0 ? href[..end] : href).TrimEnd('/');
        file = file[(file.LastIndexOf('/') + 1)..];
        foreach (var extension in (string[])[".json", ".xml", ".yaml", ".yml"])
        {
            if (file.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                file = file[..^extension.Length];
                break;
            }
        }

        return _catalog.Frameworks.Where(f => string.Equals(f.Id, file, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    private List<Framework> Known(IEnumerable<string> ids) =>
        ids.Distinct(StringComparer.Ordinal).Select(id => _catalog.Framework(id)).Where(r => r.IsSuccess).Select(r => r.Value).ToList();

    private static IEnumerable<string> Rlinks(JsonElement resource) =>
        resource.TryGetProperty("rlinks", out var rlinks) ? rlinks.EnumerateArray().Select(l => OscalProse.Str(l, "href")!) : [];

    /// <summary>Values of the props named <paramref name="name"/> in Trellis's namespace.</summary>
    public static IEnumerable<string> TrellisProps(JsonElement owner, string name) =>
        owner.TryGetProperty("props", out var props)
            ? props.EnumerateArray()
                .Where(p => OscalProse.Str(p, "name") == name && OscalProse.Str(p, "ns") == OscalMappingExport.Namespace)
                .Select(p => OscalProse.Str(p, "value")!)
            : [];
}
