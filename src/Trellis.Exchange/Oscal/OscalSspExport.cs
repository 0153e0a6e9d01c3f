using System.Text.Json.Nodes;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;
using Trellis.Core.Program;
using Trellis.Core.Readiness;
using Trellis.Exchange.Reports.Builders;

namespace Trellis.Exchange.Oscal;

/// <summary>
/// Exports the program as an OSCAL 1.2 <c>system-security-plan</c> for one framework. The system comes from the
/// scope (SOC 2 system description, ISMS scope and boundaries); <c>import-profile</c> points at a back-matter resource
/// naming the framework. Components are <c>this-system</c>, one <c>process-procedure</c> per Trellis control and one
/// <c>service</c> per subservice organization. Every requirement the program addresses (a control reaches it,
/// directly or through a definite crosswalk link, or the SoA excludes it) becomes an <c>implemented-requirement</c>
/// with an <c>implementation-status</c> prop from Trellis readiness on the clock's date (covered → implemented,
/// partial → partial, gap → planned, not-applicable → not-applicable) and one <c>by-component</c> per control that
/// reaches it, whose implementation-status is the control's own (implemented with fresh evidence → implemented,
/// implemented with stale or no evidence → partial, planned or in progress → planned, not applicable →
/// not-applicable). UUIDs are name-based: the same program at the same instant gives the same bytes.
/// </summary>
public static class OscalSspExport
{
    /// <summary>Builds <c>{"system-security-plan": …}</c> for <paramref name="framework"/>.</summary>
    /// <param name="program">The program.</param>
    /// <param name="engine">The crosswalk (controls mapped to other frameworks reach this one through it).</param>
    /// <param name="framework">The framework the plan answers, e.g. <c>soc2-2017</c>.</param>
    /// <param name="options">Clock, freshness policy and impact level.</param>
    public static Result<JsonObject> Build(ComplianceProgram program, CrosswalkEngine engine, string framework, OscalExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(engine);
        options ??= new OscalExportOptions();
        var fw = engine.Catalog.Framework(framework);
        if (!fw.IsSuccess)
        {
            return fw.Error!;
        }

        var today = DateOnly.FromDateTime(options.Time.GetUtcNow().UtcDateTime);
        var readiness = ReadinessAnalysis.Compute(program, engine, framework, today, options.Policy).Value;
        var excluded = fw.Value.Id == FrameworkIds.Iso27001v2022
            ? program.Soa.Where(d => !d.Applicable).Select(d => d.Control).ToHashSet(StringComparer.Ordinal)
            : [];
        var addressed = readiness.Requirements.Where(r => r.Controls.Count > 0 || excluded.Contains(r.Id)).ToList();
        if (addressed.Count == 0)
        {
            return new Error(ErrorCodes.NothingToExport, $"the program addresses no requirement of {framework}; map controls to it (directly or through the crosswalk) first");
        }

        var system = OscalParts.SystemName(program);
        var organization = OscalParts.Organization(program);
        var states = ControlState.Index(program, today, options.Policy);
        var reach = ReadinessAnalysis.Reach(program, engine, framework);
        var thisSystem = NameBasedUuid.Create($"this-system:{system}");
        var requirements = addressed.Select(r => Requirement(framework, r, reach[r.Id], states, thisSystem)).ToArray();

        var metadata = OscalParts.Metadata($"{system}: system security plan for {fw.Value.Name}", options, "Exported by Trellis from the compliance program. Implementation status is Trellis readiness: a requirement is implemented when an implemented control with fresh evidence fully meets it.");
        metadata["roles"] = new JsonArray(new JsonObject { ["id"] = "system-owner", ["title"] = "System Owner" });
        metadata["parties"] = new JsonArray(OscalParts.Party(organization));
        metadata["responsible-parties"] = new JsonArray(new JsonObject
        {
            ["role-id"] = "system-owner",
            ["party-uuids"] = new JsonArray(OscalParts.PartyUuid(organization).ToString()),
        });
        var summary = string.Join(", ", readiness.Summary.Select(kv => $"{addressed.Count(r => r.Status == kv.Key)} {OscalParts.State(kv.Key)}"));
        return OscalParts.Document(OscalModel.SystemSecurityPlan, new JsonObject
        {
            ["metadata"] = metadata,
            ["import-profile"] = new JsonObject
            {
                ["href"] = $"#{OscalParts.FrameworkResourceUuid(framework)}",
                ["remarks"] = $"Trellis's catalog of {fw.Value.Name}, named in back-matter.",
            },
            ["system-characteristics"] = SspSystem.Characteristics(program, system, organization, options.ImpactLevel),
            ["system-implementation"] = SspSystem.Implementation(program, system, thisSystem),
            ["control-implementation"] = new JsonObject
            {
                ["description"] = $"How {system} meets {fw.Value.Name}: {addressed.Count} requirements the program addresses, judged on {OscalParts.Date(today)} ({summary}).",
                ["implemented-requirements"] = new JsonArray(requirements),
            },
            ["back-matter"] = new JsonObject { ["resources"] = new JsonArray(OscalParts.FrameworkResource(framework, fw.Value)) },
        });
    }

    /// <summary>A control's own implementation state: operating → implemented, implemented but not fresh → partial.</summary>
    internal static string State(ControlState state) => state.Control.Status switch
    {
        ImplementationStatus.Implemented => state.Operating ? "implemented" : "partial",
        ImplementationStatus.NotApplicable => "not-applicable",
        _ => "planned",
    };

    private static JsonObject Requirement(string framework, RequirementReadiness r, IEnumerable<ControlReach> reach, IReadOnlyDictionary<string, ControlState> states, Guid thisSystem)
    {
        var byComponents = new JsonArray();
        foreach (var group in reach.Where(x => states.ContainsKey(x.ControlId)).GroupBy(x => x.ControlId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var state = states[group.Key];
            var control = state.Control;
            var how = string.Join("; ", group.Select(x => x.Describe()).Distinct(StringComparer.Ordinal));
            var what = string.IsNullOrWhiteSpace(control.Description) ? "" : $"\n\n{control.Description.Trim()}";
            byComponents.Add(new JsonObject
            {
                ["component-uuid"] = SspSystem.ControlComponentUuid(control.Id).ToString(),
                ["uuid"] = NameBasedUuid.Create($"ssp:{framework}:{r.Id}:{control.Id}").ToString(),
                ["description"] = $"{control.Id} {control.Title}: {how} {r.Id}.{what}",
                ["implementation-status"] = new JsonObject { ["state"] = State(state), ["remarks"] = state.Describe() },
            });
        }

        if (byComponents.Count == 0)
        {
            byComponents.Add(new JsonObject
            {
                ["component-uuid"] = thisSystem.ToString(),
                ["uuid"] = NameBasedUuid.Create($"ssp:{framework}:{r.Id}:this-system").ToString(),
                ["description"] = OscalParts.Text(string.Join("\n\n", r.Reasons), $"{r.Id} is not applicable."),
                ["implementation-status"] = new JsonObject { ["state"] = OscalParts.State(r.Status) },
            });
        }

        var props = new JsonArray(OscalParts.StatusProp(OscalParts.State(r.Status)), OscalParts.Prop("readiness", r.Status.ToWire()));
        foreach (var p in OscalParts.RequirementProps(r.Id))
        {
            props.Add(p);
        }

        var requirement = new JsonObject
        {
            ["uuid"] = NameBasedUuid.Create($"ssp:{framework}:{r.Id}").ToString(),
            ["control-id"] = OscalParts.ControlId(r.Id),
            ["props"] = props,
            ["by-components"] = byComponents,
        };
        if (r.Reasons.Count > 0)
        {
            requirement["remarks"] = OscalParts.Bullets(r.Reasons.Concat(r.Closers.Select(c => $"to close: {c}")));
        }

        return requirement;
    }
}
