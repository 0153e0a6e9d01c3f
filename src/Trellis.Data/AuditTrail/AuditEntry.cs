namespace Trellis.Data.AuditTrail;

/// <summary>
/// One entry of the hash-chained audit trail: who did what to which resource, when, and the change as
/// canonical JSON. <see cref="Hash"/> = SHA-256(<see cref="PreviousHash"/> + canonical form of the entry).
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Position in the chain, from 1, without gaps.</summary>
    public long Sequence { get; set; }

    /// <summary>When (UTC, millisecond precision so every provider stores it exactly).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>Who: the account's e-mail, or <c>system</c>.</summary>
    public string Actor { get; set; } = "";

    /// <summary>What, verb-noun (e.g. <c>control.update</c>).</summary>
    public string Action { get; set; } = "";

    /// <summary>Which resource (e.g. <c>control/AC-01</c>).</summary>
    public string Resource { get; set; } = "";

    /// <summary>The change as canonical JSON (sorted keys, no insignificant whitespace).</summary>
    public string Change { get; set; } = "{}";

    /// <summary>Hash of the previous entry (64 zeros for the first entry ever written).</summary>
    public string PreviousHash { get; set; } = "";

    /// <summary>Lowercase hex SHA-256 of <see cref="PreviousHash"/> followed by the canonical form.</summary>
    public string Hash { get; set; } = "";
}

/// <summary>
/// Where the retained chain starts after retention removed older entries: the sequence and hash of the last
/// removed entry, so verification can tell expiry from tampering.
/// </summary>
public sealed class AuditAnchor
{
    /// <summary>Always 1: there is one anchor.</summary>
    public int Id { get; set; } = 1;

    /// <summary>Sequence of the last entry removed by retention (0 when none).</summary>
    public long Sequence { get; set; }

    /// <summary>Hash of that entry.</summary>
    public string Hash { get; set; } = "";
}
