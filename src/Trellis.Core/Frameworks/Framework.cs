namespace Trellis.Core.Frameworks;

/// <summary>
/// A framework catalog: ISO/IEC 27001:2022, SOC 2 (TSC 2017), NIST CSF 2.0, or an imported OSCAL catalog.
/// Requirements keep the order of the standard. Immutable once built.
/// </summary>
public sealed class Framework
{
    private readonly Dictionary<string, Requirement> _byId;

    /// <summary>Creates a framework; requirement IDs must be unique (the content validator reports duplicates with their line).</summary>
    public Framework(
        string id,
        string name,
        string version,
        IReadOnlyList<Requirement> requirements,
        IReadOnlyList<RequirementGroup>? groups = null,
        FrameworkMetadata? metadata = null,
        int revision = 1,
        string source = "",
        string licence = "")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(requirements);
        Id = id;
        Name = name;
        Version = version;
        AllRequirements = requirements;
        Requirements = [.. requirements.Where(r => r.Kind != RequirementKind.PointOfFocus)];
        PointsOfFocus = [.. requirements.Where(r => r.Kind == RequirementKind.PointOfFocus)];
        Groups = groups ?? [];
        Metadata = metadata ?? new FrameworkMetadata();
        Revision = revision;
        Source = source;
        Licence = licence;
        _byId = requirements.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    /// <summary>Framework identifier, e.g. <c>iso27001-2022</c>.</summary>
    public string Id { get; }

    /// <summary>Display name, e.g. <c>ISO/IEC 27001:2022</c>.</summary>
    public string Name { get; }

    /// <summary>Edition of the standard, e.g. <c>2022</c>.</summary>
    public string Version { get; }

    /// <summary>Revision of Trellis's data file for this framework.</summary>
    public int Revision { get; }

    /// <summary>Where the content comes from.</summary>
    public string Source { get; }

    /// <summary>The licence of the shipped content.</summary>
    public string Licence { get; }

    /// <summary>Assurance model, authority, cycle and disclosure.</summary>
    public FrameworkMetadata Metadata { get; }

    /// <summary>
    /// The requirements in the standard's order — what is judged, reported and listed. SOC 2 points of focus are not
    /// requirements (an entity may judge one not relevant): they are in <see cref="PointsOfFocus"/>.
    /// </summary>
    public IReadOnlyList<Requirement> Requirements { get; }

    /// <summary>SOC 2 points of focus, each under its criterion (<see cref="Requirement.Parent"/>), in the AICPA's order.</summary>
    public IReadOnlyList<Requirement> PointsOfFocus { get; }

    /// <summary>Requirements and points of focus together, in file order: what the crosswalk links and IDs resolve to.</summary>
    public IReadOnlyList<Requirement> AllRequirements { get; }

    /// <summary>Display groups (not requirements).</summary>
    public IReadOnlyList<RequirementGroup> Groups { get; }

    /// <summary>Finds a requirement or point of focus by its exact ID.</summary>
    public Requirement? Find(string requirementId) => _byId.GetValueOrDefault(requirementId);

    /// <summary>True when the framework has a requirement with this exact ID.</summary>
    public bool Contains(string requirementId) => _byId.ContainsKey(requirementId);

    /// <inheritdoc />
    public override string ToString() => Id;
}
