namespace Trellis.Core.Frameworks;

/// <summary>
/// The IDs of the frameworks Trellis ships (the <c>id</c> of each file in Trellis.Content/Frameworks), defined once
/// for the code that refers to a framework by name. They are stable wire values: program files, mappings,
/// the database and the API all carry them.
/// </summary>
public static class FrameworkIds
{
    /// <summary>
    /// ISO/IEC 27001:2022 (with Amd 1:2024): clauses 4–10 and the 93 Annex A controls the Statement of
    /// Applicability lists (6.1.3 d). The current edition, and the pivot between the 2013 edition and SOC 2.
    /// </summary>
    public const string Iso27001v2022 = "iso27001-2022";

    /// <summary>
    /// ISO/IEC 27001:2013, withdrawn: its certificates lapsed on 31 October 2025 (IAF MD 26). Kept only to read old
    /// records and convert them to the 2022 edition through ISO/IEC 27002:2022 Annex B.
    /// </summary>
    public const string Iso27001v2013 = "iso27001-2013";

    /// <summary>SOC 2: the AICPA 2017 Trust Services Criteria (TSP section 100) with the points of focus revised in 2022.</summary>
    public const string Soc2v2017 = "soc2-2017";

    /// <summary>The NIST Cybersecurity Framework 2.0 (NIST CSWP 29, February 2024): functions, categories and subcategories.</summary>
    public const string NistCsf2 = "nist-csf-2.0";
}
