using Trellis.Core.Crosswalk;
using Trellis.Exchange.Json;

namespace Trellis.Exchange.Oscal;

/// <summary>Settings of <see cref="OscalMappingImport"/>.</summary>
public sealed record MappingImportOptions
{
    /// <summary>
    /// The framework of every mapping's <c>source-resource</c> (<c>--source</c>). When set it wins over what the
    /// document's href names. The default is null: the framework is found from the href.
    /// </summary>
    public string? SourceFramework { get; init; }

    /// <summary>The framework of every mapping's <c>target-resource</c> (<c>--target</c>); as <see cref="SourceFramework"/>.</summary>
    public string? TargetFramework { get; init; }

    /// <summary>
    /// The strength (1–10) of a link whose map has neither a Trellis <c>strength</c> prop nor a
    /// <c>confidence-score.percentage</c>, and of a gap read from <c>source-gap-summary</c>. The default is 5, the
    /// middle of the scale.
    /// </summary>
    public int DefaultStrength { get; init; } = 5;

    /// <summary>
    /// When true, a map or gap naming a control that is not in its framework is listed as ignored instead of rejecting
    /// the document (<c>--skip-missing</c>): for a baseline imported through a profile, which holds only part of the
    /// catalog the mapping was written for. The default is false: an unknown ID usually means the wrong framework was
    /// named, and the whole import is refused.
    /// </summary>
    public bool SkipMissing { get; init; }

    /// <summary>Size and depth limits of the input; <see cref="JsonLimits.Default"/> when null.</summary>
    public JsonLimits? Limits { get; init; }
}

/// <summary>Something in the document that was read but not turned into a link, and why.</summary>
/// <param name="Path">Its JSONPath, e.g. <c>$.mapping-collection.mappings[0].maps[3]</c>.</param>
/// <param name="Reason">One line saying why Trellis keeps no link for it.</param>
public sealed record IgnoredEntry(string Path, string Reason);

/// <summary>An OSCAL mapping-collection read as a Trellis mapping set.</summary>
/// <param name="SourceFramework">The framework on the left of every link.</param>
/// <param name="TargetFramework">The framework on the right of every link.</param>
/// <param name="Mappings">The links, in document order: maps first, then the gaps of <c>source-gap-summary</c>
/// (no-relationship links without a target). Every link is <see cref="LinkOrigin.Curated"/>: it is a judgement made
/// by the document's author.</param>
/// <param name="Ignored">Maps and summaries that gave no link, in document order.</param>
public sealed record MappingImport(string SourceFramework, string TargetFramework, MappingSet Mappings, IReadOnlyList<IgnoredEntry> Ignored);
