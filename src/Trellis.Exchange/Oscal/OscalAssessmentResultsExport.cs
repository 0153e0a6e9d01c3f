using System.Text.Json.Nodes;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;
using Trellis.Core.Program;

namespace Trellis.Exchange.Oscal;

/// <summary>
/// Exports one engagement as an OSCAL 1.2 <c>assessment-results</c>: <c>import-ap</c> points at a back-matter resource
/// describing the engagement's plan (kind, framework, firm, TSC categories, window, fieldwork); one <c>result</c> whose
/// start and end are the engagement's period (the observation window, else the Type 1 "as of" day, else fieldwork);
/// <c>reviewed-controls</c> lists the framework's requirements in the engagement's scope (SOC 2: the TSC categories in
/// scope); one <c>finding</c> per Trellis finding raised by the engagement, its target the finding's requirement in
/// the engagement's framework with status not-satisfied (nonconformities and SOC 2 exceptions) or satisfied
/// (opportunities for improvement, which are not nonconformities), and one <c>EXAMINE</c> observation per finding
/// carrying the auditor's description and the evidence of the controls concerned that is effective in the period.
/// UUIDs are name-based: the same input at the same instant gives the same bytes.
/// </summary>
public static class OscalAssessmentResultsExport
{
    /// <summary>Builds <c>{"assessment-results": …}</c>.</summary>
    /// <param name="program">The program (organization, controls' evidence).</param>
    /// <param name="engagement">The engagement.</param>
    /// <param name="findings">Findings; those whose <see cref="Finding.EngagementId"/> is the engagement's are exported.</param>
    /// <param name="catalog">The catalog holding the engagement's framework.</param>
    /// <param name="options">The clock.</param>
    public static Result<JsonObject> Build(ComplianceProgram program, Engagement engagement, IEnumerable<Finding> findings, FrameworkCatalog catalog, OscalExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(engagement);
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(catalog);
        options ??= new OscalExportOptions();
        var fw = catalog.Framework(engagement.Framework);
        if (!fw.IsSuccess)
        {
            return fw.Error!;
        }

        if (Period(engagement) is not { } period)
        {
            return new Error(ErrorCodes.InvalidEngagement, $"engagement '{engagement.Id}' has no observation window, as-of date or fieldwork dates");
        }

        var reviewed = fw.Value.Requirements.Where(r => InScope(engagement, r)).ToList();
        if (reviewed.Count == 0)
        {
            return new Error(ErrorCodes.NothingToExport, $"no requirement of {fw.Value.Id} is in the scope of engagement '{engagement.Id}'");
        }

        var own = findings.Where(f => f.EngagementId == engagement.Id).OrderBy(f => f.Id, StringComparer.Ordinal).ToList();
        var organization = OscalParts.Organization(program);
        var plan = NameBasedUuid.Create($"assessment-plan:{engagement.Id}");
        var result = new JsonObject
        {
            ["uuid"] = NameBasedUuid.Create($"assessment-results:{engagement.Id}:result").ToString(),
            ["title"] = OscalParts.Line(engagement.DisplayTitle),
            ["description"] = $"{Describe(engagement, OscalParts.SystemName(program), fw.Value)}, {period}: {own.Count} finding{(own.Count == 1 ? "" : "s")} recorded in Trellis.",
            ["start"] = OscalParts.StartOf(period.Start),
            ["end"] = OscalParts.EndOf(period.End),
            ["props"] = new JsonArray(OscalParts.Prop("engagement-id", engagement.Id), OscalParts.Prop("engagement-kind", engagement.Kind.ToWire())),
            ["reviewed-controls"] = new JsonObject
            {
                ["description"] = $"The requirements of {fw.Value.Name} in the engagement's scope"
                    + (engagement.Kind.IsSoc2() ? $" (TSC categories: {string.Join(", ", engagement.Categories)})." : "."),
                ["links"] = new JsonArray(new JsonObject { ["href"] = $"#{OscalParts.FrameworkResourceUuid(fw.Value.Id)}", ["rel"] = "reference" }),
                ["control-selections"] = new JsonArray(new JsonObject
                {
                    ["include-controls"] = new JsonArray(reviewed.Select(r => (JsonNode)new JsonObject { ["control-id"] = OscalParts.ControlId(r.Id) }).ToArray()),
                }),
            },
        };
        if (own.Count > 0)
        {
            result["observations"] = new JsonArray(own.Select(f => (JsonNode)AssessmentFindings.Observation(engagement, f, program, period)).ToArray());
            result["findings"] = new JsonArray(own.Select(f => (JsonNode)AssessmentFindings.Finding(engagement, f)).ToArray());
        }

        var metadata = OscalParts.Metadata($"{engagement.DisplayTitle}: assessment results", options, "Exported by Trellis from a stored engagement and its findings.");
        var parties = new JsonArray(OscalParts.Party(organization));
        if (!string.IsNullOrWhiteSpace(engagement.Firm) && OscalParts.Line(engagement.Firm) != organization)
        {
            parties.Add(OscalParts.Party(engagement.Firm));
            metadata["roles"] = new JsonArray(new JsonObject { ["id"] = "assessor", ["title"] = "Assessor" });
            metadata["parties"] = parties;
            metadata["responsible-parties"] = new JsonArray(new JsonObject
            {
                ["role-id"] = "assessor",
                ["party-uuids"] = new JsonArray(OscalParts.PartyUuid(OscalParts.Line(engagement.Firm)).ToString()),
            });
        }
        else
        {
            metadata["parties"] = parties;
        }

        return OscalParts.Document(OscalModel.AssessmentResults, new JsonObject
        {
            ["metadata"] = metadata,
            ["import-ap"] = new JsonObject
            {
                ["href"] = $"#{plan}",
                ["remarks"] = "Trellis keeps the engagement, not an OSCAL assessment plan; the back-matter resource describes it.",
            },
            ["results"] = new JsonArray(result),
            ["back-matter"] = new JsonObject
            {
                ["resources"] = new JsonArray(PlanResource(plan, engagement, fw.Value, period), OscalParts.FrameworkResource(fw.Value.Id, fw.Value)),
            },
        });
    }

    /// <summary>The period the results speak to: the observation window, else the "as of" day (Type 1), else fieldwork.</summary>
    internal static DateRange? Period(Engagement engagement) =>
        engagement.Window?.Range ?? (engagement.AsOf is { } d ? DateRange.Day(d) : engagement.Fieldwork);

    // SOC 2 covers only the criteria of the categories in scope (docs/audit-cycle.md §1.2); other frameworks are reviewed whole.
    private static bool InScope(Engagement engagement, Requirement r) =>
        !engagement.Kind.IsSoc2() || r.Category is null || engagement.Categories.Contains(r.Category);

    private static string Describe(Engagement e, string system, Framework fw) =>
        $"{e.Kind.ToWire()} engagement of {system} against {fw.Name}" + (string.IsNullOrWhiteSpace(e.Firm) ? "" : $" by {e.Firm.Trim()}");

    private static JsonObject PlanResource(Guid uuid, Engagement e, Framework fw, DateRange period)
    {
        var lines = new List<string>
        {
            $"Kind: {e.Kind.ToWire()}",
            $"Framework: {fw.Name} ({fw.Id})",
            $"Period: {period}",
        };
        if (!string.IsNullOrWhiteSpace(e.Firm))
        {
            lines.Add($"Firm: {e.Firm.Trim()}");
        }

        if (e.Kind.IsSoc2())
        {
            lines.Add($"TSC categories: {string.Join(", ", e.Categories)}");
        }

        if (e.Fieldwork is { } f)
        {
            lines.Add($"Fieldwork: {f}");
        }

        if (e.ReportDate is { } r)
        {
            lines.Add($"Report date: {OscalParts.Date(r)}");
        }

        return new JsonObject
        {
            ["uuid"] = uuid.ToString(),
            ["title"] = OscalParts.Line($"Assessment plan: {e.DisplayTitle}"),
            ["description"] = OscalParts.Bullets(lines),
            ["props"] = new JsonArray(
                OscalParts.Prop("engagement-id", e.Id),
                OscalParts.Prop("engagement-kind", e.Kind.ToWire()),
                OscalParts.Prop("framework-id", fw.Id)),
        };
    }
}
