using Trellis.Core.Common;
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

/// <summary>Wire names of <see cref="FreshnessState"/>.</summary>
public static class FreshnessStates
{
    private static readonly WireNames<FreshnessState> Wire = new(new Dictionary<FreshnessState, string>
    {
        [FreshnessState.Fresh] = "fresh",
        [FreshnessState.Stale] = "stale",
        [FreshnessState.Missing] = "missing",
    });

    /// <summary>Wire name: <c>fresh</c>, <c>stale</c> or <c>missing</c>.</summary>
    public static string ToWire(this FreshnessState state) => Wire[state];

    /// <summary>Parses a wire name; false when unknown.</summary>
    public static bool TryParse(string? text, out FreshnessState state) => Wire.TryParse(text, out state);
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

    /// <summary>
    /// The first day <see cref="Judge"/> says stale for evidence effective until <paramref name="latestEffectiveEnd"/>
    /// (one cadence period plus grace plus one day later); null when there is no evidence (missing, not stale).
    /// </summary>
    public DateOnly? StaleFrom(Cadence cadence, DateOnly? latestEffectiveEnd) =>
        latestEffectiveEnd is { } d ? cadence.AddPeriod(d).AddDays(GraceDays + 1) : null;
}
