using Trellis.Content.Demo;
using Trellis.Core.Crosswalk;

namespace Trellis.Content.Tests.Demo;

/// <summary>
/// The demo's derived SOC 2 mappings must never claim more than set algebra guarantees: checked against every
/// combination of non-empty subsets of a four-element universe.
/// </summary>
public class DemoMappingsTests
{
    [Fact]
    public void Derive_ForEveryPairOfRelationships_HoldsForAllSetsSatisfyingThePremises()
    {
        var sets = Enumerable.Range(1, 15).ToList(); // bit masks of non-empty subsets of {0,1,2,3}
        foreach (var c in sets)
        {
            foreach (var r in sets)
            {
                foreach (var s in sets)
                {
                    var derived = DemoMappings.Derive(Actual(c, r), Actual(r, s));
                    if (derived is null)
                    {
                        continue;
                    }

                    Assert.True(Holds(derived.Value, c, s), $"C={c} R={r} S={s}: {Actual(c, r)} then {Actual(r, s)} derived {derived}, actual {Actual(c, s)}");
                }
            }
        }
    }

    [Theory]
    [InlineData(Relationship.Equal, Relationship.SubsetOf, Relationship.SubsetOf)]
    [InlineData(Relationship.SupersetOf, Relationship.SupersetOf, Relationship.SupersetOf)]
    [InlineData(Relationship.SupersetOf, Relationship.IntersectsWith, Relationship.IntersectsWith)]
    [InlineData(Relationship.SubsetOf, Relationship.SubsetOf, Relationship.SubsetOf)]
    public void Derive_DefiniteChains_KeepWhatTheyProve(Relationship first, Relationship second, Relationship expected) =>
        Assert.Equal(expected, DemoMappings.Derive(first, second));

    [Theory]
    [InlineData(Relationship.SubsetOf, Relationship.IntersectsWith)]
    [InlineData(Relationship.SubsetOf, Relationship.SupersetOf)]
    [InlineData(Relationship.IntersectsWith, Relationship.IntersectsWith)]
    [InlineData(Relationship.Equal, Relationship.NoRelationship)]
    public void Derive_ChainsThatMayNotOverlap_SuggestNothing(Relationship first, Relationship second) =>
        Assert.Null(DemoMappings.Derive(first, second));

    private static Relationship Actual(int a, int b) =>
        a == b ? Relationship.Equal
        : (a & b) == a ? Relationship.SubsetOf
        : (a & b) == b ? Relationship.SupersetOf
        : (a & b) != 0 ? Relationship.IntersectsWith
        : Relationship.NoRelationship;

    // The demo uses intersects-with for "the sets overlap", the weakest claim that still links them.
    private static bool Holds(Relationship claimed, int c, int s) => claimed switch
    {
        Relationship.Equal => c == s,
        Relationship.SubsetOf => (c & s) == c,
        Relationship.SupersetOf => (c & s) == s,
        Relationship.IntersectsWith => (c & s) != 0,
        _ => false,
    };
}
