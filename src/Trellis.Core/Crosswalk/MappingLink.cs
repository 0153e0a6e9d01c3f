namespace Trellis.Core.Crosswalk;

/// <summary>
/// One link of a crosswalk: <c>From Relationship To</c>, with why and how strongly it holds.
/// Curated links come from mapping files; inverted and inferred ones are derived by <see cref="CrosswalkEngine"/>.
/// </summary>
public sealed record MappingLink
{
    /// <summary>The requirement on the left of the relationship.</summary>
    public required RequirementRef From { get; init; }

    /// <summary>The requirement on the right; null only for <see cref="Relationship.NoRelationship"/>.</summary>
    public RequirementRef? To { get; init; }

    /// <summary>The set-theory relationship of From to To.</summary>
    public required Relationship Relationship { get; init; }

    /// <summary>Why the link holds.</summary>
    public required Rationale Rationale { get; init; }

    /// <summary>Strength or confidence, 1 (tangential) to 10 (complete).</summary>
    public required int Strength { get; init; }

    /// <summary>Citation of where the link comes from.</summary>
    public string Source { get; init; } = "";

    /// <summary>One line saying why the two relate.</summary>
    public string Justification { get; init; } = "";

    /// <summary>Curated, inverted or inferred.</summary>
    public LinkOrigin Origin { get; init; } = LinkOrigin.Curated;

    /// <summary>
    /// For inferred links, every requirement on the way from From to To (both included); for inverted links,
    /// the curated link read backwards; empty for curated links.
    /// </summary>
    public IReadOnlyList<RequirementRef> Path { get; init; } = [];

    /// <summary>
    /// True for an inferred link whose chain mixes directions or passes through an intersection (rule 5):
    /// related, but a reviewer must judge it. Its <see cref="Relationship"/> is reported as intersects-with.
    /// </summary>
    public bool NeedsReview { get; init; }

    /// <summary>The path written as <c>fw:id &gt; fw:id &gt; …</c>.</summary>
    public string PathText => string.Join(" > ", Path.Select(p => p.ToString()));
}
