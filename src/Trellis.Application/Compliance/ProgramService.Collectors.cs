using Trellis.Collectors;

namespace Trellis.Application.Compliance;

public sealed partial class ProgramService
{
    /// <summary>
    /// The exceptions collectors raise today (issue 19): each check failing on a collector's latest observation, and
    /// each source not observed, named on the collector's controls.
    /// </summary>
    public async Task<IReadOnlyList<CollectorAlert>> CollectorAlertsAsync(CancellationToken ct) => await cache.CollectorAlertsAsync(ct);
}
