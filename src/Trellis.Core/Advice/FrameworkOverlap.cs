using Trellis.Core.Common;
using Trellis.Core.Crosswalk;

namespace Trellis.Core.Advice;

/// <summary>
/// What a second framework costs on top of a first: its requirements classified full, partial or gap once
/// the first is implemented (coverage rules 1–3 of docs/crosswalk-rules.md, via <see cref="CoverageAnalysis"/>).
/// </summary>
/// <param name="From">The framework implemented first.</param>
/// <param name="To">The framework pursued second, whose requirements are classified.</param>
/// <param name="FullIds">Requirements of <paramref name="To"/> fully satisfied (equal or superset-of links).</param>
/// <param name="PartialIds">Requirements of <paramref name="To"/> partly addressed; they need more work.</param>
/// <param name="GapIds">Requirements of <paramref name="To"/> nothing in <paramref name="From"/> addresses.</param>
public sealed record FrameworkOverlap(
    string From,
    string To,
    IReadOnlyList<string> FullIds,
    IReadOnlyList<string> PartialIds,
    IReadOnlyList<string> GapIds)
{
    /// <summary>Number of fully satisfied requirements.</summary>
    public int Full => FullIds.Count;

    /// <summary>Number of partly addressed requirements.</summary>
    public int Partial => PartialIds.Count;

    /// <summary>Number of requirements with no coverage.</summary>
    public int Gap => GapIds.Count;

    /// <summary>
    /// Classifies every requirement of <paramref name="to"/> after implementing <paramref name="from"/>.
    /// </summary>
    /// <param name="engine">The crosswalk.</param>
    /// <param name="from">Framework implemented first.</param>
    /// <param name="to">Framework pursued second.</param>
    /// <param name="implemented">Requirement IDs of <paramref name="from"/> actually implemented; null means all of them (the crosswalk view).</param>
    /// <returns>The overlap, or an error naming an unknown framework or requirement.</returns>
    public static Result<FrameworkOverlap> Compute(
        CrosswalkEngine engine, string from, string to, IReadOnlyCollection<string>? implemented = null)
    {
        var coverage = CoverageAnalysis.Compute(engine, to, from, implemented);
        if (!coverage.IsSuccess)
        {
            return coverage.Error!;
        }

        List<string> Ids(CoverageLevel level) => coverage.Value.Where(c => c.Level == level).Select(c => c.Requirement).ToList();
        return new FrameworkOverlap(from, to, Ids(CoverageLevel.Full), Ids(CoverageLevel.Partial), Ids(CoverageLevel.None));
    }
}
