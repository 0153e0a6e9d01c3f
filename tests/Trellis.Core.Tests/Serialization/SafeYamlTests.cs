using Trellis.Core.Serialization;

namespace Trellis.Core.Tests.Serialization;

public class SafeYamlTests
{
    [Fact]
    public void Read_PlainMapping_KeepsOrderAndLines()
    {
        var root = Assert.IsType<YamlMap>(SafeYaml.Read("b: 1\na: \"x\"\nc: [1, 2]\n", "f.yaml").Value);

        Assert.Equal(["b", "a", "c"], root.Keys);
        Assert.Equal(2, root["a"]!.Line);
        Assert.False(((YamlScalar)root["a"]!).Plain);
    }

    [Theory]
    [InlineData("a: &x 1\nb: *x\n", "yaml-anchor", 1)]
    [InlineData("a: [1]\nb: *x\n", "yaml-alias", 2)]
    [InlineData("a: 1\nb: 2\na: 3\n", "yaml-duplicate-key", 3)]
    [InlineData("a: 1\n---\nb: 2\n", "yaml-multiple-documents", 2)]
    [InlineData("a: [1, 2\n", "yaml-syntax", 2)]
    [InlineData("", "yaml-empty", 1)]
    [InlineData("? [a, b]\n: 1\n", "yaml-complex-key", 1)]
    public void Read_HostileOrMalformed_FailsNamingTheLine(string text, string code, int line)
    {
        var result = SafeYaml.Read(text, "bad.yaml");

        Assert.False(result.IsSuccess);
        Assert.Equal(code, result.Error!.Code);
        Assert.Equal($"bad.yaml:{line}", result.Error.Location);
    }

    [Fact]
    public void Read_UnclosedFlowSequenceInBlockMapping_IsASyntaxErrorNotACrash()
    {
        var result = SafeYaml.Read("a:\n  b: [x\n  c: 1\n", "bad.yaml");

        Assert.Equal("yaml-syntax", result.Error!.Code);
        Assert.StartsWith("bad.yaml:", result.Error.Location, StringComparison.Ordinal);
    }

    // Inputs afl-fuzz saved (docs/fuzzing.md, target program-yaml): YamlDotNet threw ArgumentException ("Global tags
    // must be valid URIs") out of the reader.
    [Theory]
    [InlineData("!!!![!\n")]
    [InlineData("!!U4tit17]\ncontrols-program/1\norganization: Test Co\n")]
    public void Read_TagThatIsNotAUri_IsASyntaxErrorNotACrash(string text)
    {
        var result = SafeYaml.Read(text, "bad.yaml");

        Assert.Equal("yaml-syntax", result.Error!.Code);
        Assert.StartsWith("bad.yaml:", result.Error.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AliasBomb_IsRejectedBeforeExpansion()
    {
        var bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
            + string.Concat(Enumerable.Range(0, 9).Select(i => $"{(char)('b' + i)}: &{(char)('b' + i)} [*{(char)('a' + i)},*{(char)('a' + i)},*{(char)('a' + i)},*{(char)('a' + i)},*{(char)('a' + i)},*{(char)('a' + i)},*{(char)('a' + i)},*{(char)('a' + i)},*{(char)('a' + i)}]\n"));

        var result = SafeYaml.Read(bomb, "bomb.yaml");

        Assert.Equal("yaml-anchor", result.Error!.Code);
    }

    [Fact]
    public void Read_TooDeep_IsRejected()
    {
        var deep = new string('[', 100) + new string(']', 100);

        Assert.Equal("yaml-too-deep", SafeYaml.Read(deep, "deep.yaml", new YamlLimits { MaxDepth = 50 }).Error!.Code);
    }
}
