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
}

/// <summary>Wire names of <see cref="RequirementKind"/> (lowercase, as in content files and CLI output).</summary>
public static class RequirementKinds
{
    /// <summary>The lowercase wire name.</summary>
    public static string ToWire(this RequirementKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Parses a wire name; false when unknown.</summary>
    public static bool TryParse(string? text, out RequirementKind kind) =>
        Enum.TryParse(text, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(text, out _);
}
