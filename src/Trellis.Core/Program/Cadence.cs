using Trellis.Core.Common;

namespace Trellis.Core.Program;

/// <summary>How often a control operates (and so how often it should leave evidence).</summary>
public enum Cadence
{
    /// <summary>Operates all the time (monitoring, automated enforcement); evidence sampled monthly.</summary>
    Continuous,

    /// <summary>Once a day.</summary>
    Daily,

    /// <summary>Once a week.</summary>
    Weekly,

    /// <summary>Once a month.</summary>
    Monthly,

    /// <summary>Once a quarter.</summary>
    Quarterly,

    /// <summary>Twice a year.</summary>
    SemiAnnual,

    /// <summary>Once a year.</summary>
    Annual,

    /// <summary>When a triggering event happens (a hire, an incident, a change); reviewed at least yearly.</summary>
    OnEvent,
}

/// <summary>Wire names and calendar arithmetic of <see cref="Cadence"/>.</summary>
public static class Cadences
{
    private static readonly WireNames<Cadence> Wire = new(new Dictionary<Cadence, string>
    {
        [Cadence.Continuous] = "continuous",
        [Cadence.Daily] = "daily",
        [Cadence.Weekly] = "weekly",
        [Cadence.Monthly] = "monthly",
        [Cadence.Quarterly] = "quarterly",
        [Cadence.SemiAnnual] = "semi-annual",
        [Cadence.Annual] = "annual",
        [Cadence.OnEvent] = "on-event",
    });

    /// <summary>All wire names.</summary>
    public static IReadOnlyList<string> WireNames => Wire.All;

    /// <summary>Wire name, e.g. <c>semi-annual</c>.</summary>
    public static string ToWire(this Cadence cadence) => Wire[cadence];

    /// <summary>Parses a wire name.</summary>
    public static bool TryParse(string? text, out Cadence cadence) => Wire.TryParse(text, out cadence);

    /// <summary>
    /// The date one cadence period after <paramref name="date"/>, in calendar terms: months are added as
    /// months (31 January + 1 month = 28/29 February), not as 30 days. Continuous controls are sampled
    /// monthly; on-event controls are expected to show an occurrence or a review at least yearly.
    /// </summary>
    public static DateOnly AddPeriod(this Cadence cadence, DateOnly date, int periods = 1) => cadence switch
    {
        Cadence.Daily => date.AddDays(periods),
        Cadence.Weekly => date.AddDays(7 * periods),
        Cadence.Continuous or Cadence.Monthly => date.AddMonths(periods),
        Cadence.Quarterly => date.AddMonths(3 * periods),
        Cadence.SemiAnnual => date.AddMonths(6 * periods),
        Cadence.Annual or Cadence.OnEvent => date.AddYears(periods),
        _ => throw new ArgumentOutOfRangeException(nameof(cadence)),
    };
}
