using System.IO.Compression;
using Trellis.Testing;

namespace Trellis.Cli.Tests;

/// <summary>Issue 16, item 4: <c>trellis package freeze</c> writes a package that <c>verify</c> passes, and fails naming the file after one byte changes.</summary>
public sealed class PackageCommandTests : IDisposable
{
    private static readonly FixedClock Clock = FixedClock.On(2026, 11, 27);
    private readonly string _dir = Directory.CreateTempSubdirectory("trellis-package-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void FreezeThenVerify_Passes_AndOneByteChangedInAFile_FailsNamingIt()
    {
        var db = Path.Combine(_dir, "t.db");
        var zip = Path.Combine(_dir, "package.zip");
        Assert.Equal(0, Run("demo", "--db", db).Code);
        var sample = Run("sample", "soc2-type2-window-1", "AC-49", "--seed", "7", "--size", "1", "--db", db);
        Assert.True(sample.Code == 0, sample.Err);

        var freeze = Run("package", "freeze", "soc2-type2-window-1", "--out", zip, "--db", db);
        Assert.True(freeze.Code == 0, freeze.Err);
        using (var archive = ZipFile.OpenRead(zip))
        {
            Assert.Equal(["manifest.json", "requests/REQ-0001.json", "reuse.json", "samples/SMP-0001.json"], archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        }

        var ok = Run("package", "verify", zip);
        Assert.True(ok.Code == 0, ok.Err);
        Assert.Contains("3 files", ok.Out, StringComparison.Ordinal);

        // One byte of one file changed (the zip itself stays a valid zip).
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Update))
        {
            var entry = archive.GetEntry("samples/SMP-0001.json")!;
            byte[] bytes;
            using (var read = entry.Open())
            using (var copy = new MemoryStream())
            {
                read.CopyTo(copy);
                bytes = copy.ToArray();
            }

            bytes[10] ^= 0x01;
            entry.Delete();
            using var write = archive.CreateEntry("samples/SMP-0001.json").Open();
            write.Write(bytes);
        }

        var altered = Run("package", "verify", zip);
        Assert.Equal(2, altered.Code);
        Assert.Contains("samples/SMP-0001.json", altered.Err, StringComparison.Ordinal);
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error, Clock);
        return (code, output.ToString(), error.ToString());
    }
}
