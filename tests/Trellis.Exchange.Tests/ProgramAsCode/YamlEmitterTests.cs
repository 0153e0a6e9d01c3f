using Trellis.Core.Serialization;
using Trellis.Exchange.ProgramAsCode;

namespace Trellis.Exchange.Tests.ProgramAsCode;

public class YamlEmitterTests
{
    public static TheoryData<string> HardStrings => new()
    {
        "", " ", "  leading", "trailing ", "a  b", "null", "Null", "~", "true", "False", "yes", "no", "on", "off", "y", "N",
        "123", "0x1F", "1e3", "-1", ".5", "1_000", "2025-02-30", "2025-01-01T00:00:00Z", "12:30", ".inf", ".NaN",
        "key: value", "a:b", "a:", "http://x.example/a?b=c#d", "# not a comment", "a # b", "a#b", "- dash", "-", "?", "? q",
        "&anchor", "*alias", "!tag", "%directive", "@at", "`tick", "|", ">", "{a: 1}", "[1, 2]", "a, b", "'single'", "\"double\"",
        "back\\slash", "tab\there", "cr\rlf", "line1\nline2", "line1\nline2\n", "line1\n\nline3", "\n", "\n\nx", "x\n\n", "x\n ",
        "  indented\nsecond", "a\n  b\n    c", "text with trailing space \nnext", "# hash line\n#another", "---\n...", "a\n---\nb",
        "üñíçødé", "日本語テキスト", "emoji 🚀 ok", "combining é", "nbsp\u00A0here", "nel\u0085here", "ls\u2028ps\u2029",
        "bom\uFEFF", "bell\u0007", "del\u007F", "zero\0byte", "Access review (quarterly), CISO-owned", "O'Brien & Sons",
        "AC-01", "A.5.15", "iso27001-2022:A.5.15", "<<", "=", "a\tb\nc",
    };

    [Theory]
    [MemberData(nameof(HardStrings))]
    public void Emit_HardString_ReadsBackExactly_AtEveryNesting(string text)
    {
        var item = new YMap([new("id", new YText("x")), new("text", new YText(text))]);
        var root = new YMap(
        [
            new("top", new YText(text)),
            new("nested", new YMap([new("inner", new YText(text))])),
            new("items", new YSeq([item, new YText(text)])),
        ]);

        var yaml = YamlEmitter.Emit(root);
        var parsed = SafeYaml.Read(yaml, "t.yaml");

        Assert.True(parsed.IsSuccess, $"{parsed.Error}\n{yaml}");
        var map = Assert.IsType<YamlMap>(parsed.Value);
        Assert.Equal(text, Scalar(map["top"]));
        Assert.Equal(text, Scalar(((YamlMap)map["nested"]!)["inner"]));
        var items = (YamlList)map["items"]!;
        Assert.Equal(text, Scalar(((YamlMap)items.Items[0])["text"]));
        Assert.Equal(text, Scalar(items.Items[1]));
    }

    [Fact]
    public void Emit_EmptyString_IsQuotedSoItIsNotReadAsNull()
    {
        var yaml = YamlEmitter.Emit(new YMap([new("a", new YText(""))]));

        Assert.Equal("a: \"\"\n", yaml);
    }

    [Fact]
    public void Emit_MultiLineText_UsesLiteralBlock()
    {
        var yaml = YamlEmitter.Emit(new YMap([new("a", new YText("one\ntwo"))]));

        Assert.Equal("a: |2-\n  one\n  two\n", yaml);
    }

    private static string Scalar(YamlValue? v)
    {
        var s = Assert.IsType<YamlScalar>(v);
        Assert.False(s.IsNull, "read as null");
        return s.Value;
    }
}
