using Trellis.Core.Common;
using Trellis.Core.Crosswalk;

namespace Trellis.Core.Program;

/// <summary>What a person judged about a requirement or point of focus (docs/crosswalk-rules.md, rule 8).</summary>
public enum JudgementKind
{
    /// <summary>Sufficiently met by the named controls, although the crosswalk gives them only partial credit.</summary>
    Sufficient,

    /// <summary>Not relevant to the entity's system (points of focus guide; they are not requirements): it does not count.</summary>
    NotRelevant,
}

/// <summary>Wire names of <see cref="JudgementKind"/>.</summary>
public static class JudgementKinds
{
    private static readonly WireNames<JudgementKind> Wire = new(new Dictionary<JudgementKind, string>
    {
        [JudgementKind.Sufficient] = "sufficient",
        [JudgementKind.NotRelevant] = "not-relevant",
    });

    /// <summary>All wire names.</summary>
    public static IReadOnlyList<string> WireNames => Wire.All;

    /// <summary>The wire name.</summary>
    public static string ToWire(this JudgementKind kind) => Wire[kind];

    /// <summary>Parses a wire name.</summary>
    public static bool TryParse(string? text, out JudgementKind kind) => Wire.TryParse(text, out kind);
}

/// <summary>A control as it stood when a judgement relied on it.</summary>
/// <param name="Id">Control ID.</param>
/// <param name="Status">Its implementation status then.</param>
/// <param name="Mappings">Its mappings then, as <c>framework:id relationship</c>, sorted.</param>
public sealed record JudgedControl(string Id, ImplementationStatus Status, IReadOnlyList<string> Mappings)
{
    /// <summary>The record of <paramref name="control"/> as it stands now.</summary>
    public static JudgedControl Of(Control control)
    {
        ArgumentNullException.ThrowIfNull(control);
        return new(control.Id, control.Status, MappingsOf(control));
    }

    internal static IReadOnlyList<string> MappingsOf(Control control) =>
        [.. control.Mappings.Select(m => $"{m.Requirement} {m.Relationship.ToWire()}").Order(StringComparer.Ordinal)];
}

/// <summary>An evidence version a judgement relied on.</summary>
/// <param name="Evidence">Evidence ID.</param>
/// <param name="Version">Version number.</param>
public sealed record JudgedEvidence(string Evidence, int Version);

/// <summary>
/// A person's judgement that a requirement (or point of focus) is sufficiently met by named controls, or is not
/// relevant to the system (rule 8). It records who, when, why, and exactly which controls (as they stood) and evidence
/// versions it relied on; a sufficiency judgement holds only while all of them still stand (Readiness.Judgements.Check).
/// A judgement is never inferred.
/// </summary>
public sealed record Judgement
{
    /// <summary>The requirement or point of focus judged, e.g. <c>soc2-2017:CC1.2</c>.</summary>
    public required RequirementRef Requirement { get; init; }

    /// <summary>Sufficient or not relevant.</summary>
    public required JudgementKind Kind { get; init; }

    /// <summary>The controls relied on (sufficient only), as they stood.</summary>
    public IReadOnlyList<JudgedControl> Controls { get; init; } = [];

    /// <summary>The evidence versions relied on (sufficient only).</summary>
    public IReadOnlyList<JudgedEvidence> Evidence { get; init; } = [];

    /// <summary>Who judged (e-mail).</summary>
    public required string By { get; init; }

    /// <summary>When (UTC).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Why, in the judge's words.</summary>
    public required string Rationale { get; init; }
}
