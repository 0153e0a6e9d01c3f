using Trellis.Core.Common;

namespace Trellis.Core.Tests;

public class SuggestionsTests
{
    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("CC6.1", "CC6.1", 0)]
    public void Distance_IsLevenshtein(string a, string b, int expected) => Assert.Equal(expected, Suggestions.Distance(a, b));

    [Fact]
    public void Nearest_OrdersByDistance() =>
        Assert.Equal(["iso27001-2022", "iso27001-2013"], Suggestions.Nearest("iso27001-2021", ["soc2-2017", "iso27001-2013", "iso27001-2022"], 2));
}
