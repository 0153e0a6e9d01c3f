using Trellis.Core.Crosswalk;
using Trellis.Core.Evidence;
using Trellis.Core.Frameworks;
using Trellis.Core.Program;
using Trellis.Core.Readiness;
using Trellis.Exchange.Reports.Writers;

namespace Trellis.Exchange.Reports.Builders;

/// <summary>
/// The readiness report: a summary section with the counts per framework (covered, partial, gap, not applicable)
/// and one bar chart per framework, then one section per framework with every requirement's status, contributing
/// controls, fresh evidence and reasons.
/// </summary>
public static class ReadinessSummaryReport
{
    private static readonly ReportColumn[] SummaryColumns =
    [
        new("framework", "Framework", 2),
        new("covered", "Covered", 0.8, ColumnAlignment.Right),
        new("partial", "Partial", 0.8, ColumnAlignment.Right),
        new("gap", "Gap", 0.8, ColumnAlignment.Right),
        new("notApplicable", "Not applicable", 0.9, ColumnAlignment.Right),
        new("total", "Total", 0.8, ColumnAlignment.Right),
        new("coveredInScope", "Covered in scope", 1, ColumnAlignment.Right),
    ];

    private static readonly ReportColumn[] RequirementColumns =
    [
        new("requirement", "Requirement", 0.75),
        new("title", "Title", 1.9),
        new("status", "Status", 0.7),
        new("controls", "Controls", 0.9),
        new("evidence", "Fresh evidence", 0.9),
        new("reasons", "Reasons", 3.2),
    ];

    /// <summary>Builds the report.</summary>
    public static ReportDocument Build(ComplianceProgram program, CrosswalkEngine engine, IReadOnlyList<Framework> frameworks, DateOnly today, DateTimeOffset generatedAt, FreshnessPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(frameworks);
        var summaryRows = new List<IReadOnlyList<string>>();
        var charts = new List<ReportChart>();
        var sections = new List<ReportSection>();
        foreach (var framework in frameworks)
        {
            var report = ReadinessAnalysis.Compute(program, engine, framework.Id, today, policy).Value;
            var s = report.Summary;
            var outOfScope = s[ReadinessStatus.NotApplicable] + s[ReadinessStatus.NotRelevant];
            var inScope = report.Requirements.Count - outOfScope;
            var percent = inScope == 0 ? "n/a" : $"{Math.Round(100.0 * s[ReadinessStatus.Covered] / inScope, MidpointRounding.AwayFromZero):0}%";
            summaryRows.Add(
            [
                framework.Name,
                ReportText.Number(s[ReadinessStatus.Covered]),
                ReportText.Number(s[ReadinessStatus.Partial]),
                ReportText.Number(s[ReadinessStatus.Gap]),
                ReportText.Number(outOfScope),
                ReportText.Number(report.Requirements.Count),
                percent,
            ]);
            charts.Add(new ReportChart(framework.Name,
            [
                new("Covered", s[ReadinessStatus.Covered], ChartTone.Good),
                new("Partial", s[ReadinessStatus.Partial], ChartTone.Warning),
                new("Gap", s[ReadinessStatus.Gap], ChartTone.Bad),
                new("Not applicable", outOfScope, ChartTone.Muted),
            ]));
            sections.Add(new ReportSection(framework.Name, new ReportTable(RequirementColumns, report.Requirements.Select(r => (IReadOnlyList<string>)
            [
                r.Id,
                r.Title,
                r.Status.ToWire(),
                ProgramFacts.List(r.Controls),
                ProgramFacts.List(r.Evidence),
                ProgramFacts.List(r.Reasons, "\n"),
            ]).ToList())));
        }

        sections.Insert(0, new ReportSection("Summary", new ReportTable(SummaryColumns, summaryRows))
        {
            Paragraph = "Covered: an implemented control with fresh evidence fully meets the requirement. Partial: something operates "
                + "toward it, but not enough. Gap: nothing operating addresses it. Not applicable: excluded in the SoA or a TSC category not in scope.",
            Charts = charts,
        });

        return new ReportDocument
        {
            Kind = ReportKind.Readiness.ToWire(),
            Title = "Readiness",
            Subtitle = $"{program.Organization} — {ProgramFacts.List(frameworks.Select(f => f.Name))}".TrimStart(' ', '—'),
            GeneratedAt = generatedAt,
            Metadata = [new("Organization", program.Organization), new("As of", ReportText.Date(today))],
            Sections = sections,
        };
    }
}
