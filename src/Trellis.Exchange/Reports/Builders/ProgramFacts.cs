using Trellis.Core.Crosswalk;
using Trellis.Core.Evidence;
using Trellis.Core.Program;
using Trellis.Exchange.Reports.Writers;

namespace Trellis.Exchange.Reports.Builders;

/// <summary>Facts about the program that several reports show the same way.</summary>
internal static class ProgramFacts
{
    /// <summary>Hex digits of a SHA-256 shown in evidence references (48 bits: enough to tell files apart by eye).</summary>
    public const int ShaPrefix = 12;

    /// <summary>Evidence items by the controls they support, in evidence ID order.</summary>
    public static ILookup<string, EvidenceItem> EvidenceByControl(ComplianceProgram program) =>
        program.Evidence
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .SelectMany(e => e.ControlIds.Distinct(StringComparer.Ordinal).Select(c => (Control: c, Item: e)))
            .ToLookup(x => x.Control, x => x.Item, StringComparer.Ordinal);

    /// <summary>
    /// One line per evidence item, from its current version: ID, title, effective dates and the SHA-256 prefix
    /// (or "link"), e.g. <c>EV-0001 Access review · 2026-07-01 to 2026-09-30 · sha256 1a2b3c4d5e6f</c>.
    /// </summary>
    public static string Reference(EvidenceItem item)
    {
        var v = item.Current;
        var hash = v.Sha256 is { } sha ? $"sha256 {sha[..Math.Min(ShaPrefix, sha.Length)]}" : "link";
        return $"{item.Id} {item.Title} · {Effective(v)} · {hash}";
    }

    /// <summary><c>2026-07-01</c> or <c>2026-07-01 to 2026-09-30</c>.</summary>
    public static string Effective(EvidenceVersion version) =>
        version.EffectiveTo is { } to && to != version.EffectiveFrom
            ? $"{ReportText.Date(version.EffectiveFrom)} to {ReportText.Date(to)}"
            : ReportText.Date(version.EffectiveFrom);

    /// <summary>Joins values for one cell.</summary>
    public static string List(IEnumerable<string> values, string separator = ", ") => string.Join(separator, values);
}
