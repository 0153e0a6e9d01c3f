using System.Text;
using System.Text.Json;
using Trellis.Exchange.Oscal;
using Trellis.Testing;

namespace Trellis.Bench.Workloads;

/// <summary>OSCAL import workloads (issue 6, item 7).</summary>
internal static class OscalWorkloads
{
    public static IEnumerable<Workload> Create()
    {
        yield return CatalogImport(families: 20, controlsPerFamily: 50, enhancementsPerControl: 2);
        yield return SchemaCheck(families: 20, controlsPerFamily: 50, enhancementsPerControl: 2);
    }

    /// <summary>The schema check alone (the one-pass check, JsonSchema.Net when it is not sure) on the parsed catalog.</summary>
    private static Workload SchemaCheck(int families, int controlsPerFamily, int enhancementsPerControl)
    {
        var bytes = Encoding.UTF8.GetBytes(SyntheticOscalCatalog.Build(families, controlsPerFamily, enhancementsPerControl));
        using var parsed = JsonDocument.Parse(bytes);
        var root = parsed.RootElement.Clone();
        var verdict = "";
        return new Workload(
            $"oscal schema check ({families * controlsPerFamily} controls)",
            () =>
            {
                using var doc = JsonDocument.Parse(bytes);
            },
            () => verdict = OscalSchema.Validate(root, OscalModel.Catalog, "catalog") is { } error ? error.ToString() : "valid",
            () => verdict);
    }

    /// <summary>
    /// Import of a synthetic SP 800-53 shaped catalog (1,000 controls, 2,000 enhancements: safety checks, schema
    /// validation, framework with rendered statements) against <c>JsonDocument.Parse</c> of the same bytes.
    /// </summary>
    private static Workload CatalogImport(int families, int controlsPerFamily, int enhancementsPerControl)
    {
        var json = SyntheticOscalCatalog.Build(families, controlsPerFamily, enhancementsPerControl);
        var bytes = Encoding.UTF8.GetBytes(json);
        var requirements = 0;
        return new Workload(
            $"oscal catalog import ({families * controlsPerFamily} controls)",
            () =>
            {
                using var doc = JsonDocument.Parse(bytes);
            },
            () => requirements = OscalFrameworkImport.FromCatalogJson(json, "synthetic").Value.Framework.Requirements.Count,
            () => $"{bytes.Length / 1024} KiB, {requirements} requirements");
    }
}
