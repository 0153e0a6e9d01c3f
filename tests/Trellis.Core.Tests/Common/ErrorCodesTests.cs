using System.Reflection;
using System.Text.RegularExpressions;
using Trellis.Core.Common;
using Trellis.Testing;

namespace Trellis.Core.Tests.Common;

/// <summary>
/// Every error code is a named constant of <see cref="ErrorCodes"/>, unique, kebab-case and categorized, and no code
/// is written in place anywhere else in src/.
/// </summary>
public sealed partial class ErrorCodesTests
{
    private static readonly FieldInfo[] Constants = typeof(ErrorCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .ToArray();

    private static string Src => Path.Combine(ReferenceData.RepoRoot, "src");

    // The files allowed to spell a code's value: where codes are defined, and text that only happens to spell one
    // (the error categories' wire names; "off-matrix" as a risk level label).
    private static readonly string[] SpellingAllowed =
    [
        Path.Combine("Trellis.Core", "Common", "ErrorCodes.cs"),
        Path.Combine("Trellis.Core", "Common", "ErrorCategory.cs"),
        Path.Combine("Trellis.Core", "Risks", "RiskMatrix.cs") + ":off-matrix",
    ];

    [Fact]
    public void Constants_AreUniqueKebabCaseValues()
    {
        var values = Constants.Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.All(values, v => Assert.Matches(KebabCase(), v));
        Assert.Equal(values.Count, values.Distinct(StringComparer.Ordinal).Count());
        Assert.True(values.Count > 100, $"{values.Count} codes: the constants were not found");
    }

    [Fact]
    public void Constants_AreNamedAfterTheirValue() =>
        Assert.All(Constants, f => Assert.Equal(
            string.Concat(((string)f.GetRawConstantValue()!).Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..])), f.Name));

    [Fact]
    public void Constants_EachHaveOneCategory()
    {
        Assert.All(Constants, f => Assert.NotNull(f.GetCustomAttribute<ErrorCategoryAttribute>()));
        Assert.Equal(Constants.Length, ErrorCodes.All.Count);
    }

    [Fact]
    public void CategoryOf_Prefixes_KeepTheirMeaning()
    {
        // What API clients have relied on since v1: unknown-* is 404, duplicate-* is 409.
        Assert.All(ErrorCodes.All.Where(c => c.Key.StartsWith("unknown-", StringComparison.Ordinal)), c => Assert.Equal(ErrorCategory.NotFound, c.Value));
        Assert.All(ErrorCodes.All.Where(c => c.Key.StartsWith("duplicate-", StringComparison.Ordinal)), c => Assert.Equal(ErrorCategory.Conflict, c.Value));
        Assert.All(ErrorCodes.All.Where(c => c.Value == ErrorCategory.NotFound), c => Assert.StartsWith("unknown-", c.Key, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ErrorCodes.UnknownControl, ErrorCategory.NotFound)]
    [InlineData(ErrorCodes.ConcurrencyConflict, ErrorCategory.PreconditionFailed)]
    [InlineData(ErrorCodes.PreconditionRequired, ErrorCategory.PreconditionRequired)]
    [InlineData(ErrorCodes.Forbidden, ErrorCategory.Forbidden)]
    [InlineData(ErrorCodes.PayloadTooLarge, ErrorCategory.TooLarge)]
    [InlineData(ErrorCodes.JustificationRequired, ErrorCategory.Unprocessable)]
    [InlineData(ErrorCodes.BlobCorrupt, ErrorCategory.Internal)]
    [InlineData(ErrorCodes.InvalidFormat, ErrorCategory.Invalid)]
    public void Category_OfAnError_IsItsCodes(string code, ErrorCategory category)
    {
        Assert.Equal(category, new Error(code, "m").Category);
        Assert.Equal(category == ErrorCategory.NotFound, new Error(code, "m").IsNotFound);
    }

    [Fact]
    public void Source_WritesNoErrorCodeLiteral()
    {
        var offenders = SourceFiles()
            .SelectMany(f => NewErrorWithLiteral().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetRelativePath(Src, f)}: {m.Value}"))
            .ToList();
        Assert.True(offenders.Count == 0, "use an ErrorCodes constant:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void Source_SpellsNoCodeOutsideErrorCodes()
    {
        var codes = ErrorCodes.All.Keys.ToHashSet(StringComparer.Ordinal);
        var offenders = SourceFiles()
            .Select(f => (File: Path.GetRelativePath(Src, f), Text: File.ReadAllText(f)))
            .Where(f => !SpellingAllowed.Contains(f.File))
            .SelectMany(f => StringLiteral().Matches(f.Text)
                .Select(m => m.Groups[1].Value)
                .Where(v => codes.Contains(v) && !SpellingAllowed.Contains($"{f.File}:{v}"))
                .Select(v => $"{f.File}: \"{v}\""))
            .ToList();
        Assert.True(offenders.Count == 0, "use an ErrorCodes constant (comparisons and switch arms too):\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void NewErrorWithLiteral_CatchesACodeWrittenInPlace()
    {
        Assert.Matches(NewErrorWithLiteral(), "return new Error(\"unknown-control\", $\"no control '{id}'\");");
        Assert.Matches(NewErrorWithLiteral(), "=> new Error(\n            \"blob-corrupt\", message);");
        Assert.Matches(NewErrorWithLiteral(), "return new Core.Common.Error(\"unknown-finding\", m);");
        Assert.DoesNotMatch(NewErrorWithLiteral(), "return new Error(ErrorCodes.UnknownControl, $\"no control '{id}'\");");
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Src, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Path.GetRelativePath(Src, f) != SpellingAllowed[0]);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    // new Error("…" and new Core.Common.Error($"…"; a target-typed new("…") is caught by Source_SpellsNoCodeOutsideErrorCodes.
    [GeneratedRegex(@"new (?:[A-Za-z.]*\.)?Error\(\s*\$?@?""")]
    private static partial Regex NewErrorWithLiteral();

    [GeneratedRegex(@"""([a-z0-9]+(?:-[a-z0-9]+)*)""")]
    private static partial Regex StringLiteral();
}
