using Trellis.Collectors.Folder;
using Trellis.Testing;

namespace Trellis.Collectors.Tests;

/// <summary>The folder collector on a real temporary folder, with symbolic links that try to leave it.</summary>
public sealed class FolderCollectorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("trellis-folder-").FullName;

    private string Exports => Path.Combine(_root, "exports");

    private string Outside => Path.Combine(_root, "outside");

    public FolderCollectorTests()
    {
        Directory.CreateDirectory(Exports);
        Directory.CreateDirectory(Outside);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private CollectorDefinition Definition() => new() { Name = "exports", Kind = CollectorKind.Folder, Controls = ["AC-01"], Path = Exports };

    private static readonly FixedClock Clock = FixedClock.At(2026, 12, 3);

    [Fact]
    public async Task RunAsync_Exports_EachCsvJsonPdfCapturedEffectiveAtItsLastWrite()
    {
        File.WriteAllText(Path.Combine(Exports, "users.csv"), "id,name\n1,Ana\n");
        Directory.CreateDirectory(Path.Combine(Exports, "2026"));
        File.WriteAllText(Path.Combine(Exports, "2026", "scan.json"), "{}");
        File.WriteAllText(Path.Combine(Exports, "notes.txt"), "not an export");
        File.SetLastWriteTimeUtc(Path.Combine(Exports, "users.csv"), new DateTime(2026, 11, 2, 8, 0, 0, DateTimeKind.Utc));

        var run = await new FolderCollector(Clock).RunAsync(Definition(), new RunContext(null, new HashSet<string>()), default);

        Assert.Null(run.Failure);
        Assert.Equal(["2026/scan.json", "users.csv"], run.Captures.Select(c => c.FileName).Order(StringComparer.Ordinal));
        var users = run.Captures.Single(c => c.FileName == "users.csv");
        Assert.Equal("text/csv", users.MediaType);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero), users.ObservedAt);
    }

    [Fact]
    public async Task RunAsync_SymbolicLinksOutOfTheFolder_SkippedWithANote()
    {
        File.WriteAllText(Path.Combine(Outside, "secret.csv"), "password,hunter2\n");
        Directory.CreateDirectory(Path.Combine(Outside, "more"));
        File.WriteAllText(Path.Combine(Outside, "more", "other.json"), "{\"secret\":true}");
        File.CreateSymbolicLink(Path.Combine(Exports, "evil.csv"), Path.Combine(Outside, "secret.csv"));
        Directory.CreateSymbolicLink(Path.Combine(Exports, "escape"), Path.Combine(Outside, "more"));
        File.WriteAllText(Path.Combine(Exports, "ok.csv"), "a\n");

        var run = await new FolderCollector(Clock).RunAsync(Definition(), new RunContext(null, new HashSet<string>()), default);

        Assert.Equal("ok.csv", Assert.Single(run.Captures).FileName);
        Assert.Contains(run.Notes, n => n.StartsWith("skipped 'evil.csv': a symbolic link", StringComparison.Ordinal));
        Assert.Contains(run.Notes, n => n.StartsWith("skipped 'escape': a symbolic link", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_FolderItselfALink_FailedRun()
    {
        var link = Path.Combine(_root, "link");
        Directory.CreateSymbolicLink(link, Outside);

        var run = await new FolderCollector(Clock).RunAsync(Definition() with { Path = link }, new RunContext(null, new HashSet<string>()), default);

        Assert.Equal(RunStatus.Error, run.Status);
        Assert.Contains("is a symbolic link", run.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SecondRun_OnlyNewOrChangedFiles()
    {
        var collector = new FolderCollector(Clock);
        File.WriteAllText(Path.Combine(Exports, "a.csv"), "1\n");
        File.WriteAllText(Path.Combine(Exports, "b.csv"), "2\n");
        var first = await collector.RunAsync(Definition(), new RunContext(null, new HashSet<string>()), default);
        File.WriteAllText(Path.Combine(Exports, "b.csv"), "2 changed\n");
        File.WriteAllText(Path.Combine(Exports, "c.pdf"), "%PDF-1.4\n");

        var second = await collector.RunAsync(Definition(), new RunContext(null, first.Captures.Select(c => c.Sha256).ToHashSet()), default);

        Assert.Equal(2, first.Captures.Count);
        Assert.Equal(["b.csv", "c.pdf"], second.Captures.Select(c => c.FileName));
    }

    [Fact]
    public async Task RunAsync_MissingFolder_FailedRun()
    {
        var run = await new FolderCollector(Clock).RunAsync(Definition() with { Path = Path.Combine(_root, "nope") }, new RunContext(null, new HashSet<string>()), default);

        Assert.Equal(RunStatus.Error, run.Status);
        Assert.Contains("does not exist", run.Failure, StringComparison.Ordinal);
    }
}
