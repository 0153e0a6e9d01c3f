namespace Trellis.Web.AuditTrail;

/// <summary>Retention of the audit trail, bound from the <c>AuditTrail</c> configuration section.</summary>
public sealed class AuditTrailOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "AuditTrail";

    /// <summary>
    /// Entries older than this many years are removed (the chain keeps an anchor, so verification still
    /// passes). The default is 3 years; 0 keeps every entry forever.
    /// </summary>
    /// <value>The default is 3 years.</value>
    public int RetentionYears { get; set; } = 3;

    /// <summary>How often retention runs. The default is once a day.</summary>
    /// <value>The default is 24 hours.</value>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(24);
}
