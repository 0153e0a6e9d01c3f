using Trellis.Core.Program;
using Trellis.Core.Serialization;

namespace Trellis.Exchange.ProgramAsCode;

/// <summary>Reads <c>scope</c>: the ISMS scope (ISO/IEC 27001 4.3), the SOC 2 system description and the TSC categories.</summary>
internal static class ScopeSection
{
    private static readonly string[] ScopeKeys = ["isms", "system", "tscCategories"];
    private static readonly string[] IsmsKeys = ["statement", "boundaries", "exclusions", "interfaces"];
    private static readonly string[] SystemKeys =
        ["name", "services", "serviceCommitments", "systemRequirements", "components", "subservices", "userEntityControls"];

    private static readonly string[] ComponentKeys = ["infrastructure", "software", "people", "data", "procedures"];
    private static readonly string[] SubserviceKeys = ["name", "service", "method", "complementaryControls"];

    public static ProgramScope Read(YamlMap? map, YamlFields f)
    {
        if (map is null)
        {
            return new ProgramScope();
        }

        f.OnlyKeys(map, ScopeKeys);
        return new ProgramScope
        {
            Isms = ReadIsms(f.AsMap(map["isms"], "isms"), f),
            System = ReadSystem(f.AsMap(map["system"], "system"), f),
            TscCategories = map["tscCategories"] is null ? ["security"] : f.Strings(map, "tscCategories"),
        };
    }

    private static IsmsScope ReadIsms(YamlMap? map, YamlFields f)
    {
        if (map is null)
        {
            return new IsmsScope();
        }

        f.OnlyKeys(map, IsmsKeys);
        return new IsmsScope
        {
            Statement = f.String(map, "statement") ?? "",
            Boundaries = f.Strings(map, "boundaries"),
            Exclusions = f.Strings(map, "exclusions"),
            Interfaces = f.Strings(map, "interfaces"),
        };
    }

    private static SystemDescription ReadSystem(YamlMap? map, YamlFields f)
    {
        if (map is null)
        {
            return new SystemDescription();
        }

        f.OnlyKeys(map, SystemKeys);
        return new SystemDescription
        {
            Name = f.String(map, "name") ?? "",
            Services = f.Strings(map, "services"),
            ServiceCommitments = f.Strings(map, "serviceCommitments"),
            SystemRequirements = f.Strings(map, "systemRequirements"),
            Components = ReadComponents(f.AsMap(map["components"], "components"), f),
            Subservices = f.Maps(map, "subservices").Select(s => ReadSubservice(s, f)).ToList(),
            UserEntityControls = f.Strings(map, "userEntityControls"),
        };
    }

    private static SystemComponents ReadComponents(YamlMap? map, YamlFields f)
    {
        if (map is null)
        {
            return new SystemComponents();
        }

        f.OnlyKeys(map, ComponentKeys);
        return new SystemComponents
        {
            Infrastructure = f.Strings(map, "infrastructure"),
            Software = f.Strings(map, "software"),
            People = f.Strings(map, "people"),
            Data = f.Strings(map, "data"),
            Procedures = f.Strings(map, "procedures"),
        };
    }

    private static SubserviceOrganization ReadSubservice(YamlMap map, YamlFields f)
    {
        f.OnlyKeys(map, SubserviceKeys);
        return new SubserviceOrganization(
            f.String(map, "name", required: true) ?? "",
            f.String(map, "service", required: true) ?? "",
            f.Wire<SubserviceMethod>(map, "method", SubserviceMethods.TryParse, SubserviceMethods.WireNames, required: true) ?? default,
            f.Strings(map, "complementaryControls"));
    }
}
