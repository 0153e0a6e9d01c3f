using System.Text.RegularExpressions;

namespace Trellis.Testing;

/// <summary>
/// Facts read from docs/audit-cycle.md and the seed guide, for tests that must compare
/// against the sources rather than against the code's own output.
/// </summary>
public static partial class GuideFacts
{
    /// <summary>
    /// The clauses of ISO/IEC 27001:2022 that require documented information (docs/audit-cycle.md §2.5), as
    /// the facts file lists them, with sub-item letters dropped: 4.3, 5.2, 6.1.2, 6.1.3, 6.2, 7.2, 7.5.1,
    /// 8.1, 8.2, 8.3, 9.1, 9.2.2, 9.3.3, 10.2.
    /// </summary>
    public static IReadOnlyList<string> MandatoryDocumentedInformationClauses { get; } =
        ["4.3", "5.2", "6.1.2", "6.1.3", "6.2", "7.2", "7.5.1", "8.1", "8.2", "8.3", "9.1", "9.2.2", "9.3.3", "10.2"];

    /// <summary>The rows of the §2.5 table in audit-cycle-facts.md: item number and clause (e.g. <c>(5, "6.1.3")</c>).</summary>
    public static IReadOnlyList<(int Item, string Clause)> MandatoryDocumentedInformationTable()
    {
        var text = File.ReadAllText(ReferenceData.File("domain", "audit-cycle-facts.md"));
        var start = text.IndexOf("### 2.5", StringComparison.Ordinal);
        var end = text.IndexOf("\n- ", start, StringComparison.Ordinal);
        return TableRow().Matches(text[start..end])
            .Select(m => (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[2].Value))
            .ToList();
    }

    /// <summary>The four steps of the guide's "Combined Implementation Strategy", in order, as the guide words them.</summary>
    public static IReadOnlyList<string> CombinedImplementationSteps()
    {
        var text = File.ReadAllText(ReferenceData.File("seed", "soc2-vs-iso27001-guide.md"));
        var start = text.IndexOf("Approach:", StringComparison.Ordinal);
        return StepLine().Matches(text[start..]).Take(4).Select(m => m.Groups[1].Value.Trim()).ToList();
    }

    [GeneratedRegex(@"^\|\s*(\d+)\s*\|[^|]*\|\s*(\d+(?:\.\d+)*)", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"^\d\.\s+(.+)$", RegexOptions.Multiline)]
    private static partial Regex StepLine();
}
