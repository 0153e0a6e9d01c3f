using Trellis.Application.Actors;
using Trellis.Application.Catalogs;
using Trellis.Core.Common;
using Trellis.Core.Frameworks;
using Trellis.Core.Readiness;
using Trellis.Data;

namespace Trellis.Application.Compliance;

/// <summary>The frameworks the program pursues, and readiness over time.</summary>
public sealed partial class ProgramService
{
    /// <summary>The shipped frameworks pursued when nothing is set, in the dashboard's order.</summary>
    public static readonly IReadOnlyList<string> DefaultPursued = [FrameworkIds.Iso27001v2022, FrameworkIds.Soc2v2017, FrameworkIds.NistCsf2];

    /// <summary>
    /// The IDs of the frameworks the program pursues (its dashboard and readiness menus show these; the catalog keeps
    /// every framework): as saved, or <see cref="DefaultPursued"/> when never set, plus every imported framework then.
    /// Frameworks no longer in the catalog are left out.
    /// </summary>
    public async Task<IReadOnlyList<string>> PursuedFrameworksAsync(CancellationToken ct)
    {
        var catalog = await CatalogAsync(ct);
        var saved = await cache.PursuedFrameworksAsync(ct);
        var ids = saved ?? [.. DefaultPursued, .. catalog.Frameworks.Select(f => f.Id).Where(id => !FrameworkLibrary.IsShipped(id))];
        return [.. ids.Where(id => catalog.Framework(id).IsSuccess).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Sets the frameworks the program pursues (admin, compliance manager; audited as <c>program.frameworks</c>): at least
    /// one, each a framework of the catalog (shipped or imported); duplicates are dropped, order kept.
    /// </summary>
    public async Task<Result<IReadOnlyList<string>>> SetPursuedFrameworksAsync(Account account, IReadOnlyList<string>? frameworks, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!account.ManagesProgram)
        {
            return Forbidden("only an admin or a compliance manager chooses the frameworks the program pursues");
        }

        var ids = (frameworks ?? []).Select(f => f.Trim()).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return new Error(ErrorCodes.InvalidArgument, "name at least one framework the program pursues", "frameworks");
        }

        var catalog = await CatalogAsync(ct);
        if (ids.FirstOrDefault(id => !catalog.Framework(id).IsSuccess) is { } unknown)
        {
            return new Error(ErrorCodes.UnknownFramework, $"unknown framework '{unknown}'", "frameworks");
        }

        var before = await PursuedFrameworksAsync(ct);
        await store.SetPursuedFrameworksAsync(Record(account, "program.frameworks", "program/frameworks", new { before, after = ids }), ids, ct);
        return ids;
    }

    /// <summary>
    /// The readiness counts kept for a framework the account sees, one per day from the first day it was computed
    /// (<paramref name="from"/>: only from that day on); <c>unknown-framework</c> otherwise. Auditors get none: the
    /// snapshots are of the whole program, not of their window.
    /// </summary>
    public async Task<Result<IReadOnlyList<ReadinessCounts>>> ReadinessHistoryAsync(Account account, string framework, DateOnly? from, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!account.SeesFramework(framework) || !(await CatalogAsync(ct)).Framework(framework).IsSuccess)
        {
            return new Error(ErrorCodes.UnknownFramework, $"unknown framework '{framework}'");
        }

        return account.Scope is null ? Result<IReadOnlyList<ReadinessCounts>>.Ok(await store.ReadinessHistoryAsync(framework, from, ct)) : Result<IReadOnlyList<ReadinessCounts>>.Ok([]);
    }

    /// <summary>Keeps today's counts of a staff readiness report once per framework and day (the first of the day).</summary>
    private Task KeepSnapshotAsync(Result<ReadinessReport> report, CancellationToken ct)
    {
        if (!report.IsSuccess)
        {
            return Task.CompletedTask;
        }

        var s = report.Value.Summary;
        return cache.KeepSnapshotAsync(
            new ReadinessCounts(report.Value.Framework, Today, s[ReadinessStatus.Covered], s[ReadinessStatus.Partial], s[ReadinessStatus.Gap], s[ReadinessStatus.NotApplicable] + s[ReadinessStatus.NotRelevant]),
            ct);
    }
}
