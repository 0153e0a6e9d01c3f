using Trellis.Core.Common;

namespace Trellis.Exchange.Oscal;

/// <summary>The OSCAL models (document types), named by their root property.</summary>
public enum OscalModel
{
    /// <summary><c>catalog</c>: controls organized in groups.</summary>
    Catalog,

    /// <summary><c>profile</c>: a selection and tailoring of controls from catalogs or profiles (a baseline).</summary>
    Profile,

    /// <summary><c>mapping-collection</c>: relationships between the controls of two resources (OSCAL 1.2).</summary>
    MappingCollection,

    /// <summary><c>component-definition</c>.</summary>
    ComponentDefinition,

    /// <summary><c>system-security-plan</c>.</summary>
    SystemSecurityPlan,

    /// <summary><c>assessment-plan</c>.</summary>
    AssessmentPlan,

    /// <summary><c>assessment-results</c>.</summary>
    AssessmentResults,

    /// <summary><c>plan-of-action-and-milestones</c>.</summary>
    PlanOfActionAndMilestones,
}

/// <summary>Root property names of <see cref="OscalModel"/>: its wire names.</summary>
public static class OscalModels
{
    private static readonly WireNames<OscalModel> Names = new(new Dictionary<OscalModel, string>
    {
        [OscalModel.Catalog] = "catalog",
        [OscalModel.Profile] = "profile",
        [OscalModel.MappingCollection] = "mapping-collection",
        [OscalModel.ComponentDefinition] = "component-definition",
        [OscalModel.SystemSecurityPlan] = "system-security-plan",
        [OscalModel.AssessmentPlan] = "assessment-plan",
        [OscalModel.AssessmentResults] = "assessment-results",
        [OscalModel.PlanOfActionAndMilestones] = "plan-of-action-and-milestones",
    });

    /// <summary>The root property name, e.g. <c>mapping-collection</c>.</summary>
    public static string RootName(this OscalModel model) => Names[model];

    /// <summary>Finds the model whose root property is <paramref name="name"/>.</summary>
    public static bool TryParse(string? name, out OscalModel model) => Names.TryParse(name, out model);

    /// <summary>All root property names, for error messages.</summary>
    public static IEnumerable<string> RootNames => Names.All;
}
