using Trellis.Core.Crosswalk;
using Trellis.Core.Evidence;
using Trellis.Core.Program;

namespace Trellis.Content.Demo;

/// <summary>
/// The demo's judgements (docs/crosswalk-rules.md, rule 8), all by the compliance lead: a point of focus judged not
/// relevant (no independent board), a sufficiency judgement that holds (risk assessment and treatment, operating), and
/// one that has lapsed by itself because a control it relied on (AC-22, user access reviews) no longer has fresh evidence.
/// </summary>
internal static class DemoJudgements
{
    public static IReadOnlyList<Judgement> Create(IReadOnlyList<Control> controls, IReadOnlyList<EvidenceItem> evidence, DateOnly today)
    {
        DateTimeOffset At(int daysAgo, int hour) => new(today.AddDays(-daysAgo).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);
        return
        [
            new Judgement
            {
                Requirement = new RequirementRef("soc2-2017", "CC1.2-POF3"),
                Kind = JudgementKind.NotRelevant,
                By = DemoPeople.Compliance,
                At = At(150, 10),
                Rationale = "No independent board: Northwind is a founder-led private company without outside directors or investors "
                    + "on a board; oversight of internal control rests with the founders themselves, in the security steering committee "
                    + "(AC-03) and the management review (AC-14), so there is no board whose independence from management could be shown.",
            },
            Sufficient(
                "CC3.2-POF3",
                ["AC-06", "AC-07"],
                At(1, 15),
                "The annual risk assessment is run by the CISO with every department head and signed off by the CEO, and the "
                    + "quarterly risk treatment plan and SoA are approved by the risk owners and the CISO: management at every level "
                    + "takes part, which is all this point of focus asks of a company our size.",
                controls,
                evidence),
            Sufficient(
                "CC6.3-POF4",
                ["AC-22", "AC-39"],
                At(120, 11),
                "Quarterly user access reviews cover every role in Okta and AWS, and privileged access management re-approves "
                    + "administrative roles on each review: together they review access roles and rules as the point of focus asks.",
                controls,
                evidence),
        ];
    }

    // The controls as they stand, and the newest version of each of their evidence items collected by the time of the judgement.
    private static Judgement Sufficient(string pointOfFocus, string[] ids, DateTimeOffset at, string rationale, IReadOnlyList<Control> controls, IReadOnlyList<EvidenceItem> evidence) => new()
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
