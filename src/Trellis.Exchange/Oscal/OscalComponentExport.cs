using System.Text.Json.Nodes;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;
using Trellis.Core.Program;
using Trellis.Core.Readiness;

namespace Trellis.Exchange.Oscal;

/// <summary>
/// Exports the program as an OSCAL 1.2 <c>component-definition</c>: one <c>service</c> component (the organization's
/// system) with one <c>control-implementation</c> per framework the controls map to. Its <c>source</c> is a
/// back-matter resource naming the framework (ID, name, version). Each requirement at least one control maps to
/// directly becomes an <c>implemented-requirement</c> whose description names those controls and their relationship
/// ("the control is equal to / a subset of … the requirement"), with an <c>implementation-status</c> prop from
/// Trellis readiness on the clock's date (covered → implemented, partial → partial, gap → planned, not-applicable →
/// not-applicable) and the readiness reasons as remarks. Every UUID is name-based, so the same program at the same
/// instant gives the same bytes.
/// </summary>
public static class OscalComponentExport
{
    /// <summary>Builds <c>{"component-definition": …}</c>.</summary>
    /// <param name="program">The program.</param>
    /// <param name="engine">The crosswalk whose catalog names the frameworks; readiness is judged with it.</param>
    /// <param name="options">Clock and freshness policy.</param>
    public static Result<JsonObject> Build(ComplianceProgram program, CrosswalkEngine engine, OscalExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(engine);
        options ??= new OscalExportOptions();
        var today = DateOnly.FromDateTime(options.Time.GetUtcNow().UtcDateTime);
        var mapped = program.Controls
            .SelectMany(c => c.Mappings.Select(m => (Control: c, Mapping: m)))
            .GroupBy(x => x.Mapping.Requirement.Framework, StringComparer.Ordinal)
            .ToList();
        if (mapped.Count == 0)
        {
            return new Error(ErrorCodes.NothingToExport, "no control of the program maps to a requirement; map controls before exporting a component definition");
        }

        var order = engine.Catalog.Frameworks.Select((f, i) => (f.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var system = OscalParts.SystemName(program);
        var organization = OscalParts.Organization(program);
        var implementations = new JsonArray();
        var resources = new JsonArray();
        foreach (var group in mapped.OrderBy(g => order.GetValueOrDefault(g.Key, int.MaxValue)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var framework = engine.Catalog.Framework(group.Key) is { IsSuccess: true } found ? found.Value : null;
            var readiness = framework is null ? null
                : ReadinessAnalysis.Compute(program, engine, framework.Id, today, options.Policy).Value.Requirements.ToDictionary(r => r.Id, StringComparer.Ordinal);
            var position = framework?.Requirements.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal) ?? [];
            var requirements = group
                .GroupBy(x => x.Mapping.Requirement.Requirement, StringComparer.Ordinal)
                .OrderBy(g => position.GetValueOrDefault(g.Key, int.MaxValue)).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Requirement(group.Key, g.Key, g.ToList(), readiness?.GetValueOrDefault(g.Key)))
                .ToArray();
            var name = framework?.Name ?? group.Key;
            implementations.Add(new JsonObject
            {
                ["uuid"] = NameBasedUuid.Create($"component-definition:{system}:{group.Key}").ToString(),
                ["source"] = $"#{OscalParts.FrameworkResourceUuid(group.Key)}",
                ["description"] = $"How {system} meets {name}: {requirements.Length} requirement{(requirements.Length == 1 ? "" : "s")} that Trellis controls map to. "
                    + (framework is null
                        ? "The framework is not in Trellis's catalog, so readiness is not judged."
                        : $"The implementation-status prop is Trellis readiness on {OscalParts.Date(today)}."),
                ["props"] = new JsonArray(OscalParts.Prop("framework-id", group.Key)),
                ["implemented-requirements"] = new JsonArray(requirements),
            });
            resources.Add(OscalParts.FrameworkResource(group.Key, framework));
        }

        var metadata = OscalParts.Metadata($"{system}: component definition", options, "Exported by Trellis from the compliance program: its controls and the framework requirements they map to.");
        metadata["roles"] = new JsonArray(new JsonObject { ["id"] = "provider", ["title"] = "Provider" });
        metadata["parties"] = new JsonArray(OscalParts.Party(organization));
        var component = new JsonObject
        {
            ["uuid"] = NameBasedUuid.Create($"component:{system}").ToString(),
            ["type"] = "service",
            ["title"] = system,
            ["description"] = OscalParts.SystemDescription(program),
            ["responsible-roles"] = new JsonArray(new JsonObject
            {
                ["role-id"] = "provider",
                ["party-uuids"] = new JsonArray(OscalParts.PartyUuid(organization).ToString()),
            }),
            ["control-implementations"] = implementations,
        };
        return OscalParts.Document(OscalModel.ComponentDefinition, new JsonObject
        {
            ["metadata"] = metadata,
            ["components"] = new JsonArray(component),
            ["back-matter"] = new JsonObject { ["resources"] = resources },
        });
    }

    private static JsonObject Requirement(string framework, string id, List<(Control Control, ControlMapping Mapping)> by, RequirementReadiness? readiness)
    {
        var lines = by
            .GroupBy(x => x.Control.Id, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var c = g.First().Control;
                var relationships = string.Join(", ", g.Select(x => x.Mapping.Relationship.ToWire()).Distinct(StringComparer.Ordinal));
                var what = string.IsNullOrWhiteSpace(c.Description) ? "" : $": {c.Description}";
                return $"{c.Id} {c.Title} ({relationships}; {c.Status.ToWire()}){what}";
            });
        var props = new JsonArray();
        if (readiness is not null)
        {
            props.Add(OscalParts.StatusProp(OscalParts.State(readiness.Status)));
            props.Add(OscalParts.Prop("readiness", readiness.Status.ToWire()));
        }

        foreach (var p in OscalParts.RequirementProps(id))
        {
            props.Add(p);
        }

        var requirement = new JsonObject
        {
            ["uuid"] = NameBasedUuid.Create($"component-definition:{framework}:{id}").ToString(),
            ["control-id"] = OscalParts.ControlId(id),
            ["description"] = $"Met by these Trellis controls, each with its relationship to {id} (the control is equal to, a subset of, a superset of or intersects with it) and its status:\n\n{OscalParts.Bullets(lines)}",
        };
        if (props.Count > 0)
        {
            requirement["props"] = props;
        }

        if (readiness is not null && readiness.Reasons.Count > 0)
        {
            requirement["remarks"] = OscalParts.Bullets(readiness.Reasons.Concat(readiness.Closers.Select(c => $"to close: {c}")));
        }

        return requirement;
    }
}
