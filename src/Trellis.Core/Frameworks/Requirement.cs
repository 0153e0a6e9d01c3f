namespace Trellis.Core.Frameworks;

/// <summary>
/// One requirement of a framework: an ISO/IEC 27001 clause or Annex A control, a SOC 2 criterion,
/// a NIST CSF function, category or subcategory. Immutable.
/// </summary>
public sealed record Requirement
{
    /// <summary>The identifier as the standard writes it (<c>4.1</c>, <c>A.5.15</c>, <c>CC6.1</c>, <c>GV.OC-01</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The official short name (ISO, AICPA) or title.</summary>
    public required string Title { get; init; }

    /// <summary>What kind of requirement this is.</summary>
    public required RequirementKind Kind { get; init; }

    /// <summary>The parent requirement in the same framework, or null at the top.</summary>
    public string? Parent { get; init; }

    /// <summary>The display group (e.g. clause <c>6</c>, Annex A theme <c>A.8</c>, series <c>CC6</c>), or null.</summary>
    public string? Group { get; init; }

    /// <summary>ISO/IEC 27001:2022 theme: clause, organizational, people, physical or technological.</summary>
    public string? Theme { get; init; }

    /// <summary>SOC 2 category: security, availability, confidentiality, processing-integrity or privacy.</summary>
    public string? Category { get; init; }

    /// <summary>ISO/IEC 27001:2013 Annex A section (A.5–A.18).</summary>
    public string? Section { get; init; }

    /// <summary>COSO 2013 principle (1–17) behind a SOC 2 common criterion CC1–CC5.</summary>
    public int? CosoPrinciple { get; init; }

    /// <summary>Official text, only where its licence allows shipping it (NIST: public domain).</summary>
    public string? Text { get; init; }

    /// <summary>Trellis's own guidance: intent and typical evidence.</summary>
    public string? Guidance { get; init; }

    /// <summary>Paraphrased points of focus (SOC 2).</summary>
    public IReadOnlyList<string> PointsOfFocus { get; init; } = [];

    /// <summary>Attributes such as the ISO/IEC 27002:2022 control type and security properties.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>True when the catalog marks the requirement withdrawn (imported OSCAL catalogs).</summary>
    public bool Withdrawn { get; init; }
}
