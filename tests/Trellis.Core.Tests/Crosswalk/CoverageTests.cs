using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;
using Trellis.Testing;
using R = Trellis.Core.Crosswalk.Relationship;

namespace Trellis.Core.Tests.Crosswalk;

public class CoverageTests
{
    private static IReadOnlyList<RequirementCoverage> Compute(CrosswalkEngine engine, string target, string from, params string[] ids) =>
        CoverageAnalysis.Compute(engine, target, from, ids.Length == 0 ? null : ids).Value;

    [Theory]
    [InlineData(R.Equal, CoverageLevel.Full)]
    [InlineData(R.SupersetOf, CoverageLevel.Full)]
    [InlineData(R.SubsetOf, CoverageLevel.Partial)]
    [InlineData(R.IntersectsWith, CoverageLevel.Partial)]
    public void Coverage_FromOneLink_FollowsRulesOneAndTwo(R relationship, CoverageLevel expected)
    {
        var engine = new CatalogBuilder().Framework("x", "x1").Framework("y", "y1").Link("x:x1", relationship, "y:y1").Engine();

        Assert.Equal(expected, Assert.Single(Compute(engine, "y", "x")).Level);
    }

    [Fact]
    public void Coverage_ManyPartialSources_NeverAddUpToFull()
    {
        var engine = new CatalogBuilder().Framework("x", "x1", "x2", "x3").Framework("y", "y1")
            .Link("x:x1", R.SubsetOf, "y:y1").Link("x:x2", R.SubsetOf, "y:y1").Link("x:x3", R.IntersectsWith, "y:y1").Engine();

        var y1 = Assert.Single(Compute(engine, "y", "x"));

        Assert.Equal(CoverageLevel.Partial, y1.Level);
        Assert.Equal(3, y1.Sources.Count);
    }

    [Fact]
    public void Coverage_UsesInvertedLinks()
    {
        // y1 subset-of x1 means x1 superset-of y1: implementing x1 satisfies y1.
        var engine = new CatalogBuilder().Framework("x", "x1").Framework("y", "y1").Link("y:y1", R.SubsetOf, "x:x1").Engine();

        Assert.Equal(CoverageLevel.Full, Assert.Single(Compute(engine, "y", "x")).Level);
    }

    [Fact]
    public void Coverage_OnlyCountsImplementedRequirements()
    {
        var engine = new CatalogBuilder().Framework("x", "x1", "x2").Framework("y", "y1", "y2")
            .Link("x:x1", R.Equal, "y:y1").Link("x:x2", R.Equal, "y:y2").Engine();

        var result = Compute(engine, "y", "x", "x2");

        Assert.Equal([CoverageLevel.None, CoverageLevel.Full], result.Select(r => r.Level));
    }

    [Fact]
    public void Coverage_ReviewCandidates_AreShownButNotCounted()
    {
        var engine = new CatalogBuilder().Framework("x", "x1").Framework("p", "p1").Framework("y", "y1")
            .Link("x:x1", R.SubsetOf, "p:p1").Link("p:p1", R.SupersetOf, "y:y1").Engine();

        var y1 = Assert.Single(Compute(engine, "y", "x"));

        Assert.Equal(CoverageLevel.None, y1.Level);
        Assert.Single(y1.Candidates);
    }

    [Fact]
    public void Coverage_UnknownImplementedId_IsAnErrorNamingIt()
    {
        var engine = new CatalogBuilder().Framework("x", "x1").Framework("y", "y1").Engine();

        var result = CoverageAnalysis.Compute(engine, "y", "x", ["x9"]);

        Assert.False(result.IsSuccess);
        Assert.Contains("x9", result.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("x1", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Coverage_ParentWithoutLinks_RollsUpItsChildren()
    {
        var y = new Framework("y", "y", "1",
        [
            new Requirement { Id = "F", Title = "F", Kind = RequirementKind.Function },
            new Requirement { Id = "F.1", Title = "c", Kind = RequirementKind.Subcategory, Parent = "F" },
            new Requirement { Id = "F.2", Title = "c", Kind = RequirementKind.Subcategory, Parent = "F" },
        ]);
        var x = new Framework("x", "x", "1", [new Requirement { Id = "x1", Title = "x1", Kind = RequirementKind.Control }]);
        var link = new MappingLink
        {
            From = new("x", "x1"),
            To = new("y", "F.1"),
            Relationship = R.Equal,
            Rationale = Rationale.Semantic,
            Strength = 9,
        };
        var engine = new CrosswalkEngine(new FrameworkCatalog([x, y], [new MappingSet("m", "x", "y", 1, "", new Dictionary<string, string>(), [link])]));

        var result = CoverageAnalysis.Compute(engine, "y", "x").Value.ToDictionary(r => r.Requirement, r => r.Level);

        Assert.Equal(CoverageLevel.Partial, result["F"]);
        Assert.Equal(CoverageLevel.Full, result["F.1"]);
        Assert.Equal(CoverageLevel.None, result["F.2"]);
    }
}
