using System.Collections.Concurrent;
using Trellis.Core.Common;
using Trellis.Core.Program;
using Trellis.Core.Readiness;
using Trellis.Data;

namespace Trellis.Web.Compliance;

/// <summary>
/// The program and its readiness reports, kept per <see cref="ProgramStore.RevisionAsync">revision</see>: a request
/// asks the database for the revision (one small query) and reloads only when another request, or another instance
/// on the same database, has written since. Readiness is kept per framework, credit source and day.
/// </summary>
public sealed class ProgramCache(ProgramStore store)
{
    private Snapshot? _current;

    /// <summary>The program at the database's current revision.</summary>
    public async Task<ComplianceProgram> ProgramAsync(CancellationToken ct) => (await CurrentAsync(ct)).Program;

    /// <summary>
    /// The readiness report of the current revision for <paramref name="framework"/> on <paramref name="today"/>,
    /// computed once per revision.
    /// </summary>
    public async Task<Result<ReadinessReport>> ReadinessAsync(string framework, string? creditedFrom, DateOnly today, Func<ComplianceProgram, Result<ReadinessReport>> compute, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(compute);
        var snapshot = await CurrentAsync(ct);
        return snapshot.Readiness.GetOrAdd((framework, creditedFrom ?? "", today), _ => compute(snapshot.Program));
    }

    private async Task<Snapshot> CurrentAsync(CancellationToken ct)
    {
        var revision = await store.RevisionAsync(ct);
        var current = Volatile.Read(ref _current);
        if (current is not null && current.Revision == revision)
        {
            return current;
        }

        var (program, loaded) = await store.LoadRevisionAsync(ct);
        var fresh = new Snapshot(loaded, program);

        // Keep the newer of two concurrent loads.
        var seen = Volatile.Read(ref _current);
        while (seen is null || seen.Revision < loaded)
        {
            var swapped = Interlocked.CompareExchange(ref _current, fresh, seen);
            if (ReferenceEquals(swapped, seen))
            {
                break;
            }

            seen = swapped;
        }

        return fresh;
    }

    private sealed record Snapshot(int Revision, ComplianceProgram Program)
    {
        public ConcurrentDictionary<(string Framework, string CreditedFrom, DateOnly Today), Result<ReadinessReport>> Readiness { get; } = new();
    }
}
