using Trellis.Core.Program;

namespace Trellis.Core.Evidence;

/// <summary>Whether evidence still speaks for a control today.</summary>
public enum FreshnessState
{
    /// <summary>Within one cadence period (plus grace) of today.</summary>
    Fresh,

    /// <summary>Older than one cadence period plus grace.</summary>
    Stale,

    /// <summary>No evidence at all.</summary>
    Missing,
}

/// <summary>How freshness is judged.</summary>
public sealed record FreshnessPolicy
{
    /// <summary>Days allowed beyond one cadence period before evidence is stale. The default is 14 days.</summary>
    public int GraceDays { get; init; } = 14;

    /// <summary>
    /// Fresh when the evidence's effective end plus one cadence period plus grace is on or after
    /// <paramref name="today"/>; stale otherwise; missing when there is no evidence.
    /// </summary>
    public FreshnessState Judge(Cadence cadence, DateOnly? latestEffectiveEnd, DateOnly today)
    {
        if (latestEffectiveEnd is null)
        {
            return FreshnessState.Missing;
        }

        return cadence.AddPeriod(latestEffectiveEnd.Value).AddDays(GraceDays) >= today ? FreshnessState.Fresh : FreshnessState.Stale;
    }
}
