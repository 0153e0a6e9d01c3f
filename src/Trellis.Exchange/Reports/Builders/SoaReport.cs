using Trellis.Core.Crosswalk;
using Trellis.Core.Evidence;
using Trellis.Core.Frameworks;
using Trellis.Core.Policies;
using Trellis.Core.Program;
using Trellis.Core.Readiness;
using Trellis.Exchange.Reports.Writers;

namespace Trellis.Exchange.Reports.Builders;

/// <summary>
/// The Statement of Applicability (ISO/IEC 27001:2022 clause 6.1.3 d) as a report: one row per Annex A control
/// (93), with applicability, justification, reasons for inclusion, status, controls, risks, the published policies
/// mapped to it (title, version, approval date) and drift, under the
/// SoA's version and approval block ("not approved" when the program records no approval).
/// </summary>
public static class SoaReport
{
    private static readonly ReportColumn[] Columns =
    [
        new("control", "Control", 0.7),
        new("title", "Title", 2),
        new("applicable", "Applicable", 0.75, ColumnAlignment.Center),
        new("justification", "Justification", 2.2),
        new("reasons", "Reasons", 0.9),
        new("status", "Status", 1),
        new("controls", "Controls", 0.9),
        new("risks", "Risks", 0.8),
        new("drift", "Drift", 2.2),
        new("policies", "Policies", 1.6),
    ];

    /// <summary>Builds the report.</summary>
    /// <param name="program">The program.</param>
    /// <param name="iso2022">ISO/IEC 27001:2022 (its Annex A controls are the rows).</param>
    /// <param name="today">The day status and drift are judged (evidence freshness).</param>
    /// <param name="generatedAt">When the report is generated.</param>
    /// <param name="policy">Freshness policy; the default grace is 14 days.</param>
    /// <param name="policies">The program's policies; each published one is cited on the Annex A controls it is mapped to.</param>
    public static ReportDocument Build(ComplianceProgram program, Framework iso2022, DateOnly today, DateTimeOffset generatedAt, FreshnessPolicy? policy = null, IReadOnlyList<Policy>? policies = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(iso2022);
        var rows = StatementOfApplicability.Build(program, iso2022, today, policy);
        var approval = program.SoaApproval;
        var cited = PolicyCitations.ByRequirement(policies ?? []);
        var metadata = new List<ReportField>
        {
            new("Organization", program.Organization),
            new("Framework", $"{iso2022.Name} Annex A"),
            new("SoA version", approval?.Version ?? "none recorded"),
            new("Approval", approval is null ? "not approved" : $"approved by {approval.ApprovedBy} on {ReportText.Date(approval.ApprovedOn)}"),
            new("As of", ReportText.Date(today)),
            new("Applicable", $"{rows.Count(r => r.Applicable)} of {rows.Count} controls"),
            new("Excluded", ReportText.Number(rows.Count(r => !r.Applicable))),
            new("Without a decision", ReportText.Number(rows.Count(r => !r.Decided))),
            new("Rows with drift", ReportText.Number(rows.Count(r => r.Drift.Count > 0))),
        };

        var table = new ReportTable(Columns, rows.Select(r => (IReadOnlyList<string>)
        [
            r.Control,
            r.Title,
            r.Applicable ? "yes" : "no",
            r.Justification,
            ProgramFacts.List(r.Reasons.Select(x => x.ToWire())),
            r.Status.ToWire(),
            ProgramFacts.List(r.Controls),
            ProgramFacts.List(r.Risks),
            ProgramFacts.List(r.Drift, "\n"),
            ProgramFacts.List(cited[new RequirementRef(iso2022.Id, r.Control)], "\n"),
        ]).ToList());

        return new ReportDocument
        {
            Kind = ReportKind.Soa.ToWire(),
            Title = "Statement of Applicability",
            Subtitle = $"{program.Organization} — {iso2022.Name}, clause 6.1.3 d)".TrimStart(' ', '—'),
            GeneratedAt = generatedAt,
            Metadata = metadata,
            Sections =
            [
                new ReportSection("Annex A controls", table)
                {
                    Paragraph = "One row per Annex A control: whether it applies and why, its implementation status, the organization's "
                        + "controls, risks and published policies linked to it, and drift where the SoA and the program disagree.",
                },
            ],
        };
    }
}
