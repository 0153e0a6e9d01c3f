using Trellis.Core.Crosswalk;
using Trellis.Core.Evidence;
using Trellis.Core.Program;
using Trellis.Core.Risks;

namespace Trellis.Testing;

/// <summary>Explicit builder for small programs: controls with mappings, evidence on given dates, risks, SoA decisions.</summary>
public sealed class ProgramBuilder
{
    private readonly List<Control> _controls = [];
    private readonly List<EvidenceItem> _evidence = [];
    private readonly List<Risk> _risks = [];
    private readonly List<SoaDecision> _soa = [];
    private IReadOnlyList<string> _categories = ["security"];

    /// <summary>Adds a control mapped with <c>(framework:requirement, relationship)</c> pairs.</summary>
    public ProgramBuilder Control(string id, ImplementationStatus status, Cadence cadence, params (string Requirement, Relationship Relationship)[] mappings)
    {
        _controls.Add(new Control
        {
            Id = id,
            Title = id,
            Owner = "owner@example.com",
            Status = status,
            Cadence = cadence,
            Mappings = mappings.Select(m =>
            {
                var i = m.Requirement.IndexOf(':', StringComparison.Ordinal);
                return new ControlMapping(new RequirementRef(m.Requirement[..i], m.Requirement[(i + 1)..]), m.Relationship);
            }).ToList(),
        });
        return this;
    }

    /// <summary>Adds link evidence for a control, effective on one day (or a period).</summary>
    public ProgramBuilder Evidence(string id, string controlId, DateOnly effective, DateOnly? effectiveTo = null)
    {
        _evidence.Add(new EvidenceItem
        {
            Id = id,
            Title = id,
            ControlIds = [controlId],
            Versions = [new EvidenceVersion { Number = 1, Url = $"https://evidence.example.com/{id}", CollectedAt = new DateTimeOffset(effective.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), EffectiveFrom = effective, EffectiveTo = effectiveTo }],
        });
        return this;
    }

    /// <summary>Adds a risk that needs requirements and is treated by controls.</summary>
    public ProgramBuilder Risk(string id, string[] requirementIds, params string[] controlIds)
    {
        _risks.Add(new Risk { Id = id, Title = id, RequirementIds = requirementIds, ControlIds = controlIds, InherentLikelihood = 4, InherentImpact = 4, ResidualLikelihood = 2, ResidualImpact = 3 });
        return this;
    }

    /// <summary>Records an SoA decision.</summary>
    public ProgramBuilder Soa(string control, bool applicable, string justification = "", ImplementationStatus? declared = null)
    {
        _soa.Add(new SoaDecision { Control = control, Applicable = applicable, Justification = justification, DeclaredStatus = declared, Reasons = applicable ? [InclusionReason.Risk] : [] });
        return this;
    }

    /// <summary>Sets the TSC categories in scope.</summary>
    public ProgramBuilder Categories(params string[] categories)
    {
        _categories = categories;
        return this;
    }

    /// <summary>Builds the program.</summary>
    public ComplianceProgram Build() => new()
    {
        Organization = "Example Co",
        Scope = new ProgramScope { TscCategories = TscCategories.Normalize(_categories) },
        Controls = _controls,
        Evidence = _evidence,
        Risks = _risks,
        Soa = _soa,
    };
}
