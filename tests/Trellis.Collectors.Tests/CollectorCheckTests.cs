using System.Text.Json;
using Trellis.Collectors.Checks;
using Trellis.Core.Common;

namespace Trellis.Collectors.Tests;

/// <summary>The check model: 'JSON-POINTER OP VALUE', with JSON Pointer as RFC 6901 defines it.</summary>
public sealed class CollectorCheckTests
{
    // RFC 6901 section 5: the example document and what each pointer evaluates to.
    private const string Rfc6901Document = """
        { "foo": ["bar", "baz"], "": 0, "a/b": 1, "c%d": 2, "e^f": 3, "g|h": 4, "i\\j": 5, "k\"l": 6, " ": 7, "m~n": 8 }
        """;

    [Theory]
    [InlineData("/foo/0", "\"bar\"")]
    [InlineData("/", "0")]
    [InlineData("/a~1b", "1")]
    [InlineData("/c%d", "2")]
    [InlineData("/i\\j", "5")]
    [InlineData("/k\"l", "6")]
    [InlineData("/ ", "7")]
    [InlineData("/m~0n", "8")]
    public void Resolve_Rfc6901Examples_FindTheValuesTheRfcLists(string pointer, string expected)
    {
        using var doc = JsonDocument.Parse(Rfc6901Document);

        var found = JsonPointer.Resolve(doc.RootElement, pointer);

        Assert.Equal(expected, found?.GetRawText());
    }

    [Theory]
    [InlineData("/foo/2")]
    [InlineData("/foo/01")]
    [InlineData("/foo/-")]
    [InlineData("/nothing")]
    [InlineData("/foo/0/deeper")]
    public void Resolve_PointerToNothing_IsNull(string pointer)
    {
        using var doc = JsonDocument.Parse(Rfc6901Document);

        Assert.Null(JsonPointer.Resolve(doc.RootElement, pointer));
    }

    [Theory]
    [InlineData("/backup/status == \"ok\"", true)]
    [InlineData("/backup/status == ok", true)]
    [InlineData("/backup/status != ok", false)]
    [InlineData("/backup/ageHours <= 24", false)]
    [InlineData("/backup/ageHours > 24", true)]
    [InlineData("/backup/ageHours == 30.0", true)]
    [InlineData("/backup/ageHours >= 30", true)]
    [InlineData("/backup/ageHours < 30", false)]
    [InlineData("/backup/encrypted == true", true)]
    [InlineData("/backup/lastError exists", true)]
    [InlineData("/backup/missing exists", false)]
    [InlineData("/backup/missing != 1", true)]
    [InlineData("/backup/status > 1", false)]
    public void Evaluate_OnABackupStatus_PassesAsTheComparisonSays(string text, bool passes)
    {
        using var doc = JsonDocument.Parse("""{"backup":{"status":"ok","ageHours":30,"encrypted":true,"lastError":null}}""");
        var check = CollectorCheck.Parse(text, 1).Value;

        Assert.Equal(passes, CheckResult.Evaluate(check, doc.RootElement).Passed);
    }

    [Fact]
    public void Evaluate_FailingCheck_DetailSaysWhatWasFound()
    {
        using var doc = JsonDocument.Parse("""{"backup":{"ageHours":30}}""");

        var result = CheckResult.Evaluate(CollectorCheck.Parse("/backup/ageHours <= 24", 1).Value, doc.RootElement);

        Assert.False(result.Passed);
        Assert.Equal("/backup/ageHours is 30", result.Detail);
    }

    [Theory]
    [InlineData("/a ~= 1", 2, "check 2", "position 4", "unknown operator '~='")]
    [InlineData("status == 1", 1, "check 1", "position 1", "must start with '/'")]
    [InlineData("/a < ok", 3, "check 3", "position 6", "not a number")]
    [InlineData("/a ==", 1, "check 1", "position 6", "missing value")]
    [InlineData("/a exists 1", 1, "check 1", "position 11", "takes no value")]
    [InlineData("/a~2b == 1", 1, "check 1", "position 3", "'~' must be followed by 0 or 1")]
    [InlineData("   ", 4, "check 4", "position 1", "empty check")]
    public void Parse_Malformed_ErrorNamesTheCheckAndThePosition(string text, int index, string check, string position, string why)
    {
        var parsed = CollectorCheck.Parse(text, index);

        Assert.False(parsed.IsSuccess);
        Assert.Equal(ErrorCodes.InvalidCheck, parsed.Error!.Code);
        Assert.Contains(check, parsed.Error.Message, StringComparison.Ordinal);
        Assert.Contains(position, parsed.Error.Message, StringComparison.Ordinal);
        Assert.Contains(why, parsed.Error.Message, StringComparison.Ordinal);
    }
}
