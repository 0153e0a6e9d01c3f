using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Program;
using Trellis.Core.Serialization;

namespace Trellis.Exchange.ProgramAsCode;

/// <summary>Reads one item of <c>controls</c> and its mappings (<c>requirement: framework:id</c>, <c>relationship</c>).</summary>
internal static class ControlSection
{
    private static readonly string[] ControlKeys = ["id", "title", "description", "owner", "cadence", "status", "mappings"];
    private static readonly string[] MappingKeys = ["requirement", "relationship"];

    public static Control Read(YamlMap map, YamlFields f)
    {
        f.OnlyKeys(map, ControlKeys);
        return new Control
        {
            Id = f.String(map, "id", required: true) ?? "",
            Title = f.String(map, "title", required: true) ?? "",
            Description = f.String(map, "description") ?? "",
            Owner = f.String(map, "owner") ?? "",
            Cadence = f.Wire<Cadence>(map, "cadence", Cadences.TryParse, Cadences.WireNames, required: true) ?? default,
            Status = f.Wire<ImplementationStatus>(map, "status", ImplementationStatuses.TryParse, ImplementationStatuses.WireNames, required: true) ?? default,
            Mappings = f.Maps(map, "mappings").Select(m => ReadMapping(m, f)).ToList(),
        };
    }

    private static ControlMapping ReadMapping(YamlMap map, YamlFields f)
    {
        f.OnlyKeys(map, MappingKeys);
        var requirement = ReadRequirement(map, f);
        var relationship = f.Wire<Relationship>(map, "relationship", Relationships.TryParse, Relationships.WireNames, required: true);

        // An unreadable relationship is already reported; equal keeps the validator from repeating it.
        return new ControlMapping(requirement, relationship ?? Relationship.Equal);
    }

    /// <summary>The required field <c>requirement</c>, written <c>framework:id</c> (a malformed one is reported and kept as the ID).</summary>
    public static RequirementRef ReadRequirement(YamlMap map, YamlFields f)
    {
        var text = f.String(map, "requirement", required: true) ?? "";
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (text.Length > 0 && (colon <= 0 || colon == text.Length - 1))
        {
            f.Fail(map["requirement"]!.Line, ErrorCodes.InvalidRequirement, $"field 'requirement' is '{text}'; write it as framework:id, e.g. iso27001-2022:A.5.15");
        }

        return colon > 0 ? new RequirementRef(text[..colon], text[(colon + 1)..]) : new RequirementRef("", text);
    }
}
