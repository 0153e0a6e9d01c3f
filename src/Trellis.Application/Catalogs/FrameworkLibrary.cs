using Trellis.Content;
using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;
using Trellis.Data;
using Trellis.Exchange.Oscal;

namespace Trellis.Application.Catalogs;

/// <summary>
/// The one catalog of frameworks and mappings every use case reads: the shipped content plus the frameworks (OSCAL
/// catalogs and profiles) and mappings (OSCAL mapping collections) imported into the database, and the crosswalk over
/// them. Kept per <see cref="Stamp">stamp</see> of the imported rows: each read asks the database for their IDs and
/// versions (two small queries) and rebuilds only when an import, here or in another instance, changed them.
/// </summary>
public sealed class FrameworkLibrary : IDisposable
{
    private readonly ImportedFrameworkStore? _frameworks;
    private readonly ImportedMappingStore? _mappings;
    private readonly SemaphoreSlim _loading = new(1, 1);
    private Snapshot? _current;
    private Verified? _verified;

    /// <summary>A library over a database's imported frameworks and mappings.</summary>
    public FrameworkLibrary(ImportedFrameworkStore frameworks, ImportedMappingStore mappings)
        : this()
    {
        _frameworks = frameworks;
        _mappings = mappings;
    }

    // Nothing imported (the empty stamp) is the shipped content, whose crosswalk is built once per process.
    private FrameworkLibrary() => _current = new Snapshot("", ShippedContent.Engine, []);

    /// <summary>The shipped content only: for commands run without a database.</summary>
    public static FrameworkLibrary ShippedOnly() => new();

    /// <summary>The IDs of the frameworks shipped with Trellis: an import never replaces one of them.</summary>
    public static bool IsShipped(string frameworkId) => ShippedContent.Catalog.Framework(frameworkId).IsSuccess;

    /// <summary>
    /// The crosswalk over the shipped content alone: for what is about the shipped, reviewed crosswalk itself (the
    /// seed guide's table judged against it, the walkthrough).
    /// </summary>
    public static CrosswalkEngine ShippedEngine => ShippedContent.Engine;

    /// <summary>The seed guide's table claims (section → criteria), judged against <see cref="ShippedEngine"/>.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> GuideClaims => ShippedContent.GuideClaims;

    /// <summary>The shipped mapping sets (reviewed): imported links never override theirs.</summary>
    public static IReadOnlyList<MappingSet> ShippedMappings => ShippedContent.Catalog.Mappings;

    /// <summary>The crosswalk over every framework and mapping, shipped and imported.</summary>
    public async Task<CrosswalkEngine> EngineAsync(CancellationToken ct) => (await CurrentAsync(ct).ConfigureAwait(false)).Engine;

    /// <summary>Every framework and mapping, shipped and imported.</summary>
    public async Task<FrameworkCatalog> CatalogAsync(CancellationToken ct) => (await EngineAsync(ct).ConfigureAwait(false)).Catalog;

    /// <summary>
    /// Stored imports that could not be read into the catalog (a document this version no longer reads, a mapping
    /// whose framework was removed), one line each; empty when all are in.
    /// </summary>
    public async Task<IReadOnlyList<string>> ProblemsAsync(CancellationToken ct) => (await CurrentAsync(ct).ConfigureAwait(false)).Problems;

    /// <inheritdoc />
    public void Dispose() => _loading.Dispose();

    private async Task<Snapshot> CurrentAsync(CancellationToken ct)
    {
        if (_frameworks is null || _mappings is null)
        {
            return _current!;
        }

        // Nothing committed since the versions were last compared: no query at all.
        var changed = await _frameworks.Changes.CurrentAsync(ct).ConfigureAwait(false);
        if (Volatile.Read(ref _verified) is { } verified && verified.At == changed)
        {
            return verified.Snapshot;
        }

        var stamp = Stamp(await _frameworks.VersionsAsync(ct).ConfigureAwait(false), await _mappings.VersionsAsync(ct).ConfigureAwait(false));
        if (Volatile.Read(ref _current) is { } current && current.Stamp == stamp)
        {
            Volatile.Write(ref _verified, new Verified(changed, current));
            return current;
        }

        await _loading.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _current) is { } loadedMeanwhile && loadedMeanwhile.Stamp == stamp)
            {
                return loadedMeanwhile;
            }

            var fresh = await LoadAsync(ct).ConfigureAwait(false);
            Volatile.Write(ref _current, fresh);
            Volatile.Write(ref _verified, new Verified(changed, fresh));
            return fresh;
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task<Snapshot> LoadAsync(CancellationToken ct)
    {
        var problems = new List<string>();
        var shipped = ShippedContent.Catalog;
        var frameworks = new List<Framework>(shipped.Frameworks);
        var stored = await _frameworks!.ListAsync(ct).ConfigureAwait(false);
        foreach (var (value, _) in stored)
        {
            if (IsShipped(value.Id))
            {
                problems.Add($"imported framework '{value.Id}' has the ID of a shipped framework and is not used");
                continue;
            }

            var read = OscalFrameworkImport.FromCatalogJson(value.Document, value.Id, source: $"framework {value.Id}");
            if (read.IsSuccess)
            {
                frameworks.Add(read.Value.Framework);
            }
            else
            {
                problems.Add($"imported framework '{value.Id}' cannot be read: {read.Error!.Message}");
            }
        }

        var known = frameworks.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var mappings = new List<MappingSet>(shipped.Mappings);
        var sets = await _mappings!.ListAsync(ct).ConfigureAwait(false);
        foreach (var set in sets)
        {
            if (known.Contains(set.From) && known.Contains(set.To))
            {
                mappings.Add(set);
            }
            else
            {
                problems.Add($"imported mapping '{set.Id}' links a framework that is not in the catalog ({(known.Contains(set.From) ? set.To : set.From)}) and is not used");
            }
        }

        var stamp = Stamp(stored.Select(s => (s.Value.Id, s.Version)).ToList(), sets.Select(s => (s.Id, s.Revision)).ToList());
        return new Snapshot(stamp, new CrosswalkEngine(new FrameworkCatalog(frameworks, mappings)), problems);
    }

    private static string Stamp(IReadOnlyList<(string Id, int Version)> frameworks, IReadOnlyList<(string Id, int Version)> mappings) =>
        string.Join('\n', frameworks.Select(f => $"f:{f.Id}@{f.Version}").Concat(mappings.Select(m => $"m:{m.Id}@{m.Version}")));

    private sealed record Snapshot(string Stamp, CrosswalkEngine Engine, IReadOnlyList<string> Problems);

    private sealed record Verified(Trellis.Data.Changes.ChangeStamp At, Snapshot Snapshot);
}
