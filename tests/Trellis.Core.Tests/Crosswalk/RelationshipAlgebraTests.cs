using Trellis.Core.Crosswalk;
using R = Trellis.Core.Crosswalk.Relationship;

namespace Trellis.Core.Tests.Crosswalk;

public class RelationshipAlgebraTests
{
    // docs/crosswalk-rules.md, rule 5: only one-direction chains of equal/subset/superset stay definite.
    public static TheoryData<R, R, R?> Compositions => new()
    {
        { R.Equal, R.Equal, R.Equal },
        { R.Equal, R.SubsetOf, R.SubsetOf },
        { R.Equal, R.SupersetOf, R.SupersetOf },
        { R.SubsetOf, R.Equal, R.SubsetOf },
        { R.SupersetOf, R.Equal, R.SupersetOf },
        { R.SubsetOf, R.SubsetOf, R.SubsetOf },
        { R.SupersetOf, R.SupersetOf, R.SupersetOf },
        { R.SubsetOf, R.SupersetOf, null },
        { R.SupersetOf, R.SubsetOf, null },
        { R.IntersectsWith, R.Equal, null },
        { R.Equal, R.IntersectsWith, null },
        { R.IntersectsWith, R.IntersectsWith, null },
        { R.SubsetOf, R.IntersectsWith, null },
        { R.IntersectsWith, R.SupersetOf, null },
    };

    [Theory]
    [MemberData(nameof(Compositions))]
    public void Compose_FollowsRuleFive(R first, R second, R? expected) =>
        Assert.Equal(expected, Relationships.Compose(first, second));

    [Theory]
    [InlineData(R.Equal, R.Equal)]
    [InlineData(R.SubsetOf, R.SupersetOf)]
    [InlineData(R.SupersetOf, R.SubsetOf)]
    [InlineData(R.IntersectsWith, R.IntersectsWith)]
    [InlineData(R.NoRelationship, R.NoRelationship)]
    public void Invert_SwapsSubsetAndSupersetOnly(R relationship, R inverted)
    {
        Assert.Equal(inverted, relationship.Invert());
        Assert.Equal(relationship, relationship.Invert().Invert());
    }

    [Theory]
    [InlineData(R.Equal, true)]
    [InlineData(R.SupersetOf, true)]
    [InlineData(R.SubsetOf, false)]
    [InlineData(R.IntersectsWith, false)]
    [InlineData(R.NoRelationship, false)]
    public void Satisfies_OnlyEqualAndSuperset(R relationship, bool satisfies) =>
        Assert.Equal(satisfies, relationship.Satisfies());

    [Fact]
    public void Compose_NoRelationship_IsNeverTraversed() =>
        Assert.Throws<ArgumentException>(() => Relationships.Compose(R.NoRelationship, R.Equal));

    [Theory]
    [InlineData("equal", R.Equal)]
    [InlineData("subset-of", R.SubsetOf)]
    [InlineData("superset-of", R.SupersetOf)]
    [InlineData("intersects-with", R.IntersectsWith)]
    [InlineData("no-relationship", R.NoRelationship)]
    public void WireNames_AreTheNistIr8477Names(string wire, R relationship)
    {
        Assert.True(Relationships.TryParse(wire, out Relationship parsed));
        Assert.Equal(relationship, parsed);
        Assert.Equal(wire, relationship.ToWire());
    }

    [Theory]
    [InlineData("subset")]
    [InlineData("Equal")]
    [InlineData("")]
    public void TryParse_RejectsNonWireNames(string text) => Assert.False(Relationships.TryParse(text, out Relationship _));
}
