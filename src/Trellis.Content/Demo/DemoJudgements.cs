using Trellis.Core.Crosswalk;
using Trellis.Core.Evidence;
using Trellis.Core.Program;

namespace Trellis.Content.Demo;

/// <summary>
/// The demo's judgements (docs/crosswalk-rules.md, rule 8), all by the compliance lead, as a mature ISO/IEC 27001 company
/// would record them when preparing its first SOC 2 report: a point of focus is judged sufficiently met only where
/// operating controls truly meet it, and not relevant only where it cannot apply to Northwind (no independent board; the
/// privacy points of focus, the Privacy category being outside the SOC 2 scope). What ISO does not ask for — board
/// oversight and expertise, incentives and pressures, succession, whistleblowing lines, fraud risk, objectives beyond
/// security, insurance, vendor management beyond onboarding — is left unjudged, and so are points of focus whose
/// controls are planned, in progress or stale, so readiness shows the real remaining work. One judgement has lapsed by
/// itself: CC6.3-POF4 relied on AC-22 (user access reviews), whose evidence has since gone stale.
/// </summary>
internal static partial class DemoJudgements
{
    public static IReadOnlyList<Judgement> Create(IReadOnlyList<Control> controls, IReadOnlyList<EvidenceItem> evidence, DateOnly today)
    {
        var book = new Book(controls, evidence, today);
        return [.. Governance(book), .. Risk(book), .. Operations(book), .. OutOfScope(book)];
    }

    /// <summary>Writes judgements as of days before today, relying on the controls as they stand.</summary>
    private sealed class Book(IReadOnlyList<Control> controls, IReadOnlyList<EvidenceItem> evidence, DateOnly today)
    {
        public DateTimeOffset At(int daysAgo, int hour) => new(today.AddDays(-daysAgo).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

        public Judgement NotRelevant(string pointOfFocus, int daysAgo, int hour, string rationale) => new()
        {
            Requirement = new RequirementRef("soc2-2017", pointOfFocus),
            Kind = JudgementKind.NotRelevant,
            By = DemoPeople.Compliance,
            At = At(daysAgo, hour),
            Rationale = rationale,
        };

        // The controls as they stand, and the newest version of each of their evidence items collected by the time of the judgement.
        public Judgement Sufficient(string pointOfFocus, string[] ids, int daysAgo, int hour, string rationale)
        {
            var at = At(daysAgo, hour);
            return new Judgement
            {
                Requirement = new RequirementRef("soc2-2017", pointOfFocus),
                Kind = JudgementKind.Sufficient,
                Controls = [.. ids.Select(id => JudgedControl.Of(controls.Single(c => c.Id == id)))],
                Evidence =
                [
                    .. evidence
                        .Where(e => e.ControlIds.Any(ids.Contains))
                        .Select(e => (e.Id, Version: e.Versions.LastOrDefault(v => v.CollectedAt <= at)))
                        .Where(e => e.Version is not null)
                        .Select(e => new JudgedEvidence(e.Id, e.Version!.Number)),
                ],
                By = DemoPeople.Compliance,
                At = at,
                Rationale = rationale,
            };
        }
    }
}
