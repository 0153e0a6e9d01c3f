using Trellis.Core.Advice;
using Trellis.Testing;
using R = Trellis.Core.Crosswalk.Relationship;

namespace Trellis.Core.Tests.Advice;

public class FrameworkOverlapTests
{
    [Fact]
    public void Compute_ClassifiesEverySecondRequirementFullPartialOrGap()
    {
        var engine = new CatalogBuilder().Framework("x", "x1", "x2").Framework("y", "y1", "y2", "y3", "y4")
            .Link("x:x1", R.Equal, "y:y1").Link("x:x2", R.SubsetOf, "y:y2").Link("x:x2", R.IntersectsWith, "y:y3").Engine();

        var overlap = FrameworkOverlap.Compute(engine, "x", "y").Value;

        Assert.Equal(("x", "y"), (overlap.From, overlap.To));
        Assert.Equal(["y1"], overlap.FullIds);
        Assert.Equal(["y2", "y3"], overlap.PartialIds);
        Assert.Equal(["y4"], overlap.GapIds);
        Assert.Equal((1, 2, 1), (overlap.Full, overlap.Partial, overlap.Gap));
    }

    [Fact]
    public void Compute_OnlyImplementedRequirements_CountWhenGiven()
    {
        var engine = new CatalogBuilder().Framework("x", "x1", "x2").Framework("y", "y1", "y2")
            .Link("x:x1", R.Equal, "y:y1").Link("x:x2", R.Equal, "y:y2").Engine();

        var overlap = FrameworkOverlap.Compute(engine, "x", "y", ["x2"]).Value;

        Assert.Equal(["y2"], overlap.FullIds);
        Assert.Equal(["y1"], overlap.GapIds);
    }

    [Fact]
    public void Compute_UnknownFramework_IsAnError()
    {
        var engine = new CatalogBuilder().Framework("x", "x1").Engine();

        Assert.Equal("unknown-framework", FrameworkOverlap.Compute(engine, "x", "nope").Error!.Code);
    }
}
