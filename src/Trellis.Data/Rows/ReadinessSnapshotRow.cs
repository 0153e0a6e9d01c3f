namespace Trellis.Data.Rows;

/// <summary>
/// The readiness counts of one framework on one day, kept by the app so the dashboard can draw readiness over time:
/// at most one row per framework and day (the first computation of that day), never updated afterwards.
/// </summary>
public sealed class ReadinessSnapshotRow
{
    /// <summary>Framework ID (with <see cref="Day"/>, the primary key).</summary>
    public string Framework { get; set; } = "";

    /// <summary>The calendar day (UTC) the counts are of.</summary>
    public DateOnly Day { get; set; }

    /// <summary>Requirements covered.</summary>
    public int Covered { get; set; }

    /// <summary>Requirements partially covered.</summary>
    public int Partial { get; set; }

    /// <summary>Requirements with a gap.</summary>
    public int Gap { get; set; }

    /// <summary>Requirements not applicable (out of scope or judged not relevant).</summary>
    public int NotApplicable { get; set; }
}
