namespace Trellis.Core.Evidence;

/// <summary>
/// One version of a piece of evidence: a stored file (content-addressed by SHA-256) or a link, with the
/// date or period it shows the control operating — not the upload date.
/// </summary>
public sealed record EvidenceVersion
{
    /// <summary>Version number, from 1.</summary>
    public required int Number { get; init; }

    /// <summary>Lowercase hex SHA-256 of the file's bytes; null for a link.</summary>
    public string? Sha256 { get; init; }

    /// <summary>Original file name (sanitized); null for a link.</summary>
    public string? FileName { get; init; }

    /// <summary>File size in bytes; 0 for a link.</summary>
    public long Size { get; init; }

    /// <summary>Media type of the file, e.g. <c>application/pdf</c>.</summary>
    public string? MediaType { get; init; }

    /// <summary>URL for link evidence; null for a file.</summary>
    public string? Url { get; init; }

    /// <summary>When it was collected (an instant, UTC).</summary>
    public required DateTimeOffset CollectedAt { get; init; }

    /// <summary>The day the evidence shows, or the first day of the period it covers.</summary>
    public required DateOnly EffectiveFrom { get; init; }

    /// <summary>Last day of the period covered; null when it shows a single day.</summary>
    public DateOnly? EffectiveTo { get; init; }

    /// <summary>The last day the evidence speaks for.</summary>
    public DateOnly EffectiveEnd => EffectiveTo ?? EffectiveFrom;

    /// <summary>True when this version is a file rather than a link.</summary>
    public bool IsFile => Sha256 is not null;
}

/// <summary>A piece of evidence and its versions, linked to the controls it supports.</summary>
public sealed record EvidenceItem
{
    /// <summary>Evidence ID, unique in the program, e.g. <c>EV-0001</c>.</summary>
    public required string Id { get; init; }

    /// <summary>What it is.</summary>
    public required string Title { get; init; }

    /// <summary>Where it came from (system, report, person).</summary>
    public string Source { get; init; } = "";

    /// <summary>Controls it supports.</summary>
    public IReadOnlyList<string> ControlIds { get; init; } = [];

    /// <summary>Versions, oldest first; never empty.</summary>
    public required IReadOnlyList<EvidenceVersion> Versions { get; init; }

    /// <summary>The newest version.</summary>
    public EvidenceVersion Current => Versions[^1];
}
