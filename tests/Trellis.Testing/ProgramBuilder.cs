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
    private string _organization = "Example Co";
    private SoaApproval? _approval;

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

    /// <summary>Gives an added control a title (the default title is its ID).</summary>
    public ProgramBuilder ControlTitle(string controlId, string title)
    {
        var i = _controls.FindIndex(c => c.Id == controlId);
        _controls[i] = _controls[i] with { Title = title };
        return this;
    }

    /// <summary>Adds file evidence for a control: SHA-256 and size are those of <paramref name="content"/>.</summary>
    public ProgramBuilder FileEvidence(string id, string controlId, string fileName, byte[] content, DateOnly effective, DateOnly? effectiveTo = null, string? title = null)
    {
        _evidence.Add(new EvidenceItem
        {
            Id = id,
            Title = title ?? id,
            ControlIds = [controlId],
            Versions =
            [
                new EvidenceVersion
                {
                    Number = 1,
                    Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
                    FileName = fileName,
                    Size = content.Length,
                    MediaType = "application/octet-stream",
                    CollectedAt = new DateTimeOffset((effectiveTo ?? effective).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                    EffectiveFrom = effective,
                    EffectiveTo = effectiveTo,
                },
            ],
        });
        return this;
    }

    /// <summary>Sets the organization name. The default is "Example Co".</summary>
    public ProgramBuilder Organization(string name)
    {
        _organization = name;
        return this;
    }

    /// <summary>Records the SoA's version and approval.</summary>
    public ProgramBuilder SoaApproval(string version, string approvedBy, DateOnly approvedOn)
    {
        _approval = new SoaApproval(version, approvedBy, approvedOn);
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
        Organization = _organization,
        Scope = new ProgramScope { TscCategories = TscCategories.Normalize(_categories) },
        Controls = _controls,
        Evidence = _evidence,
        Risks = _risks,
        Soa = _soa,
        SoaApproval = _approval,
    };
}
