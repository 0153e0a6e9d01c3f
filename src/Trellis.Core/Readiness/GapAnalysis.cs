using Trellis.Core.Crosswalk;
using Trellis.Core.Evidence;
using Trellis.Core.Program;

namespace Trellis.Core.Readiness;

/// <summary>A point of focus not yet covered, and what would meet it.</summary>
/// <param name="Id">Point-of-focus ID, e.g. <c>CC3.3-POF2</c>.</param>
/// <param name="Title">Its heading.</param>
/// <param name="Status">Partial or gap.</param>
/// <param name="SuggestedRequirements">Requirements of the credited framework (or of any framework the program maps to)
/// that the crosswalk links to it, those that would fully meet it first: <c>framework:id</c>.</param>
/// <param name="SuggestedControls">The program's controls already mapped to those requirements.</param>
/// <param name="FreshControls">Those of <paramref name="SuggestedControls"/> that are implemented with fresh evidence.</param>
/// <param name="Note">Why no requirement of the other framework asks for it, when the crosswalk records that (a reviewed gap).</param>
public sealed record MissingPointOfFocus(
    string Id,
    string Title,
    ReadinessStatus Status,
    IReadOnlyList<string> SuggestedRequirements,
    IReadOnlyList<string> SuggestedControls,
    IReadOnlyList<string> FreshControls,
    string? Note);

/// <summary>A requirement that is not covered, why, and what is missing.</summary>
/// <param name="Requirement">Its readiness (status, reasons, closers).</param>
/// <param name="MissingPointsOfFocus">For a SOC 2 criterion, each point of focus not covered (and not judged irrelevant).</param>
public sealed record RequirementGap(RequirementReadiness Requirement, IReadOnlyList<MissingPointOfFocus> MissingPointsOfFocus);

/// <summary>
/// Gaps you can act on (issue 13, item 6): for each requirement a report does not find covered, the points of focus
/// still missing and, for each, the requirements the crosswalk says would meet it and the program's controls already
/// mapped to those.
/// </summary>
public static class GapAnalysis
{
    /// <summary>The gaps of <paramref name="report"/>, in the report's order.</summary>
    public static IReadOnlyList<RequirementGap> Compute(ReadinessReport report, ComplianceProgram program, CrosswalkEngine engine, DateOnly today, FreshnessPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(engine);
        var states = ControlState.Index(program, today, policy ?? new FreshnessPolicy());
        var sources = report.CreditedFrom is { } from
            ? [from]
            : program.Controls.SelectMany(c => c.Mappings).Select(m => m.Requirement.Framework).Where(f => f != report.Framework).Distinct(StringComparer.Ordinal).ToList();
        var links = sources
            .SelectMany(s => engine.Direct(s, report.Framework))
            .ToList();
        var towards = links.Where(l => l.To is not null && l.Relationship != Relationship.NoRelationship)
            .ToLookup(l => l.To!.Value.Requirement, StringComparer.Ordinal);
        // Reviewed gaps are written from the point of focus's side (no-relationship, no target).
        var notes = sources.SelectMany(s => engine.Direct(report.Framework, s))
            .Where(l => l.To is null && l.Relationship == Relationship.NoRelationship)
            .GroupBy(l => l.From.Requirement, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Justification, StringComparer.Ordinal);
        var mappedTo = program.Controls
            .SelectMany(c => c.Mappings.Select(m => (m.Requirement, Control: c.Id)))
            .ToLookup(x => x.Requirement, x => x.Control);

        return [.. report.Requirements
            .Where(r => r.Status is ReadinessStatus.Partial or ReadinessStatus.Gap)
            .Select(r => new RequirementGap(r, [.. r.PointsOfFocus
                .Where(p => p.Status is ReadinessStatus.Partial or ReadinessStatus.Gap)
                .Select(p => Missing(p, towards[p.Id], notes.GetValueOrDefault(p.Id), mappedTo, states))]))];
    }

    private static MissingPointOfFocus Missing(
        RequirementReadiness point,
        IEnumerable<MappingLink> towards,
        string? note,
        ILookup<RequirementRef, string> mappedTo,
        IReadOnlyDictionary<string, ControlState> states)
    {
        var requirements = towards
            .OrderBy(l => l.Relationship.Satisfies() ? 0 : 1).ThenByDescending(l => l.Strength)
            .Select(l => l.From)
            .Distinct()
            .ToList();
        var controls = requirements.SelectMany(r => mappedTo[r]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new MissingPointOfFocus(
            point.Id,
            point.Title,
            point.Status,
            [.. requirements.Select(r => r.ToString())],
            controls,
            [.. controls.Where(c => states.TryGetValue(c, out var s) && s.Operating)],
            note);
    }
}
