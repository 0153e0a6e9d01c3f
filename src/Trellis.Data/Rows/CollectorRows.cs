namespace Trellis.Data.Rows;

/// <summary>
/// A collector's configuration (issue 19). The definition (URL, method, checks, folder, …) is a JSON document the
/// application layer reads; the secret is stored only as the Data Protection payload, never in clear. Instants are
/// Unix milliseconds (UTC).
/// </summary>
public sealed class CollectorRow
{
    /// <summary>Unique name; the primary key.</summary>
    public string Name { get; set; } = "";

    /// <summary><c>json-api</c>, <c>folder</c>, <c>github</c>, <c>identity</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>Cron expression, or null (on demand only).</summary>
    public string? Schedule { get; set; }

    /// <summary>The definition as JSON (no secret).</summary>
    public string DefinitionJson { get; set; } = "{}";

    /// <summary>The secret protected with the Data Protection key ring, or null.</summary>
    public string? ProtectedSecret { get; set; }

    /// <summary>When it was added (Unix ms).</summary>
    public long CreatedAt { get; set; }
}

/// <summary>One run of a collector: when, how it ended and why, what it stored.</summary>
public sealed class CollectorRunRow
{
    /// <summary>Run ID (<c>RUN-</c> and 12 hex digits); the primary key.</summary>
    public string Id { get; set; } = "";

    /// <summary>The collector's name.</summary>
    public string Collector { get; set; } = "";

    /// <summary>Started (Unix ms).</summary>
    public long StartedAt { get; set; }

    /// <summary>Finished (Unix ms).</summary>
    public long FinishedAt { get; set; }

    /// <summary>When the observed state held (Unix ms).</summary>
    public long ObservedAt { get; set; }

    /// <summary><c>passed</c>, <c>failed</c> or <c>error</c>.</summary>
    public string Status { get; set; } = "";

    /// <summary>Why the source could not be observed, or null.</summary>
    public string? Reason { get; set; }

    /// <summary>The source as the run saw it (method and URL, or the folder).</summary>
    public string Source { get; set; } = "";

    /// <summary>The evidence IDs the run stored, as a JSON array.</summary>
    public string EvidenceJson { get; set; } = "[]";

    /// <summary>The SHA-256 of each capture, as a JSON array (a folder's file is collected once per content).</summary>
    public string CapturesJson { get; set; } = "[]";
}

/// <summary>One check's result on one run.</summary>
public sealed class CollectorCheckResultRow
{
    /// <summary>The run; with <see cref="Ordinal"/> the primary key.</summary>
    public string RunId { get; set; } = "";

    /// <summary>Position among the run's checks.</summary>
    public int Ordinal { get; set; }

    /// <summary>The check's ID (<c>check-1</c>, …).</summary>
    public string CheckId { get; set; } = "";

    /// <summary>The check as written.</summary>
    public string Text { get; set; } = "";

    /// <summary>True when it passed.</summary>
    public bool Passed { get; set; }

    /// <summary>What was found.</summary>
    public string Detail { get; set; } = "";
}
