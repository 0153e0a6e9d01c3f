using System.Collections.Concurrent;
using Trellis.Core.Common;
using Trellis.Core.Program;
using Trellis.Core.Readiness;
using Trellis.Data;

namespace Trellis.Application.Compliance;

/// <summary>
/// The program and its readiness reports, kept per <see cref="ProgramStore.RevisionAsync">revision</see>: while the
/// database's change stamp (<see cref="Data.Changes.DatabaseChanges"/>) has not moved, a request costs no query; when it
/// has, the revision is read (one small query) and the program reloaded only when it differs. Readiness does not load
/// the program: it reads a <see cref="ReadinessView"/> (the database's aggregates, issue 18) per revision and day, and
/// keeps its reports per framework and credit source. The vendor register and the pursued frameworks are kept the same way.
/// </summary>
public sealed partial class ProgramCache(ProgramStore store) : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly ConcurrentDictionary<(string Framework, DateOnly Day), bool> _kept = new();
    private readonly Data.Changes.Stamped<IReadOnlyList<Core.Vendors.Vendor>> _vendors = new(store.Database.Changes);
    private readonly Data.Changes.Stamped<IReadOnlyList<string>?> _pursued = new(store.Database.Changes);
    private Snapshot? _current;
    private Verified? _verified;
    private ReadinessSnapshot? _readiness;
    private VerifiedReadiness? _readinessVerified;

    private readonly Data.Changes.StampedMap<(ControlQuery Query, ListWindow Window), ListPage<ControlListItem>> _controlPages = new(store.Database.Changes, 1_000);
    private readonly Data.Changes.StampedMap<(EvidenceQuery Query, ListWindow Window), ListPage<EvidenceListItem>> _evidencePages = new(store.Database.Changes, 1_000);

    /// <summary>One page of the controls list as the database sorts and filters it, read again only after a commit.</summary>
    public ValueTask<ListPage<ControlListItem>> ControlPageAsync(ControlQuery query, ListWindow window, CancellationToken ct) =>
        _controlPages.GetAsync((query, window), (k, c) => store.ListControlsAsync(k.Query, k.Window, c), ct);

    /// <summary>One page of the evidence list as the database sorts and filters it, read again only after a commit.</summary>
    public ValueTask<ListPage<EvidenceListItem>> EvidencePageAsync(EvidenceQuery query, ListWindow window, CancellationToken ct) =>
        _evidencePages.GetAsync((query, window), (k, c) => store.ListEvidenceAsync(k.Query, k.Window, c), ct);

    private readonly Data.Changes.Stamped<IReadOnlyList<Core.People.Person>> _people = new(store.Database.Changes);
    private readonly Data.Changes.Stamped<Core.People.PeopleSettings> _peopleSettings = new(store.Database.Changes);

    /// <summary>The staff register, read again only after a commit.</summary>
    public ValueTask<IReadOnlyList<Core.People.Person>> PeopleAsync(CancellationToken ct) => _people.GetAsync(store.PeopleAsync, ct);

    /// <summary>The staff register's settings, read again only after a commit.</summary>
    public ValueTask<Core.People.PeopleSettings> PeopleSettingsAsync(CancellationToken ct) => _peopleSettings.GetAsync(store.PeopleSettingsAsync, ct);

    /// <summary>The vendor register, read again only after a commit.</summary>
    public ValueTask<IReadOnlyList<Core.Vendors.Vendor>> VendorsAsync(CancellationToken ct) => _vendors.GetAsync(store.VendorsAsync, ct);

    /// <summary>The pursued frameworks as saved (null: never set), read again only after a commit.</summary>
    public ValueTask<IReadOnlyList<string>?> PursuedFrameworksAsync(CancellationToken ct) => _pursued.GetAsync(store.PursuedFrameworksAsync, ct);

    /// <inheritdoc />
    public void Dispose() => _loading.Dispose();

    /// <summary>The program at the database's current revision.</summary>
    public async Task<ComplianceProgram> ProgramAsync(CancellationToken ct) => (await CurrentAsync(ct)).Program;

    /// <summary>
    /// The readiness report of the current revision for <paramref name="framework"/> on <paramref name="today"/>,
    /// computed once per revision and crosswalk (<paramref name="engine"/>: a new one after a framework or mapping import).
    /// </summary>
    public async Task<Result<ReadinessReport>> ReadinessAsync(Core.Crosswalk.CrosswalkEngine engine, string framework, string? creditedFrom, DateOnly today, Func<ReadinessView, Result<ReadinessReport>> compute, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(compute);
        var snapshot = await CurrentReadinessAsync(today, ct);
        return snapshot.Readiness.GetOrAdd((engine, framework, creditedFrom ?? ""), _ => compute(snapshot.View));
    }

    /// <summary>
    /// The <see cref="ReadinessView"/> of the current revision on <paramref name="today"/> (default freshness policy):
    /// what readiness, the dashboard's states and the judgements read, aggregated by the database — never the evidence
    /// history. Read again only after a commit that changed the revision, or on a new day.
    /// </summary>
    public async Task<ReadinessView> ReadinessViewAsync(DateOnly today, CancellationToken ct) => (await CurrentReadinessAsync(today, ct)).View;

    /// <summary>
    /// Keeps the day's readiness counts of a framework in the database unless this process, or any instance on the
    /// same database, already kept them (at most one row per framework and day: the first counts stay).
    /// </summary>
    public async Task KeepSnapshotAsync(ReadinessCounts counts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (_kept.ContainsKey((counts.Framework, counts.Day)))
        {
            return;
        }

        await store.RecordReadinessAsync(counts, ct);
        _kept[(counts.Framework, counts.Day)] = true;
    }

    private async Task<Snapshot> CurrentAsync(CancellationToken ct)
    {
        var changed = await store.Database.Changes.CurrentAsync(ct);
        if (Volatile.Read(ref _verified) is { } verified && verified.At == changed)
        {
            return verified.Snapshot;
        }

        var revision = await store.RevisionAsync(ct);
        if (Volatile.Read(ref _current) is { } current && current.Revision == revision)
        {
            Volatile.Write(ref _verified, new Verified(changed, current));
            return current;
        }

        // One load per revision: requests arriving together after a write wait for the first one's load.
        await _loading.WaitAsync(ct);
        try
        {
            if (Volatile.Read(ref _current) is { } loadedMeanwhile && loadedMeanwhile.Revision == revision)
            {
                return loadedMeanwhile;
            }

            var (program, loaded) = await store.LoadRevisionAsync(ct);
            var fresh = new Snapshot(loaded, program);
            Volatile.Write(ref _current, fresh);
            Volatile.Write(ref _verified, new Verified(changed, fresh));
            return fresh;
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task<ReadinessSnapshot> CurrentReadinessAsync(DateOnly today, CancellationToken ct)
    {
        var changed = await store.Database.Changes.CurrentAsync(ct);
        if (Volatile.Read(ref _readinessVerified) is { } verified && verified.At == changed && verified.Snapshot.View.Today == today)
        {
            return verified.Snapshot;
        }

        var revision = await store.RevisionAsync(ct);
        if (Volatile.Read(ref _readiness) is { } current && current.View.Revision == revision && current.View.Today == today)
        {
            Volatile.Write(ref _readinessVerified, new VerifiedReadiness(changed, current));
            return current;
        }

        await _loading.WaitAsync(ct);
        try
        {
            if (Volatile.Read(ref _readiness) is { } loadedMeanwhile && loadedMeanwhile.View.Revision == revision && loadedMeanwhile.View.Today == today)
            {
                return loadedMeanwhile;
            }

            var fresh = new ReadinessSnapshot(await store.LoadReadinessAsync(today, new Core.Evidence.FreshnessPolicy(), ct));
            Volatile.Write(ref _readiness, fresh);
            Volatile.Write(ref _readinessVerified, new VerifiedReadiness(changed, fresh));
            return fresh;
        }
        finally
        {
            _loading.Release();
        }
    }

    private sealed record Verified(Data.Changes.ChangeStamp At, Snapshot Snapshot);

    private sealed record VerifiedReadiness(Data.Changes.ChangeStamp At, ReadinessSnapshot Snapshot);

    private sealed record ReadinessSnapshot(ReadinessView View)
    {
        public ConcurrentDictionary<(Core.Crosswalk.CrosswalkEngine Engine, string Framework, string CreditedFrom), Result<ReadinessReport>> Readiness { get; } = new();
    }

    private sealed record Snapshot(int Revision, ComplianceProgram Program);
}
