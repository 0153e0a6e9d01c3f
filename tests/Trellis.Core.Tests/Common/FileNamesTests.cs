using Trellis.Core.Common;

namespace Trellis.Core.Tests.Common;

/// <summary>Issue 14, hole G: a file name from outside is stored and shown as what it is.</summary>
public sealed class FileNamesTests
{
    [Fact]
    public void Clean_RightToLeftOverride_IsRemoved_SoTheRealExtensionShows()
    {
        // U+202E RIGHT-TO-LEFT OVERRIDE makes "evil\u202Efdp.exe" display as "evilexe.pdf".
        Assert.Equal("evilfdp.exe", FileNames.Clean("evil\u202Efdp.exe"));
    }

    [Theory]
    [InlineData("a\u200Bb.pdf", "ab.pdf")] // zero-width space (Cf)
    [InlineData("\uFEFFreport.pdf", "report.pdf")] // byte-order mark (Cf)
    [InlineData("a\u2066b\u2069.pdf", "ab.pdf")] // isolates (Cf)
    [InlineData("a\u0000b\u001Fc\u007F.txt", "abc.txt")] // control characters (Cc)
    [InlineData("line\u2028break.txt", "linebreak.txt")] // line separator (Zl)
    public void Clean_FormatAndControlCharacters_AreRemoved(string name, string expected)
    {
        Assert.Equal(expected, FileNames.Clean(name));
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData(@"C:\Users\x\report.pdf", "report.pdf")]
    [InlineData("a<b>c:d\"e|f?g*h.txt", "abcdefgh.txt")]
    public void Clean_PathsAndReservedCharacters_AreRemoved(string name, string expected)
    {
        Assert.Equal(expected, FileNames.Clean(name));
    }

    [Theory]
    [InlineData("CON", "_CON")]
    [InlineData("con.txt", "_con.txt")]
    [InlineData("NUL.tar.gz", "_NUL.tar.gz")]
    [InlineData("Aux .pdf", "_Aux .pdf")]
    [InlineData("COM1.pdf", "_COM1.pdf")]
    [InlineData("lpt9", "_lpt9")]
    [InlineData("PRN", "_PRN")]
    [InlineData("CONSOLE.txt", "CONSOLE.txt")]
    [InlineData("COM10.txt", "COM10.txt")]
    public void Clean_WindowsDeviceNames_ArePrefixed(string name, string expected)
    {
        Assert.Equal(expected, FileNames.Clean(name));
    }

    [Theory]
    [InlineData("report.pdf. . ", "report.pdf")]
    [InlineData("...hidden", "hidden")]
    [InlineData("  spaced.txt  ", "spaced.txt")]
    [InlineData("\u3000.profile", "profile")]
    public void Clean_LeadingAndTrailingDotsAndSpaces_AreRemoved(string name, string expected)
    {
        Assert.Equal(expected, FileNames.Clean(name));
    }

    [Fact]
    public void Clean_LongName_IsCutTo120KeepingTheExtension()
    {
        var clean = FileNames.Clean(new string('a', 300) + ".pdf");

        Assert.Equal(120, clean.Length);
        Assert.EndsWith("a.pdf", clean, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_LongNameOfAstralCharacters_NeverCutsASurrogatePair()
    {
        var clean = FileNames.Clean(string.Concat(Enumerable.Repeat("\U0001F600", 100)));

        Assert.True(clean.Length <= 120);
        Assert.False(char.IsHighSurrogate(clean[^1]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\u202E\u200B")]
    [InlineData(" . ")]
    [InlineData("dir/")]
    public void Clean_NothingLeft_GivesTheFallback(string? name)
    {
        Assert.Equal("evidence", FileNames.Clean(name, "evidence"));
    }

    [Theory]
    [InlineData("Zugriffsprüfung 2026-10.pdf")]
    [InlineData("アクセス.csv")]
    [InlineData("report (final) v2.xlsx")]
    public void Clean_OrdinaryNames_AreKept(string name)
    {
        Assert.Equal(name, FileNames.Clean(name));
    }
}
