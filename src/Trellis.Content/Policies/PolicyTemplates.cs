using System.Reflection;
using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;

namespace Trellis.Content.Policies;

/// <summary>A starter policy: written in our own words (never the standards' text), mapped to the requirements it speaks to.</summary>
/// <param name="Name">Template name, e.g. <c>access-control</c> (also the ID the adopted policy gets by default).</param>
/// <param name="Title">Title.</param>
/// <param name="Requirements">ISO/IEC 27001:2022 Annex A controls and SOC 2 criteria it addresses.</param>
/// <param name="Body">The Markdown text; <c>{{organization}}</c> is replaced by the organization's name on adoption.</param>
public sealed record PolicyTemplate(string Name, string Title, IReadOnlyList<RequirementRef> Requirements, string Body);

/// <summary>The starter policies shipped with Trellis (embedded Markdown), which a compliance lead adopts and edits.</summary>
public static class PolicyTemplates
{
    private static readonly Lazy<IReadOnlyList<PolicyTemplate>> Loaded = new(Load);

    /// <summary>Every starter policy, in a stable order.</summary>
    public static IReadOnlyList<PolicyTemplate> All => Loaded.Value;

    /// <summary>The template named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static PolicyTemplate? Find(string? name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    private static IReadOnlyList<PolicyTemplate> Load() =>
    [
        Make("information-security", "Information security policy", Iso("A.5.1", "A.5.4", "A.5.36"), Soc("CC5.3", "CC2.2", "CC1.1", "CC5.2")),
        Make("access-control", "Access control policy", Iso("A.5.15", "A.5.16", "A.5.17", "A.5.18", "A.8.2", "A.8.5"), Soc("CC6.1", "CC6.2", "CC6.3")),
        Make("acceptable-use", "Acceptable use policy", Iso("A.5.10", "A.6.7", "A.8.1", "A.7.7"), Soc("CC2.2", "CC6.7")),
        Make("incident-response", "Incident response policy", Iso("A.5.24", "A.5.25", "A.5.26", "A.5.27", "A.6.8"), Soc("CC7.3", "CC7.4", "CC7.5", "CC2.3")),
        Make("change-management", "Change management policy", Iso("A.8.32", "A.8.25", "A.8.31"), Soc("CC8.1")),
        Make("supplier-security", "Supplier security policy", Iso("A.5.19", "A.5.20", "A.5.21", "A.5.22"), Soc("CC9.2")),
        Make("business-continuity", "Business continuity policy", Iso("A.5.29", "A.5.30", "A.8.13"), Soc("A1.2", "A1.3", "CC9.1")),
        Make("data-classification", "Data classification policy", Iso("A.5.12", "A.5.13", "A.5.10"), Soc("C1.1")),
    ];

    private static PolicyTemplate Make(string name, string title, IEnumerable<RequirementRef> iso, IEnumerable<RequirementRef> soc)
    {
        var resource = $"Policies/{name}.md";
        using var stream = typeof(PolicyTemplates).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded policy template {resource} is missing (a build bug)");
        using var reader = new StreamReader(stream);
        return new PolicyTemplate(name, title, [.. iso, .. soc], reader.ReadToEnd());
    }

    private static IEnumerable<RequirementRef> Iso(params string[] ids) => ids.Select(i => new RequirementRef(FrameworkIds.Iso27001v2022, i));

    private static IEnumerable<RequirementRef> Soc(params string[] ids) => ids.Select(i => new RequirementRef(FrameworkIds.Soc2v2017, i));
}
