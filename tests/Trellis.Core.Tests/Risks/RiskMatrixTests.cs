using Trellis.Core.Risks;

namespace Trellis.Core.Tests.Risks;

/// <summary>
/// Levels of the default 5 × 5 matrix (documented on <see cref="RiskMatrix"/>): low 1–4, medium 5–9, high 10–16,
/// critical 17–25 by likelihood × impact.
/// </summary>
public class RiskMatrixTests
{
    [Theory]
    [InlineData(1, 1, "low")]
    [InlineData(2, 2, "low")]
    [InlineData(1, 5, "medium")]
    [InlineData(3, 3, "medium")]
    [InlineData(2, 5, "high")]
    [InlineData(4, 4, "high")]
    [InlineData(3, 5, "high")]
    [InlineData(4, 5, "critical")]
    [InlineData(5, 5, "critical")]
    public void LevelName_OnTheDefaultMatrix_IsTheLevelOfTheScore(int likelihood, int impact, string expected)
    {
        Assert.Equal(expected, RiskMatrix.Default.LevelName(likelihood, impact));
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(3, 0)]
    [InlineData(6, 1)]
    [InlineData(1, 6)]
    public void LevelName_OutsideTheMatrix_IsOffMatrix(int likelihood, int impact)
    {
        Assert.Equal("off-matrix", RiskMatrix.Default.LevelName(likelihood, impact));
    }

    [Fact]
    public void LevelName_RatingMadeOnALargerMatrix_IsOffMatrixOnASmallerOne()
    {
        var small = RiskMatrix.Default with { LikelihoodLevels = 3, ImpactLevels = 3 };

        Assert.Equal("off-matrix", small.LevelName(4, 2));
        Assert.Equal("medium", small.LevelName(3, 3));
    }
}
