using System.Collections.Concurrent;
using Trellis.Core.Common;
using Trellis.Core.Program;
using Trellis.Core.Readiness;
using Trellis.Data;

namespace Trellis.Application.Compliance;

/// <summary>
/// The program and its readiness reports, kept per <see cref="ProgramStore.RevisionAsync">revision</see>: a request
/// asks the database for the revision (one small query) and reloads only when another request, or another instance
/// on the same database, has written since. Readiness is kept per framework, credit source and day.
/// </summary>
public sealed class ProgramCache(ProgramStore store) : IDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly ConcurrentDictionary<(string Framework, DateOnly Day), bool> _kept = new();
    private Snapshot? _current;

    /// <inheritdoc />
    public void Dispose() => _loading.Dispose();

    /// <summary>The program at the database's current revision.</summary>
    public async Task<ComplianceProgram> ProgramAsync(CancellationToken ct) => (await CurrentAsync(ct)).Program;

    /// <summary>
    /// The readiness report of the current revision for <paramref name="framework"/> on <paramref name="today"/>,
    /// computed once per revision and crosswalk (<paramref name="engine"/>: a new one after a framework or mapping import).
    /// </summary>
    public async Task<Result<ReadinessReport>> ReadinessAsync(Core.Crosswalk.CrosswalkEngine engine, string framework, string? creditedFrom, DateOnly today, Func<ComplianceProgram, Result<ReadinessReport>> compute, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(compute);
        var snapshot = await CurrentAsync(ct);
        return snapshot.Readiness.GetOrAdd((engine, framework, creditedFrom ?? "", today), _ => compute(snapshot.Program));
    }

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
        var revision = await store.RevisionAsync(ct);
        if (Volatile.Read(ref _current) is { } current && current.Revision == revision)
        {
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
            return fresh;
        }
        finally
        {
            _loading.Release();
        }
    }

    private sealed record Snapshot(int Revision, ComplianceProgram Program)
    {
        public ConcurrentDictionary<(Core.Crosswalk.CrosswalkEngine Engine, string Framework, string CreditedFrom, DateOnly Today), Result<ReadinessReport>> Readiness { get; } = new();
    }
}
