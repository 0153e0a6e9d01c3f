using Trellis.Core.Crosswalk;

namespace Trellis.Application.Catalogs;

/// <summary>
/// A crosswalk link: <c>source relationship target</c>, why, how strongly, where it comes from. The one JSON shape
/// of a link, shared by the API (<c>/api/v1/crosswalk</c>, <c>/api/v1/coverage</c>) and the CLI's JSON output
/// (<c>trellis crosswalk</c>, <c>trellis coverage</c>); the field names are a contract of both.
/// </summary>
/// <param name="Source">The requirement on the left of the relationship.</param>
/// <param name="SourceFramework">Its framework.</param>
/// <param name="Target">The requirement on the right; null only for <c>no-relationship</c>.</param>
/// <param name="TargetFramework">Its framework; empty when <paramref name="Target"/> is null.</param>
/// <param name="Relationship">The relationship of source to target, as its wire name (e.g. <c>subset-of</c>).</param>
/// <param name="Rationale">Why the link holds, as its wire name.</param>
/// <param name="Strength">Strength or confidence, 1 (tangential) to 10 (complete).</param>
/// <param name="Origin"><c>curated</c>, <c>inverted</c> or <c>inferred</c>.</param>
/// <param name="NeedsReview">True for an inferred link a reviewer must judge (crosswalk rule 5).</param>
/// <param name="Path">Inferred: every requirement on the way, both ends included; inverted: the curated link read
/// backwards; curated: empty. Each as <c>framework:id</c>.</param>
/// <param name="Citation">Where the link comes from.</param>
/// <param name="Justification">One line saying why the two relate.</param>
public sealed record LinkView(
    string Source, string SourceFramework, string? Target, string TargetFramework, string Relationship, string Rationale,
    int Strength, string Origin, bool NeedsReview, IReadOnlyList<string> Path, string Citation, string Justification)
{
    /// <summary>The view of a link.</summary>
    public static LinkView From(MappingLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new(
            link.From.Requirement, link.From.Framework, link.To?.Requirement, link.To?.Framework ?? "", link.Relationship.ToWire(), link.Rationale.ToWire(),
            link.Strength, link.Origin.ToWire(), link.NeedsReview, [.. link.Path.Select(p => p.ToString())], link.Source, link.Justification);
    }
}
