using System.Reflection;
using System.Text;
using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;

namespace Trellis.Content;

/// <summary>
/// The framework catalogs and mappings shipped inside this assembly, loaded and validated once.
/// Invalid shipped content is a bug and fails loudly with every error listed.
/// </summary>
public static class ShippedContent
{
    private static readonly Lazy<LoadedContent> Loaded = new(LoadEmbedded);
    private static readonly Lazy<CrosswalkEngine> LazyEngine = new(() => new CrosswalkEngine(Catalog));

    /// <summary>Framework order for listings: the frameworks the product is about first.</summary>
    private static readonly string[] Order = [FrameworkIds.Iso27001v2022, FrameworkIds.Soc2v2017, FrameworkIds.NistCsf2, FrameworkIds.Iso27001v2013];

    /// <summary>The shipped catalog.</summary>
    public static FrameworkCatalog Catalog => Loaded.Value.Catalog
        ?? throw new InvalidOperationException("Shipped content is invalid:\n" + string.Join("\n", Loaded.Value.Errors));

    /// <summary>The crosswalk over the shipped catalog.</summary>
    public static CrosswalkEngine Engine => LazyEngine.Value;

    /// <summary>The seed guide's table claims (section → criteria).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> GuideClaims => Loaded.Value.GuideClaims;

    /// <summary>The embedded files, as they are in the repository.</summary>
    public static IReadOnlyList<ContentFile> Files()
    {
        var asm = typeof(ShippedContent).Assembly;
        return asm.GetManifestResourceNames()
            .Where(n => n.EndsWith(".yaml", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n => new ContentFile(n.Replace('\\', '/'), Read(asm, n)))
            .ToList();
    }

    private static LoadedContent LoadEmbedded()
    {
        var loaded = ContentLoader.Load(Files());
        if (loaded.Catalog is null)
        {
            return loaded;
        }

        var ordered = loaded.Catalog.Frameworks
            .OrderBy(f => Array.IndexOf(Order, f.Id) is var i && i < 0 ? int.MaxValue : i)
            .ThenBy(f => f.Id, StringComparer.Ordinal);
        return loaded with { Catalog = new FrameworkCatalog(ordered, loaded.Catalog.Mappings) };
    }

    private static string Read(Assembly asm, string name)
    {
        using var stream = asm.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true));
        return reader.ReadToEnd();
    }
}
