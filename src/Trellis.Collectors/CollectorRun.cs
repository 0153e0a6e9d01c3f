using Trellis.Collectors.Checks;

namespace Trellis.Collectors;

/// <summary>What a run captured: the bytes as received, with their media type and a file name to store them under.</summary>
/// <param name="FileName">File name of the evidence (<c>backup-status.json</c>, the export's own name).</param>
/// <param name="MediaType">Media type (<c>application/json</c>, <c>text/csv</c>, <c>application/pdf</c>).</param>
/// <param name="Content">The bytes.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of <paramref name="Content"/>.</param>
public sealed record Capture(string FileName, string MediaType, byte[] Content, string Sha256)
{
    /// <summary>When what this capture shows held, when it differs from the run's (folder: the export's last write).</summary>
    public DateTimeOffset? ObservedAt { get; init; }

    /// <summary>A capture whose hash is computed from the bytes.</summary>
    public static Capture Of(string fileName, string mediaType, byte[] content) =>
        new(fileName, mediaType, content, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)));
}

/// <summary>How a run ended.</summary>
public enum RunStatus
{
    /// <summary>The source was observed and every check passed.</summary>
    Passed,

    /// <summary>The source was observed and at least one check failed (each is an exception on the controls).</summary>
    Failed,

    /// <summary>The source could not be observed (unreachable, refused, credentials rejected, malformed answer): no evidence.</summary>
    Error,
}

/// <summary>The one spelling of each <see cref="RunStatus"/>.</summary>
public static class RunStatuses
{
    private static readonly Trellis.Core.Common.WireNames<RunStatus> Wire = new(new Dictionary<RunStatus, string>
    {
        [RunStatus.Passed] = "passed",
        [RunStatus.Failed] = "failed",
        [RunStatus.Error] = "error",
    });

    /// <summary>Every spelling.</summary>
    public static IReadOnlyList<string> WireNames => Wire.All;

    /// <summary>The status's spelling.</summary>
    public static string ToWire(this RunStatus status) => Wire[status];

    /// <summary>Parses a spelling; false when unknown.</summary>
    public static bool TryParse(string? text, out RunStatus status) => Wire.TryParse(text, out status);
}

/// <summary>
/// What one run observed: when the observed state held, what was captured and each check's result — or why the source
/// could not be observed (then nothing was captured and no check ran).
/// </summary>
public sealed record CollectorRun
{
    /// <summary>When the observed state held (the response's arrival, the file's last write): the evidence is effective then.</summary>
    public required DateTimeOffset ObservedAt { get; init; }

    /// <summary>What was captured (json-api: one body; folder: each new or changed export).</summary>
    public IReadOnlyList<Capture> Captures { get; init; } = [];

    /// <summary>Each check's result, in the collector's order.</summary>
    public IReadOnlyList<CheckResult> Checks { get; init; } = [];

    /// <summary>What the run left out and why (folder: a symbolic link, a file too large), one line each.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Why the source could not be observed; null when it was.</summary>
    public string? Failure { get; init; }

    /// <summary>Passed, failed (a check failed) or error (<see cref="Failure"/>).</summary>
    public RunStatus Status => Failure is not null ? RunStatus.Error : Checks.All(c => c.Passed) ? RunStatus.Passed : RunStatus.Failed;

    /// <summary>A run that could not observe its source.</summary>
    public static CollectorRun Failed(DateTimeOffset at, string reason) => new() { ObservedAt = at, Failure = reason };
}

/// <summary>What a run is given besides the definition.</summary>
/// <param name="Secret">The unprotected secret, or null (held only for the run, never logged).</param>
/// <param name="KnownHashes">SHA-256 of what earlier runs captured (folder: a file is collected once per content).</param>
public sealed record RunContext(string? Secret, IReadOnlySet<string> KnownHashes);

/// <summary>A collector: observes its source once.</summary>
public interface ICollector
{
    /// <summary>The kind it runs.</summary>
    CollectorKind Kind { get; }

    /// <summary>
    /// Observes the source of <paramref name="definition"/>. Never throws for an unreachable or misbehaving source: that
    /// is a run with <see cref="CollectorRun.Failure"/>.
    /// </summary>
    Task<CollectorRun> RunAsync(CollectorDefinition definition, RunContext context, CancellationToken ct);
}
