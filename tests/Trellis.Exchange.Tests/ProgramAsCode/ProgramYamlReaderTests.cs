using System.Text;
using Trellis.Exchange.ProgramAsCode;

namespace Trellis.Exchange.Tests.ProgramAsCode;

/// <summary>Bad input is refused with every error naming file, line and field, and nothing else is returned.</summary>
public class ProgramYamlReaderTests
{
    // Line numbers matter: tests below refer to them.
    private const string Valid =
        """
        format: trellis-program/1
        organization: Test Co
        controls:
          - id: AC-01
            title: Access control policy
            cadence: annual
            status: implemented
            mappings:
              - requirement: iso27001-2022:A.5.15
                relationship: equal
        evidence:
          - id: EV-1
            title: Access control policy document
            controls: [AC-01]
            versions:
              - number: 1
                file: evidence/policy.txt
                collectedAt: 2025-03-01T09:00:00Z
                effectiveFrom: 2025-02-28
        """;

    [Fact]
    public void Read_ValidProgram_ReturnsProgramAndBlob()
    {
        using var folder = Folder(Valid);

        var result = folder.Read();

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        var version = result.Program!.Evidence[0].Versions[0];
        Assert.Equal("policy.txt", version.FileName);
        Assert.Equal(11, version.Size);
        Assert.Equal("policy text"u8.ToArray(), result.Blobs[version.Sha256!]);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero), version.CollectedAt);
    }

    [Fact]
    public void Read_InstantWithAnOffset_IsStoredInUtc()
    {
        using var folder = Folder(Valid.Replace("2025-03-01T09:00:00Z", "2025-03-01T09:00:00.5+02:00", StringComparison.Ordinal));

        var collected = folder.Read().Program!.Evidence[0].Versions[0].CollectedAt;

        Assert.Equal(new DateTimeOffset(2025, 3, 1, 7, 0, 0, 500, TimeSpan.Zero), collected);
        Assert.Equal(TimeSpan.Zero, collected.Offset);
    }

    [Fact]
    public void Read_MalformedYaml_FailsAtTheLine()
    {
        using var folder = Folder(Valid.Replace("controls: [AC-01]", "controls: [AC-01", StringComparison.Ordinal));

        AssertSingleError(folder, "yaml-syntax", 14, "malformed YAML");
    }

    [Fact]
    public void Read_AliasBomb_IsRejectedWithoutExpanding()
    {
        var bomb = new StringBuilder("format: trellis-program/1\norganization: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var i = 0; i < 9; i++)
        {
            var prev = (char)('a' + i);
            bomb.Append(CultureInvariant($"x{i}: &{(char)(prev + 1)} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
        }

        using var folder = new ProgramFolder().Write("program.yaml", bomb.ToString());

        AssertSingleError(folder, "yaml-anchor", 2, "anchors");
    }

    [Fact]
    public void Read_Alias_IsRejected()
    {
        using var folder = Folder(Valid.Replace("title: Access control policy document", "title: *name", StringComparison.Ordinal));

        AssertSingleError(folder, "yaml-alias", 13, "aliases");
    }

    [Fact]
    public void Read_DuplicateControlIds_NamesTheSecondOccurrence()
    {
        var yaml = Valid.Replace(
            "evidence:\n",
            "  - id: AC-01\n    title: Another\n    cadence: annual\n    status: planned\nevidence:\n",
            StringComparison.Ordinal);
        using var folder = Folder(yaml);

        var error = AssertSingleError(folder, "duplicate-id", 11, "controls[AC-01]");
        Assert.Contains("'AC-01'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownRequirement_NamesFieldAndNearestIds()
    {
        using var folder = Folder(Valid.Replace("iso27001-2022:A.5.15", "iso27001-2022:A.5.155", StringComparison.Ordinal));

        var error = AssertSingleError(folder, "unknown-requirement", 9, "controls[AC-01].mappings[0].requirement");
        Assert.Contains("A.5.15", error.Message.Split("nearest:")[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownFramework_IsReported()
    {
        using var folder = Folder(Valid.Replace("iso27001-2022:A.5.15", "iso27001-2020:A.5.15", StringComparison.Ordinal));

        AssertSingleError(folder, "unknown-framework", 9, "iso27001-2022");
    }

    [Theory]
    [InlineData("../../etc/passwd", "'..'")]
    [InlineData("/etc/passwd", "absolute")]
    [InlineData("evidence\\policy.txt", "forward slashes")]
    [InlineData("evidence//policy.txt", "empty")]
    public void Read_EvidencePathLeavingTheFolder_IsRejected(string path, string why)
    {
        using var folder = Folder(Valid.Replace("evidence/policy.txt", path, StringComparison.Ordinal));

        var error = AssertSingleError(folder, "unsafe-path", 17, "'file'");
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SymlinkLeavingTheFolder_IsRejected()
    {
        using var outside = new ProgramFolder().Write("secret.txt", "secret");
        using var folder = Folder(Valid.Replace("evidence/policy.txt", "evidence/link.txt", StringComparison.Ordinal));
        File.CreateSymbolicLink(Path.Combine(folder.Root, "evidence", "link.txt"), Path.Combine(outside.Root, "secret.txt"));

        var error = AssertSingleError(folder, "unsafe-path", 17, "'file'");
        Assert.Contains("symbolic link", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SymlinkedFolderLeavingTheFolder_IsRejected()
    {
        using var outside = new ProgramFolder().Write("policy.txt", "policy text");
        using var folder = Folder(Valid.Replace("evidence/policy.txt", "linked/policy.txt", StringComparison.Ordinal));
        Directory.CreateSymbolicLink(Path.Combine(folder.Root, "linked"), outside.Root);

        AssertSingleError(folder, "unsafe-path", 17, "symbolic link");
    }

    [Fact]
    public void Read_SymlinkInsideTheFolder_IsAccepted()
    {
        using var folder = Folder(Valid.Replace("evidence/policy.txt", "evidence/link.txt", StringComparison.Ordinal));
        File.CreateSymbolicLink(Path.Combine(folder.Root, "evidence", "link.txt"), "policy.txt");

        Assert.True(folder.Read().IsSuccess);
    }

    [Fact]
    public void Read_MissingFile_IsReported()
    {
        using var folder = Folder(Valid.Replace("evidence/policy.txt", "evidence/nope.txt", StringComparison.Ordinal));

        AssertSingleError(folder, "missing-file", 17, "evidence/nope.txt");
    }

    [Fact]
    public void Read_EmptyFile_IsRejected()
    {
        using var folder = Folder(Valid).Write("evidence/policy.txt", "");

        AssertSingleError(folder, "empty-file", 17, "'file'");
    }

    [Fact]
    public void Read_FileOverTheConfiguredLimit_IsRejected()
    {
        using var folder = Folder(Valid);

        var error = AssertSingleError(folder, "too-large", 17, "'file'", new ProgramYamlLimits { MaxEvidenceFileBytes = 10 });
        Assert.Contains("limit is 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ChecksumThatDoesNotMatchTheFile_IsRejected()
    {
        using var folder = Folder(Valid.Replace("        file: evidence/policy.txt\n", "        file: evidence/policy.txt\n        sha256: " + new string('a', 64) + "\n", StringComparison.Ordinal));

        AssertSingleError(folder, "checksum-mismatch", 18, "'sha256'");
    }

    [Fact]
    public void Read_InvalidUtf8_NamesTheLine()
    {
        using var folder = new ProgramFolder();
        var bytes = new UTF8Encoding(false).GetBytes(Valid.Replace("Test Co", "Test XX", StringComparison.Ordinal)).ToList();
        var at = Encoding.ASCII.GetBytes(Valid).AsSpan().IndexOf("Test Co"u8) + 5;
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28; // 0xC3 must be followed by a continuation byte
        folder.Write("program.yaml", [.. bytes]).Write("evidence/policy.txt", "policy text");

        AssertSingleError(folder, "invalid-utf8", 2, "UTF-8");
    }

    [Fact]
    public void Read_DateThatDoesNotExist_IsRejected()
    {
        using var folder = Folder(Valid.Replace("2025-02-28", "2025-02-30", StringComparison.Ordinal));

        AssertSingleError(folder, "invalid-date", 19, "'effectiveFrom'");
    }

    [Theory]
    [InlineData("2025-02-30T09:00:00Z")]
    [InlineData("2025-03-01T09:00:00")]
    [InlineData("2025-03-01")]
    public void Read_InstantThatDoesNotExistOrHasNoZone_IsRejected(string instant)
    {
        using var folder = Folder(Valid.Replace("2025-03-01T09:00:00Z", instant, StringComparison.Ordinal));

        AssertSingleError(folder, "invalid-instant", 18, "'collectedAt'");
    }

    [Fact]
    public void Read_UnknownKey_IsRejectedWithASuggestion()
    {
        using var folder = Folder(Valid.Replace("    title: Access control policy\n", "    titel: Access control policy\n", StringComparison.Ordinal));

        var result = folder.Read();

        Assert.Null(result.Program);
        Assert.Contains(result.Errors, e => e.Code == "unknown-field" && e.Location == $"{folder.ProgramYaml}:5" && e.Message.Contains("did you mean 'title'", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Code == "missing-field" && e.Message.Contains("'title'", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_SeveralProblems_ReportsThemAllInLineOrder()
    {
        var yaml = Valid
            .Replace("cadence: annual", "cadence: yearly", StringComparison.Ordinal)
            .Replace("relationship: equal", "relationship: no-relationship", StringComparison.Ordinal)
            .Replace("controls: [AC-01]", "controls: [AC-02]", StringComparison.Ordinal)
            .Replace("2025-02-28", "2025-02-30", StringComparison.Ordinal);
        using var folder = Folder(yaml);

        var result = folder.Read();

        Assert.Null(result.Program);
        Assert.Empty(result.Blobs);
        Assert.Equal(
            [("unknown-value", 6), ("invalid-relationship", 10), ("unknown-control", 14), ("invalid-date", 19)],
            result.Errors.Select(e => (e.Code, int.Parse(e.Location!.Split(':')[^1], System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void Read_ExcludedSoaRowWithoutJustification_IsReported()
    {
        using var folder = Folder(Valid + "\nsoa:\n  rows:\n    - control: A.7.4\n      applicable: false\n");

        AssertSingleError(folder, "justification-required", 22, "soa.rows[A.7.4]");
    }

    [Fact]
    public void Read_MissingProgramFile_IsReported()
    {
        using var folder = new ProgramFolder();

        var result = folder.Read();

        Assert.Equal("missing-file", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Read_TagThatIsNotAUri_IsASyntaxErrorNotACrash()
    {
        // afl-fuzz's first saved crash for program-yaml (docs/fuzzing.md): YamlDotNet threw ArgumentException.
        using var folder = new ProgramFolder().Write("program.yaml", "!!!![!\n");

        AssertSingleError(folder, "yaml-syntax", 1, "not a valid URI");
    }

    private static ProgramFolder Folder(string yaml) => new ProgramFolder().Write("program.yaml", yaml + "\n").Write("evidence/policy.txt", "policy text");

    private static Trellis.Core.Common.Error AssertSingleError(ProgramFolder folder, string code, int line, string mentions, ProgramYamlLimits? limits = null)
    {
        var result = folder.Read(limits);

        Assert.False(result.IsSuccess);
        Assert.Null(result.Program);
        Assert.Empty(result.Blobs);
        var error = Assert.Single(result.Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal($"{folder.ProgramYaml}:{line}", error.Location);
        Assert.Contains(mentions, error.Message, StringComparison.Ordinal);
        return error;
    }

    private static string CultureInvariant(FormattableString s) => FormattableString.Invariant(s);
}
