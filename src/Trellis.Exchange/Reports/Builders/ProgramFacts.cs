using Trellis.Core.Crosswalk;
using Trellis.Core.Evidence;
using Trellis.Core.Program;
using Trellis.Exchange.Reports.Writers;

namespace Trellis.Exchange.Reports.Builders;

/// <summary>A control reaching a requirement: directly (<see cref="Via"/> null) or through a definite crosswalk link.</summary>
/// <param name="ControlId">The organization's control.</param>
/// <param name="Relationship">The control's relationship to the requirement (composed through the crosswalk when indirect).</param>
/// <param name="Via">The requirement of another framework the control maps to, or null for a direct mapping.</param>
internal sealed record ControlReach(string ControlId, Relationship Relationship, RequirementRef? Via)
{
    /// <summary>e.g. <c>equal</c> or <c>subset-of via iso27001-2022:A.5.15</c>.</summary>
    public string Describe() => Via is null ? Relationship.ToWire() : $"{Relationship.ToWire()} via {Via}";
}

/// <summary>Facts about the program that several reports show the same way.</summary>
internal static class ProgramFacts
{
    /// <summary>Hex digits of a SHA-256 shown in evidence references (48 bits: enough to tell files apart by eye).</summary>
    public const int ShaPrefix = 12;

    /// <summary>
    /// Every control reaching each requirement of <paramref name="framework"/>, by requirement ID: direct mappings,
    /// and mappings into other frameworks carried over definite crosswalk links with the relationship composed
    /// (../shared/domain/README.md rules 4–5). The same rule ReadinessAnalysis applies when it credits controls.
    /// </summary>
    public static ILookup<string, ControlReach> Reach(ComplianceProgram program, CrosswalkEngine engine, string framework)
    {
        var result = new List<(string Requirement, ControlReach Reach)>();
        var crosswalks = new Dictionary<string, ILookup<string, MappingLink>>(StringComparer.Ordinal);
        foreach (var control in program.Controls)
        {
            foreach (var m in control.Mappings)
            {
                if (m.Requirement.Framework == framework)
                {
                    result.Add((m.Requirement.Requirement, new ControlReach(control.Id, m.Relationship, null)));
                    continue;
                }

                if (!crosswalks.TryGetValue(m.Requirement.Framework, out var links))
                {
                    crosswalks[m.Requirement.Framework] = links = engine.All(m.Requirement.Framework, framework)
                        .Where(l => l.To is not null && !l.NeedsReview && l.Relationship != Relationship.NoRelationship)
                        .ToLookup(l => l.From.Requirement, StringComparer.Ordinal);
                }

                foreach (var link in links[m.Requirement.Requirement])
                {
                    if (Relationships.Compose(m.Relationship, link.Relationship) is { } composed)
                    {
                        result.Add((link.To!.Value.Requirement, new ControlReach(control.Id, composed, m.Requirement)));
                    }
                }
            }
        }

        return result.ToLookup(x => x.Requirement, x => x.Reach, StringComparer.Ordinal);
    }

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
