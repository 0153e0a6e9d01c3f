using System.Text;
using Trellis.Exchange.Json;

namespace Trellis.Exchange.Tests.Json;

public class SafeJsonTests
{
    [Fact]
    public void Parse_PlainDocument_Succeeds()
    {
        using var doc = SafeJson.Parse("""{"a": [1, {"b": "x"}], "c": null}""", "ok.json").Value;

        Assert.Equal("x", doc.RootElement.GetProperty("a")[1].GetProperty("b").GetString());
    }

    [Fact]
    public void Parse_DuplicateKey_FailsNamingThePathOfTheSecond()
    {
        var result = SafeJson.Parse("""{"catalog": {"groups": [{"id": "a"}, {"id": "b", "title": "x", "id": "c"}]}}""", "dup.json");

        Assert.Equal("json-duplicate-key", result.Error!.Code);
        Assert.Equal("dup.json:$.catalog.groups[1].id", result.Error.Location);
        Assert.Contains("'id'", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateKeyInDifferentObjects_IsAllowed()
    {
        Assert.True(SafeJson.Parse("""[{"id": 1}, {"id": 2}, {"x": {"id": 3}}]""", "ok.json").IsSuccess);
    }

    [Fact]
    public void Parse_EscapedDuplicateKey_IsStillADuplicate()
    {
        var result = SafeJson.Parse("""{"id": 1, "\u0069d": 2}""", "dup.json");

        Assert.Equal("json-duplicate-key", result.Error!.Code);
    }

    [Fact]
    public void Parse_DepthBomb_FailsAtTheLimitWithoutRecursing()
    {
        var bomb = new string('[', 100_000) + new string(']', 100_000);

        var result = SafeJson.Parse(bomb, "bomb.json");

        Assert.Equal("json-too-deep", result.Error!.Code);
        Assert.Equal("bomb.json:$" + string.Concat(Enumerable.Repeat("[0]", 64)), result.Error.Location);
    }

    [Fact]
    public void Parse_ExactlyAtTheDepthLimit_Succeeds()
    {
        var limits = new JsonLimits { MaxDepth = 5 };

        Assert.True(SafeJson.Parse("[[[[[]]]]]", "ok.json", limits).IsSuccess);
        Assert.Equal("json-too-deep", SafeJson.Parse("[[[[[[]]]]]]", "deep.json", limits).Error!.Code);
    }

    [Fact]
    public void Parse_OverTheSizeLimit_FailsBeforeParsing()
    {
        var text = "[" + string.Join(",", Enumerable.Repeat("1", 1000)) + "]";

        var result = SafeJson.Parse(text, "big.json", new JsonLimits { MaxBytes = 1000 });

        Assert.Equal("json-too-large", result.Error!.Code);
        Assert.Equal("big.json", result.Error.Location);
        Assert.Contains("1,000 bytes", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_OverTheSizeLimit_FailsWithoutReadingTheFile()
    {
        var path = Path.GetTempFileName();
        try
        {
            using (var f = File.OpenWrite(path))
            {
                f.SetLength(60L * 1024 * 1024); // sparse: 60 MB of zeros, more than the 50 MB default
            }

            var result = SafeJson.ReadFile(path, source: "huge.json");

            Assert.Equal("json-too-large", result.Error!.Code);
            Assert.Equal("huge.json", result.Error.Location);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_InvalidUtf8InAString_FailsNamingThePath()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"metadata": {"title": "caf""").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\"}}")).ToArray();

        var result = SafeJson.Parse(bytes, "latin.json");

        Assert.Equal("json-invalid-utf8", result.Error!.Code);
        Assert.Equal("latin.json:$.metadata.title", result.Error.Location);
    }

    [Fact]
    public void Parse_InvalidUtf8InAPropertyName_Fails()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"a": 1, " """).Concat(new byte[] { 0xFF }).Concat(Encoding.UTF8.GetBytes("\": 2}")).ToArray();

        Assert.Equal("json-invalid-utf8", SafeJson.Parse(bytes, "bad.json").Error!.Code);
    }

    [Fact]
    public void Parse_LoneSurrogateEscape_Fails()
    {
        var result = SafeJson.Parse("""{"list": ["ok", "\ud800"]}""", "sur.json");

        Assert.Equal("json-invalid-utf8", result.Error!.Code);
        Assert.Equal("sur.json:$.list[1]", result.Error.Location);
    }

    [Fact]
    public void Parse_ByteOrderMark_IsSkipped()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("""{"a": 1}""")).ToArray();

        Assert.True(SafeJson.Parse(bytes, "bom.json").IsSuccess);
    }

    [Theory]
    [InlineData("{\"a\": 1,}", "json-syntax")]
    [InlineData("{\"a\": 1} // note", "json-syntax")]
    [InlineData("{\"a\": tru}", "json-syntax")]
    [InlineData("{\"a\": 1} {\"b\": 2}", "json-syntax")]
    [InlineData("   ", "json-empty")]
    public void Parse_Malformed_FailsWithCode(string text, string code)
    {
        Assert.Equal(code, SafeJson.Parse(text, "bad.json").Error!.Code);
    }

    [Fact]
    public void Parse_SyntaxError_NamesLineAndPath()
    {
        var result = SafeJson.Parse("{\n  \"catalog\": {\n    \"uuid\": x\n  }\n}", "broken.json");

        Assert.Equal("json-syntax", result.Error!.Code);
        Assert.Contains("line 3", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal("broken.json:$.catalog.uuid", result.Error.Location);
    }

    [Fact]
    public void ReadFile_Missing_FailsWithFileNotFound()
    {
        Assert.Equal("missing-file", SafeJson.ReadFile("/nonexistent/catalog.json").Error!.Code);
    }
}
