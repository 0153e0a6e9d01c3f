using Trellis.Core.Risks;

namespace Trellis.Data.Rows;

/// <summary>A risk of the register (controls and treatment actions are separate rows).</summary>
public sealed class RiskRow
{
    /// <summary>Risk ID (primary key).</summary>
    public string Id { get; set; } = "";

    /// <summary>Position in the register.</summary>
    public int Ordinal { get; set; }

    /// <summary>Scenario.</summary>
    public string Title { get; set; } = "";

    /// <summary>Asset or process.</summary>
    public string Asset { get; set; } = "";

    /// <summary>Threat.</summary>
    public string Threat { get; set; } = "";

    /// <summary>Vulnerability.</summary>
    public string Vulnerability { get; set; } = "";

    /// <summary>Owner.</summary>
    public string Owner { get; set; } = "";

    /// <summary>Inherent likelihood.</summary>
    public int InherentLikelihood { get; set; }

    /// <summary>Inherent impact.</summary>
    public int InherentImpact { get; set; }

    /// <summary>Residual likelihood.</summary>
    public int ResidualLikelihood { get; set; }

    /// <summary>Residual impact.</summary>
    public int ResidualImpact { get; set; }

    /// <summary>Treatment, stored lowercase (<c>modify</c>).</summary>
    public RiskTreatment Treatment { get; set; }

    /// <summary>Requirement IDs the treatment needs, as a JSON array of strings.</summary>
    public string RequirementIdsJson { get; set; } = "[]";

    /// <summary>Acceptance approver.</summary>
    public string? AcceptanceApprover { get; set; }

    /// <summary>Acceptance date; the acceptance exists exactly when this is not null.</summary>
    public DateOnly? AcceptedOn { get; set; }

    /// <summary>Acceptance expiry.</summary>
    public DateOnly? AcceptanceExpires { get; set; }

    /// <summary>Concurrency token, incremented on every update.</summary>
    public int Version { get; set; } = 1;
}
