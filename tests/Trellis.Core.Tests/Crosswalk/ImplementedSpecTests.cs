using Trellis.Core.Crosswalk;

namespace Trellis.Core.Tests.Crosswalk;

/// <summary>The <c>implemented</c> spec of coverage: <c>&lt;framework&gt;</c> or <c>&lt;framework&gt;:&lt;id&gt;,&lt;id&gt;…</c>.</summary>
public class ImplementedSpecTests
{
    [Fact]
    public void Parse_FrameworkAlone_MeansAllOfIt()
    {
        var spec = ImplementedSpec.Parse("iso27001-2022").Value;

        Assert.Equal("iso27001-2022", spec.Framework);
        Assert.Null(spec.Ids);
    }

    [Fact]
    public void Parse_FrameworkAndIds_ListsTheIdsInTheOrderWritten()
    {
        var spec = ImplementedSpec.Parse("iso27001-2022:A.8.5,A.5.15,6.1.2").Value;

        Assert.Equal("iso27001-2022", spec.Framework);
        Assert.Equal(["A.8.5", "A.5.15", "6.1.2"], spec.Ids!);
    }

    [Fact]
    public void Parse_SpacesAndEmptyEntries_AreTrimmedAndSkipped()
    {
        var spec = ImplementedSpec.Parse(" soc2-2017 : CC6.1, ,CC6.2 ,").Value;

        Assert.Equal("soc2-2017", spec.Framework);
        Assert.Equal(["CC6.1", "CC6.2"], spec.Ids!);
    }

    [Fact]
    public void Parse_IdContainingAColon_SplitsOnlyAtTheFirstColon()
    {
        var spec = ImplementedSpec.Parse("fw:a:b,c").Value;

        Assert.Equal("fw", spec.Framework);
        Assert.Equal(["a:b", "c"], spec.Ids!);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_Nothing_IsAnInvalidImplementedError(string? text)
    {
        var error = ImplementedSpec.Parse(text).Error!;

        Assert.Equal("invalid-implemented", error.Code);
        Assert.Equal("implemented", error.Location);
        Assert.Contains("<framework>:<id>,<id>", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(":A.5.15")]
    [InlineData("  :A.5.15,A.8.5")]
    public void Parse_NoFrameworkBeforeTheColon_IsAnErrorSayingSo(string text)
    {
        var error = ImplementedSpec.Parse(text).Error!;

        Assert.Equal("invalid-implemented", error.Code);
        Assert.Contains("no framework", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("iso27001-2022:")]
    [InlineData("iso27001-2022: , ,")]
    public void Parse_NoIdAfterTheColon_IsAnErrorNamingBothValidForms(string text)
    {
        var error = ImplementedSpec.Parse(text).Error!;

        Assert.Equal("invalid-implemented", error.Code);
        Assert.Contains("no requirement", error.Message, StringComparison.Ordinal);
        Assert.Contains("write iso27001-2022 for all of it", error.Message, StringComparison.Ordinal);
    }
}
