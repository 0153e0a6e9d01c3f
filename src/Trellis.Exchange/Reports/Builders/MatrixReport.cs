using Trellis.Core.Crosswalk;
using Trellis.Core.Evidence;
using Trellis.Core.Frameworks;
using Trellis.Core.Policies;
using Trellis.Core.Program;
using Trellis.Core.Readiness;
using Trellis.Exchange.Reports.Writers;

namespace Trellis.Exchange.Reports.Builders;

/// <summary>
/// The control matrix an auditor tests from: for every criterion in scope (SOC 2: the Trust Services Criteria of the
/// categories in the program's scope; other frameworks: every requirement), each control that reaches it with its
/// relationship (directly or through the crosswalk), the published policies mapped to it, the control's status, and references to its evidence (ID,
/// title, effective dates, SHA-256 prefix). A criterion no control reaches gets one row saying so.
/// </summary>
public static class MatrixReport
{
    private static readonly ReportColumn[] Columns =
    [
        new("criterion", "Criterion", 0.7),
        new("criterionTitle", "Criterion title", 1.7),
        new("readiness", "Readiness", 0.75),
        new("control", "Control", 0.7),
        new("controlTitle", "Control title", 1.5),
        new("relationship", "Relationship", 1.4),
        new("controlStatus", "Control status", 0.85),
        new("evidence", "Evidence", 3),
        new("policies", "Policies", 1.4),
    ];

    private static readonly ReportColumn[] JudgementColumns =
    [
        new("requirement", "Requirement", 0.9),
        new("kind", "Judgement", 0.8),
        new("state", "State", 0.6),
        new("by", "By", 1.3),
        new("at", "On", 0.7),
        new("controls", "Controls relied on", 1),
        new("rationale", "Rationale", 2.5),
        new("lapsedBecause", "Why it lapsed", 1.6),
    ];

    /// <summary>Builds the matrix for <paramref name="framework"/> (normally SOC 2).</summary>
    /// <param name="program">The program.</param>
    /// <param name="engine">The crosswalk (controls mapped to ISO 27001 reach SOC 2 through it).</param>
    /// <param name="framework">The framework whose requirements are the rows.</param>
    /// <param name="today">The day readiness is judged.</param>
    /// <param name="generatedAt">When the report is generated.</param>
    /// <param name="policy">Freshness policy; the default grace is 14 days.</param>
    /// <param name="policies">The program's policies; each published one is cited on the criteria it is mapped to.</param>
    public static ReportDocument Build(
        ComplianceProgram program, CrosswalkEngine engine, Framework framework, DateOnly today, DateTimeOffset generatedAt, FreshnessPolicy? policy = null, IReadOnlyList<Policy>? policies = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(framework);
        var categories = program.Scope.TscCategories.ToHashSet(StringComparer.Ordinal);
        var usesCategories = framework.Requirements.Any(r => r.Category is not null);
        var criteria = framework.Requirements
            .Where(r => r.Kind is not RequirementKind.Group && (r.Category is null || categories.Contains(r.Category)))
            .ToList();
        var readiness = ReadinessAnalysis.Compute(program, engine, framework.Id, today, policy).Value.Requirements
            .ToDictionary(r => r.Id, r => r.Status, StringComparer.Ordinal);
        var reach = ReadinessAnalysis.Reach(program, engine, framework.Id);
        var controls = program.Controls.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var evidence = ProgramFacts.EvidenceByControl(program);
        var cited = PolicyCitations.ByRequirement(policies ?? []);

        var rows = new List<IReadOnlyList<string>>();
        var uncovered = 0;
        foreach (var criterion in criteria)
        {
            var status = readiness.TryGetValue(criterion.Id, out var s) ? s.ToWire() : string.Empty;
            var policyText = ProgramFacts.List(cited[new RequirementRef(framework.Id, criterion.Id)], "\n");
            var byControl = reach[criterion.Id]
                .Where(x => controls.ContainsKey(x.ControlId))
                .GroupBy(x => x.ControlId, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToList();
            if (byControl.Count == 0)
            {
                uncovered++;
                rows.Add([criterion.Id, criterion.Title, status, "", "no control reaches this criterion", "", "", "", policyText]);
                continue;
            }

            foreach (var group in byControl)
            {
                var control = controls[group.Key];
                rows.Add(
                [
                    criterion.Id,
                    criterion.Title,
                    status,
                    control.Id,
                    control.Title,
                    ProgramFacts.List(group.Select(x => x.Describe()).Distinct(StringComparer.Ordinal), "\n"),
                    control.Status.ToWire(),
                    ProgramFacts.List(evidence[control.Id].Select(ProgramFacts.Reference), "\n"),
                    policyText,
                ]);
            }
        }

        var metadata = new List<ReportField>
        {
            new("Organization", program.Organization),
            new("Framework", framework.Name),
        };
        if (usesCategories)
        {
            metadata.Add(new("Categories in scope", ProgramFacts.List(program.Scope.TscCategories)));
        }

        metadata.Add(new("As of", ReportText.Date(today)));
        metadata.Add(new("Criteria", ReportText.Number(criteria.Count)));
        metadata.Add(new("Criteria no control reaches", ReportText.Number(uncovered)));

        // Shown only when there are any, so a program without judgements keeps its one-table matrix (and CSV shape).
        var judged = Judged(program, framework, today, policy);
        return new ReportDocument
        {
            Kind = ReportKind.Matrix.ToWire(),
            Title = framework.Id.StartsWith("soc2", StringComparison.Ordinal) ? "SOC 2 control matrix" : $"{framework.Name} control matrix",
            Subtitle = $"{program.Organization} — {framework.Name}".TrimStart(' ', '—'),
            GeneratedAt = generatedAt,
            Metadata = metadata,
            Sections =
            [
                new ReportSection("Control matrix", new ReportTable(Columns, rows))
                {
                    Paragraph = "Criterion (with the published policies mapped to it: title, version, approval date) → controls (relationship of the control to the criterion; \"via\" names the requirement the control "
                        + "is mapped to when it reaches the criterion through the crosswalk) → evidence (current version of each item).",
                },
                .. (judged.Count == 0 ? (IEnumerable<ReportSection>)[] :
                [
                    new ReportSection("Judgements", new ReportTable(JudgementColumns, judged))
                    {
                        Paragraph = "Requirements and points of focus the compliance team judged sufficiently met by named controls, or not relevant "
                            + "to the system. A sufficiency judgement counts only while the controls and evidence it relied on still stand; a lapsed "
                            + "one counts for nothing and says why.",
                    },
                ]),
            ],
        };
    }

    private static List<IReadOnlyList<string>> Judged(ComplianceProgram program, Framework framework, DateOnly today, FreshnessPolicy? policy)
    {
        var states = ControlState.Index(program, today, policy ?? new FreshnessPolicy());

        // In the framework's own order (CC1.1-POF2 before CC1.1-POF10), whatever order they were recorded or stored in.
        var order = framework.AllRequirements.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return [.. Judgements.CheckAll(program, states)
            .Where(s => s.Judgement.Requirement.Framework == framework.Id)
            .OrderBy(s => order.GetValueOrDefault(s.Judgement.Requirement.Requirement, int.MaxValue))
            .ThenBy(s => s.Judgement.Requirement.Requirement, StringComparer.Ordinal)
            .Select(s => (IReadOnlyList<string>)
            [
                s.Judgement.Requirement.Requirement,
                s.Judgement.Kind.ToWire(),
                s.Active ? "active" : "lapsed",
                s.Judgement.By,
                ReportText.Date(DateOnly.FromDateTime(s.Judgement.At.UtcDateTime)),
                ProgramFacts.List(s.Judgement.Controls.Select(c => c.Id)),
                s.Judgement.Rationale,
                ProgramFacts.List(s.LapsedBecause, "\n"),
            ])];
    }
}
