using Trellis.Core.Frameworks;

namespace Trellis.Core.Readiness;

/// <summary>Rule 7 (docs/crosswalk-rules.md): how a requirement with children is judged from them.</summary>
public static partial class ReadinessAnalysis
{
    /// <summary>How many missing children a reason names before it says "and N more".</summary>
    private const int NamedMissing = 6;

    /// <summary>
    /// Composes every requirement with its children: covered when an operating control fully meets it (then every part
    /// of it is met too: a child is within its parent) or when every applicable child is covered; gap when neither it nor
    /// any child is addressed; partial otherwise. Points of focus are nested in their criterion rather than listed.
    /// </summary>
    private static List<RequirementReadiness> Compose(Framework fw, Dictionary<string, RequirementReadiness> own)
    {
        var children = fw.AllRequirements.Where(r => r.Parent is not null).ToLookup(r => r.Parent!, StringComparer.Ordinal);
        var done = new Dictionary<string, RequirementReadiness>(StringComparer.Ordinal);

        RequirementReadiness Resolve(Requirement req, RequirementReadiness? coveringAncestor)
        {
            var mine = own[req.Id];
            if (!mine.Status.IsOutOfScope() && mine.Status != ReadinessStatus.Covered && coveringAncestor is not null)
            {
                mine = mine with
                {
                    Status = ReadinessStatus.Covered,
                    Controls = Union(mine.Controls, coveringAncestor.Controls),
                    Evidence = Union(mine.Evidence, coveringAncestor.Evidence),
                    Reasons = [$"met as part of {coveringAncestor.Id}, which is covered", .. mine.Reasons.Where(r => !r.StartsWith("no control maps", StringComparison.Ordinal))],
                    Closers = [],
                };
            }

            var ownFull = mine.Status == ReadinessStatus.Covered;
            var kids = children[req.Id].Select(k => Resolve(k, ownFull ? mine : coveringAncestor)).ToList();
            var applicable = kids.Where(k => !k.Status.IsOutOfScope()).ToList();
            if (applicable.Count > 0 && !mine.Status.IsOutOfScope())
            {
                mine = WithChildren(req, mine, applicable, children[req.Id].First().Kind);
            }

            var points = kids.Where(k => fw.Find(k.Id)!.Kind == RequirementKind.PointOfFocus).ToList();
            mine = points.Count > 0 ? mine with { PointsOfFocus = points } : mine;
            done[req.Id] = mine;
            return mine;
        }

        foreach (var root in fw.AllRequirements.Where(r => r.Parent is null))
        {
            Resolve(root, null);
        }

        return [.. fw.Requirements.Select(r => done[r.Id])];
    }

    private static RequirementReadiness WithChildren(Requirement req, RequirementReadiness mine, List<RequirementReadiness> kids, RequirementKind kind)
    {
        var covered = kids.Count(k => k.Status == ReadinessStatus.Covered);
        var addressed = kids.Count(k => k.Status != ReadinessStatus.Gap);
        var ownFull = mine.Status == ReadinessStatus.Covered;
        var ownSome = mine.Controls.Count > 0 && mine.Status == ReadinessStatus.Partial;
        var status = ownFull || covered == kids.Count ? ReadinessStatus.Covered
            : ownSome || addressed > 0 ? ReadinessStatus.Partial
            : ReadinessStatus.Gap;
        var noun = kind switch
        {
            RequirementKind.PointOfFocus => "points of focus",
            RequirementKind.Subcategory => "subcategories",
            RequirementKind.Category => "categories",
            RequirementKind.Enhancement => "enhancements",
            _ => "sub-requirements",
        };
        var missing = kids.Where(k => k.Status != ReadinessStatus.Covered).Select(k => k.Id).ToList();
        var summary = $"{covered} of {kids.Count} {noun} covered"
            + (missing.Count == 0 || ownFull ? "" : $"; not yet: {string.Join(", ", missing.Take(NamedMissing))}{(missing.Count > NamedMissing ? $" and {missing.Count - NamedMissing} more" : "")}");
        // "No control maps" is said only when nothing reaches the requirement or any of its parts.
        var ownReasons = mine.Reasons.Where(r => addressed == 0 || !r.StartsWith("no control maps", StringComparison.Ordinal));
        var closers = status == ReadinessStatus.Covered ? []
            : mine.Closers.Where(c => !c.StartsWith("add or map a control that meets", StringComparison.Ordinal) || addressed == 0)
                .Concat(missing.Take(NamedMissing).Select(id => $"meet {id}"))
                .Distinct(StringComparer.Ordinal).ToList();
        return mine with
        {
            Status = status,
            Controls = Union(mine.Controls, kids.SelectMany(k => k.Controls)),
            Evidence = Union(mine.Evidence, kids.SelectMany(k => k.Evidence)),
            Reasons = [summary, .. ownReasons],
            Closers = closers,
        };
    }

    private static List<string> Union(IEnumerable<string> a, IEnumerable<string> b) =>
        [.. a.Concat(b).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
