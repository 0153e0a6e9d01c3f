using Trellis.Core.Crosswalk;
using Trellis.Core.Evidence;
using Trellis.Core.Frameworks;
using Trellis.Core.Program;
using Trellis.Core.Readiness;
using Trellis.Exchange.Reports.Writers;

namespace Trellis.Exchange.Reports.Builders;

/// <summary>
/// The gap report: per framework, every requirement that is not covered (partial or gap; not-applicable ones are
/// out of scope and only counted), with the controls that reach it, why it is not covered, and what would close it
/// (<see cref="RequirementReadiness.Closers"/>).
/// </summary>
public static class GapReport
{
    private static readonly ReportColumn[] Columns =
    [
        new("requirement", "Requirement", 0.75),
        new("title", "Title", 1.8),
        new("status", "Status", 0.65),
        new("controls", "Controls", 0.8),
        new("reasons", "Why", 2.8),
        new("closers", "To close", 2.4),
    ];

    /// <summary>Builds the report, one section per framework.</summary>
    public static ReportDocument Build(ComplianceProgram program, CrosswalkEngine engine, IReadOnlyList<Framework> frameworks, DateOnly today, DateTimeOffset generatedAt, FreshnessPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(frameworks);
        var sections = new List<ReportSection>();
        var metadata = new List<ReportField> { new("Organization", program.Organization), new("As of", ReportText.Date(today)) };
        foreach (var framework in frameworks)
        {
            var report = ReadinessAnalysis.Compute(program, engine, framework.Id, today, policy).Value;
            var open = report.Requirements.Where(r => r.Status is ReadinessStatus.Gap or ReadinessStatus.Partial).ToList();
            var summary = report.Summary;
            var line = $"{open.Count} of {report.Requirements.Count} requirements not covered: {summary[ReadinessStatus.Gap]} gap, "
                + $"{summary[ReadinessStatus.Partial]} partial; {summary[ReadinessStatus.Covered]} covered, {summary[ReadinessStatus.NotApplicable]} not applicable"
                + (summary[ReadinessStatus.NotRelevant] > 0 ? $", {summary[ReadinessStatus.NotRelevant]} judged not relevant." : ".");
            metadata.Add(new(framework.Name, line));
            var rows = open.Select(r => (IReadOnlyList<string>)
            [
                r.Id,
                r.Title,
                r.Status.ToWire(),
                ProgramFacts.List(r.Controls),
                ProgramFacts.List(r.Reasons, "\n"),
                ProgramFacts.List(r.Closers, "\n"),
            ]).ToList();
            sections.Add(new ReportSection(framework.Name, new ReportTable(Columns, rows)) { Paragraph = line });
        }

        return new ReportDocument
        {
            Kind = ReportKind.Gap.ToWire(),
            Title = "Gap report",
            Subtitle = $"{program.Organization} — {ProgramFacts.List(frameworks.Select(f => f.Name))}".TrimStart(' ', '—'),
            GeneratedAt = generatedAt,
            Metadata = metadata,
            Sections = sections,
        };
    }
}
