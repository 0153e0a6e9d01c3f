using System.Text.Json.Nodes;
using Trellis.Core.Program;

namespace Trellis.Exchange.Oscal;

/// <summary>The SSP's <c>system-characteristics</c> and <c>system-implementation</c>, from the program's scope and controls.</summary>
internal static class SspSystem
{
    /// <summary>The UUID of the component standing for one Trellis control.</summary>
    public static Guid ControlComponentUuid(string controlId) => NameBasedUuid.Create($"control:{controlId}");

    /// <summary>
    /// System ID (name-based UUID), name, description, sensitivity and impact levels, information types from the
    /// system description's data components, status (operational once any control is implemented) and the
    /// authorization boundary from the ISMS scope (statement, boundaries, exclusions, interfaces).
    /// </summary>
    public static JsonObject Characteristics(ComplianceProgram program, string system, string organization, string level)
    {
        var data = program.Scope.System.Components.Data.Where(d => !string.IsNullOrWhiteSpace(d)).ToList();
        var types = (data.Count > 0 ? data : [$"Information processed by {system}"]).Select(d => (JsonNode)new JsonObject
        {
            ["uuid"] = NameBasedUuid.Create($"information-type:{system}:{d}").ToString(),
            ["title"] = OscalParts.Line(d),
            ["description"] = $"Stored, processed or transmitted by {system}: {d.Trim()}",
            ["confidentiality-impact"] = new JsonObject { ["base"] = level },
            ["integrity-impact"] = new JsonObject { ["base"] = level },
            ["availability-impact"] = new JsonObject { ["base"] = level },
        }).ToArray();
        var isms = program.Scope.Isms;
        var boundary = new List<string>();
        if (!string.IsNullOrWhiteSpace(isms.Statement))
        {
            boundary.Add(isms.Statement.Trim());
        }

        foreach (var (title, lines) in new[] { ("Boundaries", isms.Boundaries), ("Exclusions", isms.Exclusions), ("Interfaces and dependencies", isms.Interfaces) })
        {
            if (lines.Count > 0)
            {
                boundary.Add($"{title}:\n\n{OscalParts.Bullets(lines)}");
            }
        }

        var props = new JsonArray(program.Scope.TscCategories.Select(c => (JsonNode)OscalParts.Prop("tsc-category", c)).ToArray());
        var characteristics = new JsonObject
        {
            ["system-ids"] = new JsonArray(new JsonObject
            {
                ["identifier-type"] = "https://ietf.org/rfc/rfc4122",
                ["id"] = NameBasedUuid.Create($"system:{organization}:{system}").ToString(),
            }),
            ["system-name"] = system,
            ["description"] = OscalParts.SystemDescription(program),
        };
        if (props.Count > 0)
        {
            characteristics["props"] = props;
        }

        characteristics["security-sensitivity-level"] = OscalParts.Line(level);
        characteristics["system-information"] = new JsonObject { ["information-types"] = new JsonArray(types) };
        characteristics["security-impact-level"] = new JsonObject
        {
            ["security-objective-confidentiality"] = OscalParts.Line(level),
            ["security-objective-integrity"] = OscalParts.Line(level),
            ["security-objective-availability"] = OscalParts.Line(level),
        };
        characteristics["status"] = new JsonObject
        {
            ["state"] = program.Controls.Any(c => c.Status == ImplementationStatus.Implemented) ? "operational" : "under-development",
        };
        characteristics["authorization-boundary"] = new JsonObject
        {
            ["description"] = boundary.Count > 0 ? string.Join("\n\n", boundary) : $"The boundary of {system} is not described in the program's scope.",
        };
        return characteristics;
    }

    /// <summary>Users (the people of the system description), and the components: this system, each control, each subservice organization.</summary>
    public static JsonObject Implementation(ComplianceProgram program, string system, Guid thisSystem)
    {
        var people = program.Scope.System.Components.People.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        var users = (people.Count > 0 ? people : [$"Staff of {OscalParts.Organization(program)}"]).Select(p => (JsonNode)new JsonObject
        {
            ["uuid"] = NameBasedUuid.Create($"user:{system}:{p}").ToString(),
            ["title"] = OscalParts.Line(p),
            ["props"] = new JsonArray(OscalParts.Prop("type", "internal", trellis: false)),
        }).ToArray();

        var components = new JsonArray(new JsonObject
        {
            ["uuid"] = thisSystem.ToString(),
            ["type"] = "this-system",
            ["title"] = system,
            ["description"] = OscalParts.SystemDescription(program),
            ["status"] = new JsonObject { ["state"] = "operational" },
        });
        foreach (var control in program.Controls.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            var component = new JsonObject
            {
                ["uuid"] = ControlComponentUuid(control.Id).ToString(),
                ["type"] = "process-procedure",
                ["title"] = OscalParts.Line($"{control.Id} {control.Title}"),
                ["description"] = OscalParts.Text(control.Description, $"The Trellis control {control.Id}."),
                ["props"] = new JsonArray(
                    OscalParts.Prop("control-id", control.Id),
                    OscalParts.Prop("cadence", control.Cadence.ToWire()),
                    OscalParts.Prop("control-status", control.Status.ToWire())),
                ["status"] = control.Status switch
                {
                    ImplementationStatus.Implemented => new JsonObject { ["state"] = "operational" },
                    ImplementationStatus.NotApplicable => new JsonObject { ["state"] = "other", ["remarks"] = "Not applicable." },
                    _ => new JsonObject { ["state"] = "under-development" },
                },
            };
            if (!string.IsNullOrWhiteSpace(control.Owner))
            {
                component["remarks"] = $"Owner: {control.Owner.Trim()}";
            }

            components.Add(component);
        }

        foreach (var sub in program.Scope.System.Subservices)
        {
            var component = new JsonObject
            {
                ["uuid"] = NameBasedUuid.Create($"subservice:{sub.Name}").ToString(),
                ["type"] = "service",
                ["title"] = OscalParts.Line(sub.Name),
                ["description"] = OscalParts.Text(sub.Service, sub.Name),
                ["props"] = new JsonArray(OscalParts.Prop("subservice-method", sub.Method == SubserviceMethod.CarveOut ? "carve-out" : "inclusive")),
                ["status"] = new JsonObject { ["state"] = "operational" },
            };
            if (sub.ComplementaryControls.Count > 0)
            {
                component["remarks"] = $"Complementary subservice organization controls:\n\n{OscalParts.Bullets(sub.ComplementaryControls)}";
            }

            components.Add(component);
        }

        return new JsonObject { ["users"] = new JsonArray(users), ["components"] = components };
    }
}
