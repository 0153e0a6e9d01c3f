using Trellis.Core.Frameworks;

namespace Trellis.Core.Advice;

/// <summary>One dimension of a side-by-side comparison.</summary>
/// <param name="Dimension">The metadata field compared, camelCase as in content files (e.g. <c>assuranceModel</c>).</param>
/// <param name="Left">The left framework's value.</param>
/// <param name="Right">The right framework's value.</param>
public sealed record ComparisonRow(string Dimension, string Left, string Right);

/// <summary>
/// Compares two frameworks from their <see cref="FrameworkMetadata"/>: the guide's "Overview" and
/// "Key Differences" tables as structured data, for any pair in the catalog.
/// </summary>
public static class FrameworkComparison
{
    /// <summary>The dimensions in display order, with how each is read from the metadata.</summary>
    private static readonly (string Dimension, Func<FrameworkMetadata, string> Value)[] Dimensions =
    [
        ("issuer", m => m.Issuer),
        ("assuranceModel", m => m.AssuranceModel),
        ("authority", m => m.Authority),
        ("scopeModel", m => m.ScopeModel),
        ("controlSelection", m => m.ControlSelection),
        ("reportTypes", m => string.Join("; ", m.ReportTypes)),
        ("cycle", m => m.Cycle),
        ("levelOfDetail", m => m.LevelOfDetail),
        ("disclosure", m => m.Disclosure),
        ("primaryFocus", m => m.PrimaryFocus),
        ("applicability", m => m.Applicability),
    ];

    /// <summary>The dimension names in display order.</summary>
    public static IReadOnlyList<string> DimensionNames { get; } = Dimensions.Select(d => d.Dimension).ToArray();

    /// <summary>One row per metadata dimension; list values (report types) are joined with <c>"; "</c>.</summary>
    public static IReadOnlyList<ComparisonRow> Compare(Framework left, Framework right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return Dimensions.Select(d => new ComparisonRow(d.Dimension, d.Value(left.Metadata), d.Value(right.Metadata))).ToList();
    }
}
