using System.Text.Json;
using Trellis.Core.Common;
using Trellis.Exchange.Json;

namespace Trellis.Exchange.Oscal.Profiles;

/// <summary>
/// Finds and reads what a profile's <c>import/@href</c> names, on the local disk only (Trellis fetches nothing):
/// a relative path or <c>file:</c> URI, resolved against the importing document's folder; a <c>#uuid</c> pointing
/// at a back-matter resource, whose <c>rlinks</c> are tried in turn (JSON first); an <c>.xml</c> catalog, read from
/// the <c>.json</c> file beside it; a remote URL, read from a file of the same name beside the importing document.
/// When nothing local is found, the caller's fallback catalog is used, if any.
/// </summary>
internal sealed class ImportSources(ProfileResolverOptions options) : IDisposable
{
    private readonly Dictionary<string, OscalDocument> _loaded = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>True once the fallback catalog has stood in for an import.</summary>
    public bool FallbackUsed { get; private set; }

    /// <summary>Every document read so far, in the order first read.</summary>
    public IEnumerable<OscalDocument> Documents => _order.Select(p => _loaded[p]);

    /// <summary>Index of a loaded document, used to keep each source's order when imports are merged.</summary>
    public int IndexOf(OscalDocument document) => _order.IndexOf(document.FilePath!);

    /// <summary>Reads a document by path (the profile being resolved).</summary>
    public Result<OscalDocument> Load(string path, IReadOnlyCollection<OscalModel> expected)
    {
        var full = Path.GetFullPath(path);
        if (_loaded.TryGetValue(full, out var known))
        {
            return known;
        }

        var read = OscalReader.ReadFile(full, expected, options.Limits);
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        _loaded[full] = read.Value;
        _order.Add(full);
        return read.Value;
    }

    /// <summary>Reads the catalog or profile that <c>imports[index]</c> of <paramref name="profile"/> names.</summary>
    public Result<OscalDocument> Import(OscalDocument profile, string href, string path)
    {
        var tried = new List<string>();
        var baseDir = Path.GetDirectoryName(profile.FilePath!)!;
        IEnumerable<string> candidates = [href];
        if (href.StartsWith('#'))
        {
            var resource = Resource(profile, href[1..]);
            if (resource is null)
            {
                return new Error(ErrorCodes.OscalImportUnresolved, $"href '{href}' names no back-matter resource of this profile", $"{profile.Source}:{path}");
            }

            candidates = RlinkHrefs(resource.Value);
        }

        foreach (var candidate in candidates)
        {
            var local = LocalPath(candidate, baseDir, tried);
            if (local is not null)
            {
                return Load(local, [OscalModel.Catalog, OscalModel.Profile]);
            }
        }

        if (options.FallbackCatalog is { } fallback)
        {
            FallbackUsed = true;
            return Load(fallback, [OscalModel.Catalog, OscalModel.Profile]);
        }

        var looked = tried.Count == 0 ? "" : $" (looked for {string.Join(", ", tried)})";
        return new Error(ErrorCodes.OscalImportNotFound, $"cannot find the imported document '{href}'{looked}", $"{profile.Source}:{path}");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var doc in _loaded.Values)
        {
            doc.Dispose();
        }
    }

    private static JsonElement? Resource(OscalDocument profile, string uuid)
    {
        if (!profile.Body.TryGetProperty("back-matter", out var bm) || !bm.TryGetProperty("resources", out var resources))
        {
            return null;
        }

        return resources.EnumerateArray().Where(r => OscalProse.Str(r, "uuid") == uuid).Select(r => (JsonElement?)r).FirstOrDefault();
    }

    // JSON renditions first: the OSCAL XML form is not read.
    private static List<string> RlinkHrefs(JsonElement resource)
    {
        if (!resource.TryGetProperty("rlinks", out var rlinks))
        {
            return [];
        }

        return rlinks.EnumerateArray()
            .Select(r => (Href: OscalProse.Str(r, "href"), Media: OscalProse.Str(r, "media-type") ?? ""))
            .Where(r => r.Href is not null)
            .OrderBy(r => r.Media.Contains("json", StringComparison.OrdinalIgnoreCase) || r.Href!.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .Select(r => r.Href!)
            .ToList();
    }

    private static string? LocalPath(string href, string baseDir, List<string> tried)
    {
        string path;
        if (Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme.Length > 1)
        {
            if (uri.IsFile)
            {
                path = uri.LocalPath;
            }
            else
            {
                // A remote catalog is never fetched; a copy saved beside the profile under the same name is used.
                var name = Uri.UnescapeDataString(uri.Segments.LastOrDefault() ?? "");
                if (name.Length == 0 || name.EndsWith('/'))
                {
                    return null;
                }

                path = Path.Combine(baseDir, name);
            }
        }
        else
        {
            var relative = href.Split('#', '?')[0];
            if (relative.Length == 0)
            {
                return null;
            }

            path = Path.GetFullPath(Path.Combine(baseDir, Uri.UnescapeDataString(relative)));
        }

        if (path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
        {
            path = Path.ChangeExtension(path, ".json");
        }

        tried.Add(path);
        return File.Exists(path) ? path : null;
    }
}
