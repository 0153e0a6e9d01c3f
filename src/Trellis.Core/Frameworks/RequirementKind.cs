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
    /// <summary>The lowercase wire name.</summary>
    public static string ToWire(this RequirementKind kind) => kind == RequirementKind.PointOfFocus ? "point-of-focus" : kind.ToString().ToLowerInvariant();

    /// <summary>Parses a wire name; false when unknown.</summary>
    public static bool TryParse(string? text, out RequirementKind kind)
    {
        foreach (var k in Enum.GetValues<RequirementKind>())
        {
            if (string.Equals(k.ToWire(), text, StringComparison.Ordinal))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
