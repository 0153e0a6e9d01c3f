using System.Text.RegularExpressions;
using System.Xml.Linq;
using Trellis.Testing;

namespace Trellis.Core.Tests.Architecture;

/// <summary>
/// The project graph drawn in docs/architecture.md, checked against the project files: a project that gains a
/// reference the graph forbids fails here. Also: the doors (Web, Cli) never call a store's write methods — every write
/// goes through the application layer, which hands the store its audit entry; and frameworks are read from one injected
/// catalog (the application layer's FrameworkLibrary), never from the shipped-content singleton.
/// </summary>
public sealed partial class ProjectGraphTests
{
    // Who may reference whom (ProjectReference, by project name). Anything not listed is forbidden.
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Trellis.Core"] = [],
        ["Trellis.Content"] = ["Trellis.Core"],
        ["Trellis.Collectors"] = ["Trellis.Core"],
        ["Trellis.Data"] = ["Trellis.Core"],
        ["Trellis.Data.Sqlite"] = ["Trellis.Data"],
        ["Trellis.Data.Postgres"] = ["Trellis.Data"],
        ["Trellis.Exchange"] = ["Trellis.Core"],
        ["Trellis.Application"] = ["Trellis.Collectors", "Trellis.Core", "Trellis.Content", "Trellis.Data", "Trellis.Exchange"],
        ["Trellis.Web"] = ["Trellis.Application", "Trellis.Core", "Trellis.Content", "Trellis.Data", "Trellis.Exchange", "Trellis.Data.Sqlite", "Trellis.Data.Postgres"],
        ["Trellis.Cli"] = ["Trellis.Application", "Trellis.Core", "Trellis.Content", "Trellis.Data", "Trellis.Exchange", "Trellis.Data.Sqlite", "Trellis.Data.Postgres", "Trellis.Web"],
    };

    private static string Src => Path.Combine(ReferenceData.RepoRoot, "src");

    // The C# files under a folder, leaving out the build's obj/ output.
    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [Fact]
    public void EveryProject_ReferencesOnlyWhatTheGraphAllows()
    {
        var projects = Directory.GetDirectories(Src).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Allowed.Keys.Order(StringComparer.Ordinal), projects);
        foreach (var project in projects)
        {
            var references = XDocument.Load(Path.Combine(Src, project, project + ".csproj")).Descendants("ProjectReference")
                .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
                .Distinct(StringComparer.Ordinal);
            Assert.All(references, r => Assert.True(Allowed[project].Contains(r), $"{project} must not reference {r} (docs/architecture.md)"));
        }
    }

    [Theory]
    [InlineData("Trellis.Web")]
    [InlineData("Trellis.Cli")]
    public void Doors_NeverWriteThroughAStore(string project)
    {
        var offenders = SourceFiles(Path.Combine(Src, project))
            .SelectMany(f => StoreWrite().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetRelativePath(Src, f)}: {m.Value}"))
            .ToList();
        Assert.True(offenders.Count == 0, "store writes outside the application layer:\n" + string.Join('\n', offenders));
    }

    [Theory]
    [InlineData("Trellis.Web", "Hosting/TrellisWebServices.cs")]
    [InlineData("Trellis.Cli", "Commands/UseCases.cs")]
    public void Doors_ReachStoresOnlyInTheirCompositionRoot(string project, string root)
    {
        var offenders = SourceFiles(Path.Combine(Src, project))
            .Where(f => Path.GetRelativePath(Path.Combine(Src, project), f).Replace('\\', '/') != root)
            .SelectMany(f => StoreType().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetRelativePath(Src, f)}: {m.Value}"))
            .ToList();
        Assert.True(offenders.Count == 0, "stores used outside the composition root (read and write through Trellis.Application):\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void ShippedContentSingleton_IsReadOnlyByTheFrameworkLibrary()
    {
        // Content owns it (and builds the demo from it); everything else asks the FrameworkLibrary, which adds what was
        // imported into the database.
        var library = Path.Combine("Trellis.Application", "Catalogs", "FrameworkLibrary.cs");
        var offenders = SourceFiles(Src)
            .Where(f => !Path.GetRelativePath(Src, f).StartsWith("Trellis.Content" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(f => Path.GetRelativePath(Src, f) != library)
            .Where(f => File.ReadAllText(f).Contains("ShippedContent", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Src, f))
            .ToList();
        Assert.True(offenders.Count == 0, "read frameworks through FrameworkLibrary, not ShippedContent:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void StoreWritePattern_CatchesAStoreWrite()
    {
        Assert.Matches(StoreWrite(), "await new ProgramStore(database).ReplaceAsync(record, program, blobs, ct)");
        Assert.DoesNotMatch(StoreWrite(), "await useCases.Imports.ReplaceAsync(actor, program, blobs, source, ct)");
    }

    [GeneratedRegex(@"\b(ProgramStore|EngagementStore|ImportedFrameworkStore|ImportedMappingStore)\b")]
    private static partial Regex StoreType();

    // A write method of ProgramStore, EngagementStore, ImportedFrameworkStore or ImportedMappingStore called on something named like a store.
    [GeneratedRegex(@"\b(\w*[sS]tore(\([^)]*\))?)\.(ReplaceAsync|UpsertControlsAsync|UpsertControlAsync|DeleteControlAsync|AddEvidenceAsync|AddEvidenceVersionAsync|UpsertRiskAsync|DeleteRiskAsync|UpsertSoaDecisionAsync|SaveEngagementAsync|SaveFindingAsync|AddMissingAsync|SaveAsync|DeleteAsync)\(")]
    private static partial Regex StoreWrite();
}
