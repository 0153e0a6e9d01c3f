using Trellis.Core.Frameworks;
using Trellis.Core.Program;
using Trellis.Core.Risks;

namespace Trellis.Content.Demo;

/// <summary>
/// A realistic demo program for a fictional SaaS company, Northwind Cloud Ltd, run for ISO/IEC 27001:2022 and SOC 2
/// (Security, Availability, Confidentiality) at once: 60 controls mapped to both frameworks, about 150 evidence items
/// dated over the last 12 months, 21 risks on the 5x5 matrix, a Statement of Applicability with all 93 Annex A
/// controls, and the ISMS scope and system description. It has deliberate gaps so readiness has something to show:
/// planned and in-progress controls, stale evidence (AC-22, AC-44, AC-49, AC-51), overdue treatment actions, an expired
/// risk acceptance, two SoA drifts (A.7.4 excluded while R-09 needs it; A.8.8 declared implemented while
/// AC-44's evidence is stale), and the compliance lead's judgements on SOC 2 points of focus (<see cref="DemoJudgements"/>):
/// sufficient where operating controls truly meet them, not relevant for the independent board and the privacy points of
/// focus, none where ISO asks for nothing, and CC6.3-POF4 sufficient but lapsed because AC-22's evidence went stale.
/// </summary>
public static class DemoProgram
{
    /// <summary>The demo organization's name.</summary>
    public const string Organization = "Northwind Cloud Ltd";

    /// <summary>
    /// Builds the demo program as of the UTC calendar date of <paramref name="clock"/>: every date is relative to that day,
    /// and the same day always gives the same program and the same evidence bytes.
    /// </summary>
    /// <param name="clock">The clock whose current UTC date is "today".</param>
    /// <returns>The program and the contents of its evidence files by lowercase hex SHA-256.</returns>
    public static (ComplianceProgram Program, IReadOnlyDictionary<string, byte[]> Blobs) Create(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var engine = ShippedContent.Engine;
        var scope = DemoScope.Create();
        var controls = DemoControls.Rows.Select(r => new Control
        {
            Id = r.Id,
            Title = r.Title,
            Description = r.Description,
            Owner = r.Owner,
            Cadence = r.Cadence,
            Status = r.Status,
            Mappings = DemoMappings.For(r, engine, scope.TscCategories),
        }).ToList();
        var (evidence, blobs) = DemoEvidence.Create(DemoControls.Rows, today);
        var risks = DemoRisks.Create(today);
        var program = new ComplianceProgram
        {
            Organization = Organization,
            Scope = scope,
            Controls = controls,
            Evidence = evidence,
            Risks = risks,
            RiskMatrix = RiskMatrix.Default,
            Soa = DemoSoa.Create(ShippedContent.Catalog.Framework(FrameworkIds.Iso27001v2022).Value, risks),
            SoaApproval = new SoaApproval("v4", DemoPeople.Ceo, today.AddDays(-60)),
            Judgements = DemoJudgements.Create(controls, evidence, today),
        };
        return (program, blobs);
    }
}
