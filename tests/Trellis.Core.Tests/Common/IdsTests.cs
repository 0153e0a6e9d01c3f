using Trellis.Core.Common;

namespace Trellis.Core.Tests.Common;

/// <summary>Issue 14, hole H: one ID syntax (docs/program-as-code.md, "IDs").</summary>
public sealed class IdsTests
{
    [Theory]
    [InlineData("AC-01")]
    [InlineData("EV-0001")]
    [InlineData("R-01")]
    [InlineData("F-2026.1")]
    [InlineData("soc2-type2-window-1")]
    [InlineData("0123")]
    [InlineData("a_b.c-d")]
    public void IsValid_IdsInUse_AreValid(string id) => Assert.True(Ids.IsValid(id));

    [Theory]
    [InlineData("")]
    [InlineData("AC-01 ")]
    [InlineData(" AC-01")]
    [InlineData("AC-01\u200B")]
    [InlineData("\u0410\u0421-01")]
    [InlineData("-AC")]
    [InlineData(".hidden")]
    [InlineData("_x")]
    [InlineData("AC/01")]
    [InlineData("AC 01")]
    [InlineData("Ünïcode")]
    public void IsValid_OtherStrings_AreNot(string id) => Assert.False(Ids.IsValid(id));

    [Fact]
    public void IsValid_LengthLimit_Is64()
    {
        Assert.True(Ids.IsValid(new string('a', 64)));
        Assert.False(Ids.IsValid(new string('a', 65)));
    }

    [Fact]
    public void Check_InvisibleCharacter_IsShownAsItsCodePoint()
    {
        var error = Ids.Check("AC-01\u200B", "id", "control");

        Assert.Equal("invalid-id", error!.Code);
        Assert.Equal("id", error.Location);
        Assert.StartsWith("control ID 'AC-01<U+200B>' is not valid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CaseTwin_SameIdInAnotherCase_IsFound_ButNotTheIdItself()
    {
        Assert.Equal("AC-01", Ids.CaseTwin("ac-01", ["AC-01", "AC-02"]));
        Assert.Null(Ids.CaseTwin("AC-01", ["AC-01", "AC-02"]));
    }
}
