using Trellis.Data;

namespace Trellis.Cli.Commands;

/// <summary>Saves the demo company's engagements and findings (<see cref="Content.Demo.DemoAudits"/>).</summary>
internal static class DemoAudits
{
    public static async Task<int> SaveAsync(TrellisDatabase database, DateOnly today, CancellationToken ct)
    {
        var set = Content.Demo.DemoAudits.Create(today);
        var store = new AuditStore(database);
        foreach (var e in set.Engagements)
        {
            CliContext.Require(await store.SaveEngagementAsync(e, cancellationToken: ct).ConfigureAwait(false));
        }

        foreach (var f in set.Findings)
        {
            CliContext.Require(await store.SaveFindingAsync(f, cancellationToken: ct).ConfigureAwait(false));
        }

        return set.Engagements.Count;
    }
}
