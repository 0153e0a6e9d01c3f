using Trellis.Core.Common;

namespace Trellis.Core.Crosswalk;

/// <summary>
/// Set-theory relationship between two requirements (NIST IR 8477, OSCAL 1.2 mapping model).
/// "A rel B" compares what A requires with what B requires.
/// </summary>
public enum Relationship
{
    /// <summary>A and B require the same thing.</summary>
    Equal,

    /// <summary>Everything A requires is within B; B asks for more.</summary>
    SubsetOf,

    /// <summary>A requires everything B does, and more.</summary>
    SupersetOf,

    /// <summary>A and B overlap; each asks for something the other does not.</summary>
    IntersectsWith,

    /// <summary>Explicitly nothing in B corresponds to A.</summary>
    NoRelationship,
}

/// <summary>Why a link was judged to hold (NIST IR 8477 rationale).</summary>
public enum Rationale
{
    /// <summary>Similar wording.</summary>
    Syntactic,

    /// <summary>Similar meaning.</summary>
    Semantic,

    /// <summary>Met by the same activity or evidence.</summary>
    Functional,
}

/// <summary>Where a link in a crosswalk view came from.</summary>
public enum LinkOrigin
{
    /// <summary>Written and reviewed in a mapping file.</summary>
    Curated,

    /// <summary>A curated link read in the other direction.</summary>
    Inverted,

    /// <summary>Composed through one or more pivot frameworks.</summary>
    Inferred,
}

/// <summary>Wire names and the algebra of relationships (docs/crosswalk-rules.md, coverage rules 1–5).</summary>
public static class Relationships
{
    private static readonly WireNames<Relationship> Wire = new(new Dictionary<Relationship, string>
    {
        [Relationship.Equal] = "equal",
        [Relationship.SubsetOf] = "subset-of",
        [Relationship.SupersetOf] = "superset-of",
        [Relationship.IntersectsWith] = "intersects-with",
        [Relationship.NoRelationship] = "no-relationship",
    });

    private static readonly WireNames<Rationale> RationaleWire = new(new Dictionary<Rationale, string>
    {
        [Rationale.Syntactic] = "syntactic",
        [Rationale.Semantic] = "semantic",
        [Rationale.Functional] = "functional",
    });

    private static readonly WireNames<LinkOrigin> OriginWire = new(new Dictionary<LinkOrigin, string>
    {
        [LinkOrigin.Curated] = "curated",
        [LinkOrigin.Inverted] = "inverted",
        [LinkOrigin.Inferred] = "inferred",
    });

    /// <summary>Wire name: <c>equal</c>, <c>subset-of</c>, <c>superset-of</c>, <c>intersects-with</c>, <c>no-relationship</c>.</summary>
    public static string ToWire(this Relationship r) => Wire[r];

    /// <summary>Parses a wire name; false when unknown.</summary>
    public static bool TryParse(string? text, out Relationship relationship) => Wire.TryParse(text, out relationship);

    /// <summary>All wire names, for error messages.</summary>
    public static IReadOnlyList<string> WireNames => Wire.All;

    /// <summary>Wire name of a rationale: <c>syntactic</c>, <c>semantic</c> or <c>functional</c>.</summary>
    public static string ToWire(this Rationale r) => RationaleWire[r];

    /// <summary>Parses a rationale wire name; false when unknown.</summary>
    public static bool TryParse(string? text, out Rationale rationale) => RationaleWire.TryParse(text, out rationale);

    /// <summary>All rationale wire names, for error messages.</summary>
    public static IReadOnlyList<string> RationaleNames => RationaleWire.All;

    /// <summary>Wire name of an origin: <c>curated</c>, <c>inverted</c> or <c>inferred</c>.</summary>
    public static string ToWire(this LinkOrigin o) => OriginWire[o];

    /// <summary>Parses an origin wire name; false when unknown.</summary>
    public static bool TryParse(string? text, out LinkOrigin origin) => OriginWire.TryParse(text, out origin);

    /// <summary>All origin wire names, for error messages.</summary>
    public static IReadOnlyList<string> OriginNames => OriginWire.All;

    /// <summary>Rule 4: inverting a link swaps subset-of and superset-of; the others are symmetric.</summary>
    public static Relationship Invert(this Relationship r) => r switch
    {
        Relationship.SubsetOf => Relationship.SupersetOf,
        Relationship.SupersetOf => Relationship.SubsetOf,
        _ => r,
    };

    /// <summary>
    /// Rule 1: implementing A fully satisfies B when A equal B or A superset-of B.
    /// </summary>
    public static bool Satisfies(this Relationship r) => r is Relationship.Equal or Relationship.SupersetOf;

    /// <summary>
    /// Rule 5: the relationship of A to C given A r1 B and B r2 C. Only chains of equal/subset/superset
    /// in one direction stay definite; anything else yields null, a "related, review" candidate.
    /// <c>no-relationship</c> never composes (callers do not traverse it).
    /// </summary>
    public static Relationship? Compose(Relationship first, Relationship second) => ComposeDefinite(first, second);

    /// <summary>
    /// The credit a control gets for a requirement it reaches through one link: <paramref name="control"/> is the
    /// control's relationship to the requirement it maps to (A), <paramref name="link"/> that requirement's
    /// relationship to the target (B). Definite compositions as <see cref="Compose"/>; otherwise
    /// <see cref="Relationship.IntersectsWith"/> — partial credit, never full — whenever set theory guarantees an
    /// overlap: the control contains A (equal, superset-of) and A meets B, or the control meets A and A lies within B
    /// (equal, subset-of). Anything else is unknown (null): a "related, review" candidate (docs/crosswalk-rules.md,
    /// rules 2 and 5; issue 13: intersects-with credit is partial everywhere, never dropped).
    /// </summary>
    public static Relationship? Credit(Relationship control, Relationship link)
    {
        if (ComposeDefinite(control, link) is { } definite)
        {
            return definite;
        }

        var controlContainsA = control is Relationship.Equal or Relationship.SupersetOf;
        var aWithinB = link is Relationship.Equal or Relationship.SubsetOf;
        return controlContainsA || (control == Relationship.IntersectsWith && aWithinB) ? Relationship.IntersectsWith : null;
    }

    private static Relationship? ComposeDefinite(Relationship first, Relationship second)
    {
        if (first == Relationship.NoRelationship || second == Relationship.NoRelationship)
        {
            throw new ArgumentException("no-relationship links are not traversed");
        }

        return (first, second) switch
        {
            (Relationship.Equal, _) => second == Relationship.IntersectsWith ? null : second,
            (_, Relationship.Equal) => first == Relationship.IntersectsWith ? null : first,
            (Relationship.SubsetOf, Relationship.SubsetOf) => Relationship.SubsetOf,
            (Relationship.SupersetOf, Relationship.SupersetOf) => Relationship.SupersetOf,
            _ => null,
        };
    }
}
