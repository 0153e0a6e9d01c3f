namespace Trellis.Core.Risks;

/// <summary>How a risk is treated (ISO/IEC 27001 6.1.3, ISO/IEC 27005 options).</summary>
public enum RiskTreatment
{
    /// <summary>Reduce it with controls.</summary>
    Modify,

    /// <summary>Accept it as it is (needs an approver).</summary>
    Retain,

    /// <summary>Stop the activity that causes it.</summary>
    Avoid,

    /// <summary>Transfer or share it (insurance, a supplier).</summary>
    Share,
}

/// <summary>One action of a risk treatment plan.</summary>
/// <param name="Description">What will be done.</param>
/// <param name="ControlIds">Controls the action puts in place or strengthens.</param>
/// <param name="Due">Due date.</param>
/// <param name="Done">True once completed.</param>
public sealed record TreatmentAction(string Description, IReadOnlyList<string> ControlIds, DateOnly? Due, bool Done);

/// <summary>Formal acceptance of a residual risk by its owner (6.1.3 f).</summary>
/// <param name="Approver">Who accepted it.</param>
/// <param name="AcceptedOn">When.</param>
/// <param name="Expires">When the acceptance must be renewed.</param>
public sealed record RiskAcceptance(string Approver, DateOnly AcceptedOn, DateOnly? Expires);

/// <summary>An information security risk (ISO/IEC 27001 6.1.2, assessed ISO/IEC 27005 style).</summary>
public sealed record Risk
{
    /// <summary>Risk ID, e.g. <c>R-01</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The scenario, in one line.</summary>
    public required string Title { get; init; }

    /// <summary>Asset or process at risk.</summary>
    public string Asset { get; init; } = "";

    /// <summary>Threat.</summary>
    public string Threat { get; init; } = "";

    /// <summary>Vulnerability the threat exploits.</summary>
    public string Vulnerability { get; init; } = "";

    /// <summary>Risk owner.</summary>
    public string Owner { get; init; } = "";

    /// <summary>Likelihood before treatment (1..matrix size).</summary>
    public int InherentLikelihood { get; init; } = 1;

    /// <summary>Impact before treatment.</summary>
    public int InherentImpact { get; init; } = 1;

    /// <summary>Likelihood after treatment.</summary>
    public int ResidualLikelihood { get; init; } = 1;

    /// <summary>Impact after treatment.</summary>
    public int ResidualImpact { get; init; } = 1;

    /// <summary>Chosen treatment.</summary>
    public RiskTreatment Treatment { get; init; } = RiskTreatment.Modify;

    /// <summary>Controls that treat the risk.</summary>
    public IReadOnlyList<string> ControlIds { get; init; } = [];

    /// <summary>Requirements (typically Annex A controls) the treatment needs; an excluded one is SoA drift.</summary>
    public IReadOnlyList<string> RequirementIds { get; init; } = [];

    /// <summary>Treatment plan.</summary>
    public IReadOnlyList<TreatmentAction> Plan { get; init; } = [];

    /// <summary>Acceptance of the residual risk, when given.</summary>
    public RiskAcceptance? Acceptance { get; init; }
}
