namespace Trellis.Application.Collectors;

/// <summary>A collector as entered (CLI <c>trellis collectors add</c>, later the admin pages).</summary>
public sealed record NewCollector
{
    /// <summary>Kind: <c>json-api</c>, <c>folder</c> (<c>github</c>, <c>identity</c> not yet available).</summary>
    public required string Kind { get; init; }

    /// <summary>Unique name.</summary>
    public required string Name { get; init; }

    /// <summary>Controls fed.</summary>
    public required IReadOnlyList<string> Controls { get; init; }

    /// <summary>json-api: the URL.</summary>
    public string? Url { get; init; }

    /// <summary>json-api: the method (GET when null).</summary>
    public string? Method { get; init; }

    /// <summary>json-api: the header carrying the secret (Authorization when null).</summary>
    public string? SecretHeader { get; init; }

    /// <summary>Where the secret came from (an environment variable's name), kept for people.</summary>
    public string? SecretReference { get; init; }

    /// <summary>The secret in clear (protected before it is stored; never stored, shown or logged in clear).</summary>
    public string? Secret { get; init; }

    /// <summary>Checks, <c>JSON-POINTER OP VALUE</c>.</summary>
    public IReadOnlyList<string> Checks { get; init; } = [];

    /// <summary>Cron schedule (five fields, UTC), or null.</summary>
    public string? Schedule { get; init; }

    /// <summary>Allow private, loopback and link-local targets.</summary>
    public bool AllowPrivateNetwork { get; init; }

    /// <summary>folder: the folder watched.</summary>
    public string? Path { get; init; }
}

/// <summary>A collector in a list.</summary>
/// <param name="Name">Name.</param>
/// <param name="Kind">Kind's wire name.</param>
/// <param name="Schedule">Cron schedule, or null.</param>
/// <param name="LastRun">When the last run started, or null.</param>
/// <param name="Status">The last run's status (<c>passed</c>, <c>failed</c>, <c>error</c>), or null.</param>
/// <param name="Controls">Controls fed.</param>
/// <param name="Source">What it observes (method and URL, or the folder).</param>
/// <param name="HasSecret">True when a secret is stored (never the secret).</param>
public sealed record CollectorSummary(string Name, string Kind, string? Schedule, DateTimeOffset? LastRun, string? Status, IReadOnlyList<string> Controls, string Source, bool HasSecret);

/// <summary>What a collect did.</summary>
/// <param name="Run">The run's ID (<c>RUN-…</c>; not stored on a dry run).</param>
/// <param name="Collector">The collector.</param>
/// <param name="Status"><c>passed</c>, <c>failed</c> or <c>error</c>.</param>
/// <param name="Reason">Why the source could not be observed, or null.</param>
/// <param name="ObservedAt">When the observed state held.</param>
/// <param name="Evidence">The evidence IDs stored (none on a dry run or an error).</param>
/// <param name="Checks">Each check's result.</param>
/// <param name="Notes">What the run left out and why.</param>
/// <param name="DryRun">True when nothing was written.</param>
public sealed record CollectOutcome(
    string Run, string Collector, string Status, string? Reason, DateTimeOffset ObservedAt, IReadOnlyList<string> Evidence,
    IReadOnlyList<Trellis.Collectors.Checks.CheckResult> Checks, IReadOnlyList<string> Notes, bool DryRun);
