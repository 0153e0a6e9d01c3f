using Trellis.Core.Crosswalk;
using Trellis.Testing;
using R = Trellis.Core.Crosswalk.Relationship;

namespace Trellis.Core.Tests.Crosswalk;

public class InferenceTests
{
    [Fact]
    public void Direct_IncludesInvertedLinksWithSwappedRelationship()
    {
        var engine = new CatalogBuilder().Framework("a", "a1").Framework("b", "b1")
            .Link("a:a1", R.SubsetOf, "b:b1").Engine();

        var backwards = Assert.Single(engine.Direct("b", "a"));

        Assert.Equal(R.SupersetOf, backwards.Relationship);
        Assert.Equal(LinkOrigin.Inverted, backwards.Origin);
        Assert.Equal(new RequirementRef("b", "b1"), backwards.From);
    }

    [Fact]
    public void Inferred_OneDirectionChain_StaysDefiniteAndKeepsPath()
    {
        var engine = new CatalogBuilder().Framework("a", "a1").Framework("p", "p1").Framework("c", "c1")
            .Link("a:a1", R.Equal, "p:p1", strength: 9)
            .Link("p:p1", R.SupersetOf, "c:c1", strength: 7).Engine();

        var link = Assert.Single(engine.Inferred("a", "c"));

        Assert.Equal(R.SupersetOf, link.Relationship);
        Assert.False(link.NeedsReview);
        Assert.Equal(LinkOrigin.Inferred, link.Origin);
        Assert.Equal("a:a1 > p:p1 > c:c1", link.PathText);
        Assert.Equal(6, link.Strength); // weakest link (7) minus one per extra hop
    }

    [Fact]
    public void Inferred_MixedDirections_BecomesReviewCandidate()
    {
        var engine = new CatalogBuilder().Framework("a", "a1").Framework("p", "p1").Framework("c", "c1")
            .Link("a:a1", R.SubsetOf, "p:p1")
            .Link("c:c1", R.SubsetOf, "p:p1").Engine(); // p1 superset-of c1 when read forward

        var link = Assert.Single(engine.Inferred("a", "c"));

        Assert.True(link.NeedsReview);
        Assert.Equal(R.IntersectsWith, link.Relationship);
        Assert.True(link.Strength <= 3);
    }

    [Fact]
    public void Inferred_ThroughIntersection_BecomesReviewCandidate()
    {
        var engine = new CatalogBuilder().Framework("a", "a1").Framework("p", "p1").Framework("c", "c1")
            .Link("a:a1", R.Equal, "p:p1")
            .Link("p:p1", R.IntersectsWith, "c:c1").Engine();

        Assert.True(Assert.Single(engine.Inferred("a", "c")).NeedsReview);
    }

    [Fact]
    public void Inferred_Cycle_Terminates()
    {
        var engine = new CatalogBuilder().Framework("a", "a1").Framework("p", "p1", "p2").Framework("q", "q1").Framework("c", "c1")
            .Link("a:a1", R.Equal, "p:p1")
            .Link("p:p1", R.Equal, "q:q1")
            .Link("q:q1", R.Equal, "p:p2")
            .Link("p:p2", R.Equal, "q:q1")
            .Link("q:q1", R.Equal, "c:c1").Engine();

        var link = Assert.Single(engine.Inferred("a", "c"));
        Assert.Equal("a:a1 > p:p1 > q:q1 > c:c1", link.PathText);
    }

    [Fact]
    public void Inferred_DepthLimit_StopsLongChains()
    {
        var engine = new CatalogBuilder().Framework("a", "a1").Framework("p", "p1").Framework("q", "q1").Framework("r", "r1").Framework("c", "c1")
            .Link("a:a1", R.Equal, "p:p1").Link("p:p1", R.Equal, "q:q1").Link("q:q1", R.Equal, "r:r1").Link("r:r1", R.Equal, "c:c1").Engine();

        Assert.Empty(engine.Inferred("a", "c", maxDepth: 3));
        Assert.Single(engine.Inferred("a", "c", maxDepth: 4));
    }

    [Fact]
    public void Inferred_PrefersDefinitePathOverReviewPath()
    {
        var engine = new CatalogBuilder().Framework("a", "a1").Framework("p", "p1", "p2").Framework("c", "c1")
            .Link("a:a1", R.IntersectsWith, "p:p1", strength: 10).Link("p:p1", R.Equal, "c:c1", strength: 10)
            .Link("a:a1", R.Equal, "p:p2", strength: 5).Link("p:p2", R.SubsetOf, "c:c1", strength: 5).Engine();

        var link = Assert.Single(engine.Inferred("a", "c"));

        Assert.False(link.NeedsReview);
        Assert.Equal(R.SubsetOf, link.Relationship);
    }

    [Fact]
    public void Inferred_SkipsPairsWithDirectLinksAndNeverPivotsThroughEndpoints()
    {
        var engine = new CatalogBuilder().Framework("a", "a1", "a2").Framework("p", "p1").Framework("c", "c1", "c2")
            .Link("a:a1", R.Equal, "c:c1")
            .Link("a:a1", R.Equal, "p:p1").Link("p:p1", R.Equal, "c:c1")
            .Link("a:a2", R.Equal, "c:c2").Engine();

        // a1->c1 is direct; a2->c2 reached only through framework c itself (a2 > c2 > ... ) must not be inferred.
        Assert.Empty(engine.Inferred("a", "c"));
        Assert.Equal(2, engine.Direct("a", "c").Count);
    }
}
