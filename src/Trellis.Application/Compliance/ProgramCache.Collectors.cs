using Trellis.Collectors;

namespace Trellis.Application.Compliance;

public sealed partial class ProgramCache
{
    private readonly Data.Changes.Stamped<IReadOnlyList<CollectorAlert>> _collectorAlerts = new(store.Database.Changes);

    /// <summary>The collectors' exceptions (issue 19), read again only after a commit (readiness costs no query meanwhile).</summary>
    public ValueTask<IReadOnlyList<CollectorAlert>> CollectorAlertsAsync(CancellationToken ct) =>
        _collectorAlerts.GetAsync(c => Collectors.CollectorDocuments.ExceptionsAsync(store, c), ct);
}
