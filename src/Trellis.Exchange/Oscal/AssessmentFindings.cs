using System.Text.Json.Nodes;
using Trellis.Core.Audits;
using Trellis.Core.Crosswalk;
using Trellis.Core.Program;
using Trellis.Exchange.Reports.Builders;

namespace Trellis.Exchange.Oscal;

/// <summary>A Trellis finding as an OSCAL assessment-results <c>finding</c> and the <c>observation</c> behind it.</summary>
internal static class AssessmentFindings
{
    /// <summary>
    /// The target status of a finding: an ISO nonconformity or a SOC 2 exception means the requirement was not
    /// satisfied; an opportunity for improvement is not a nonconformity (ISO/IEC 27001 10.2), so it was satisfied.
    /// </summary>
    public static bool Satisfied(Finding finding) => finding.Kind == FindingKind.OpportunityForImprovement;

    /// <summary>
    /// The finding, targeting its first requirement in the engagement's framework (else its first requirement, else
    /// the finding itself), with kind, status and requirements as props and its correction, root cause and
    /// corrective actions (10.2 a–c) as remarks.
    /// </summary>
    public static JsonObject Finding(Engagement engagement, Finding f)
    {
        RequirementRef? target = f.Requirements.Where(r => r.Framework == engagement.Framework).Concat(f.Requirements).Select(r => (RequirementRef?)r).FirstOrDefault();
        var props = new JsonArray(
            OscalParts.Prop("finding-id", f.Id),
            OscalParts.Prop("finding-kind", f.Kind.ToWire()),
            OscalParts.Prop("finding-status", f.Status.ToWire()));
        foreach (var r in f.Requirements)
        {
            props.Add(OscalParts.Prop("requirement", r.ToString()));
        }

        var satisfied = Satisfied(f);
        var finding = new JsonObject
        {
            ["uuid"] = NameBasedUuid.Create($"assessment-results:{engagement.Id}:finding:{f.Id}").ToString(),
            ["title"] = OscalParts.Line(f.Title),
            ["description"] = OscalParts.Text(f.Description, f.Title),
            ["props"] = props,
            ["target"] = new JsonObject
            {
                ["type"] = "objective-id",
                ["target-id"] = OscalParts.ControlId(target?.Requirement ?? f.Id),
                ["title"] = OscalParts.Line(target?.ToString() ?? $"{f.Id}: no requirement recorded"),
                ["status"] = new JsonObject
                {
                    ["state"] = satisfied ? "satisfied" : "not-satisfied",
                    ["reason"] = satisfied ? "pass" : "fail",
                },
            },
            ["related-observations"] = new JsonArray(new JsonObject { ["observation-uuid"] = ObservationUuid(engagement, f).ToString() }),
        };
        var remarks = Remarks(f);
        if (remarks.Length > 0)
        {
            finding["remarks"] = remarks;
        }

        return finding;
    }

    /// <summary>
    /// What the auditor examined: the finding's description, the controls concerned, and the evidence of those
    /// controls that is effective in the engagement's period.
    /// </summary>
    public static JsonObject Observation(Engagement engagement, Finding f, ComplianceProgram program, DateRange period)
    {
        var observation = new JsonObject
        {
            ["uuid"] = ObservationUuid(engagement, f).ToString(),
            ["title"] = OscalParts.Line(f.Title),
            ["description"] = OscalParts.Text(f.Description, f.Title),
        };
        if (f.ControlIds.Count > 0)
        {
            observation["props"] = new JsonArray(f.ControlIds.Select(c => (JsonNode)OscalParts.Prop("control-id", c)).ToArray());
        }

        observation["methods"] = new JsonArray("EXAMINE");
        observation["types"] = new JsonArray("finding");
        var evidence = program.Evidence
            .Where(e => e.ControlIds.Any(f.ControlIds.Contains))
            .Where(e => e.Versions.Any(v => v.EffectiveFrom <= period.End && v.EffectiveEnd >= period.Start))
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .Select(e =>
            {
                var item = new JsonObject();
                if (e.Current.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out _))
                {
                    item["href"] = url;
                }

                item["description"] = ProgramFacts.Reference(e);
                return (JsonNode)item;
            })
            .ToArray();
        if (evidence.Length > 0)
        {
            observation["relevant-evidence"] = new JsonArray(evidence);
        }

        observation["collected"] = OscalParts.StartOf(f.RaisedOn);
        return observation;
    }

    private static Guid ObservationUuid(Engagement engagement, Finding f) => NameBasedUuid.Create($"assessment-results:{engagement.Id}:observation:{f.Id}");

    private static string Remarks(Finding f)
    {
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(f.Correction))
        {
            lines.Add($"Correction: {f.Correction}");
        }

        if (!string.IsNullOrWhiteSpace(f.RootCause))
        {
            lines.Add($"Root cause: {f.RootCause}");
        }

        foreach (var a in f.Actions)
        {
            var done = a.CompletedOn is { } on ? $", completed {OscalParts.Date(on)}" : "";
            lines.Add($"Corrective action {a.Id}: {a.Description} (owner {a.Owner}, due {OscalParts.Date(a.DueDate)}{done})");
        }

        return OscalParts.Bullets(lines);
    }
}
