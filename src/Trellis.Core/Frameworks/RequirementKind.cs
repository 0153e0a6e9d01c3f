using Trellis.Core.Common;

namespace Trellis.Core.Frameworks;

/// <summary>What a requirement is in its framework's own vocabulary.</summary>
public enum RequirementKind
{
    /// <summary>A management-system clause (ISO/IEC 27001 clauses 4–10).</summary>
    Clause,

    /// <summary>A control (ISO/IEC 27001 Annex A, NIST SP 800-53, imported catalogs).</summary>
    Control,

    /// <summary>A control enhancement (OSCAL catalogs such as NIST SP 800-53 AC-2(1)).</summary>
    Enhancement,

    /// <summary>A criterion (AICPA Trust Services Criteria).</summary>
    Criterion,

    /// <summary>A function (NIST CSF 2.0: GV, ID, PR, DE, RS, RC).</summary>
    Function,

    /// <summary>A category (NIST CSF 2.0, e.g. GV.OC).</summary>
    Category,

    /// <summary>A subcategory (NIST CSF 2.0, e.g. GV.OC-01).</summary>
    Subcategory,

    /// <summary>A grouping requirement of an imported catalog.</summary>
    Group,

    /// <summary>
    /// A point of focus of a SOC 2 criterion (its parent): what the criterion is about, not a requirement by itself;
    /// an entity may judge one not relevant (docs/crosswalk-rules.md, points of focus).
    /// </summary>
    PointOfFocus,
}

/// <summary>Wire names of <see cref="RequirementKind"/> (lowercase, as in content files and CLI output).</summary>
public static class RequirementKinds
{
    private static readonly WireNames<RequirementKind> Wire = new(new Dictionary<RequirementKind, string>
    {
        [RequirementKind.Clause] = "clause",
        [RequirementKind.Control] = "control",
        [RequirementKind.Enhancement] = "enhancement",
        [RequirementKind.Criterion] = "criterion",
        [RequirementKind.Function] = "function",
        [RequirementKind.Category] = "category",
        [RequirementKind.Subcategory] = "subcategory",
        [RequirementKind.Group] = "group",
        [RequirementKind.PointOfFocus] = "point-of-focus",
    });

    /// <summary>All wire names, in declaration order.</summary>
    public static IReadOnlyList<string> WireNames => Wire.All;

    /// <summary>The wire name, e.g. <c>control</c>.</summary>
    public static string ToWire(this RequirementKind kind) => Wire[kind];

    /// <summary>
    /// Parses a wire name, in any letter case (content files and the API's <c>kind</c> filter have always accepted
    /// <c>Control</c> as well as <c>control</c>); false when unknown.
    /// </summary>
    public static bool TryParse(string? text, out RequirementKind kind) => Wire.TryParse(text?.ToLowerInvariant(), out kind);
}
