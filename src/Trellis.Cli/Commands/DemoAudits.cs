using Trellis.Data;

namespace Trellis.Cli.Commands;

/// <summary>Saves the demo company's engagements and findings (<see cref="Content.Demo.DemoAudits"/>) in one transaction.</summary>
internal static class DemoAudits
{
    public static async Task<int> SaveAsync(TrellisDatabase database, DateOnly today, CancellationToken ct)
    {
        var set = Content.Demo.DemoAudits.Create(today);
        await new AuditStore(database).AddMissingAsync(set.Engagements, set.Findings, ct).ConfigureAwait(false);
        return set.Engagements.Count;
    }
}
