using System.Globalization;
using Trellis.Core.Crosswalk;
using Trellis.Core.Evidence;
using Trellis.Core.Frameworks;
using Trellis.Core.Program;

namespace Trellis.Bench.Workloads;

/// <summary>
/// A large program generated from a fixed seed, with every date relative to a fixed day, so two runs (and two
/// machines) judge the same program. Controls map to leaf requirements of the four shipped frameworks; evidence
/// is spread over the 12 months before <c>today</c>, and about a quarter of the controls stopped producing
/// evidence weeks or months ago, so monthly and quarterly ones among them are stale.
/// </summary>
internal static class SyntheticProgram
{
    /// <summary>The shipped frameworks a program of this size is judged against.</summary>
    public static readonly string[] Frameworks = ["iso27001-2022", "iso27001-2013", "soc2-2017", "nist-csf-2.0"];

    private const int Seed = 20261127;

    private static readonly Cadence[] Cadences =
    [
        Cadence.Monthly, Cadence.Monthly, Cadence.Monthly, Cadence.Quarterly, Cadence.Quarterly, Cadence.Quarterly,
        Cadence.Annual, Cadence.Annual, Cadence.Continuous, Cadence.Weekly, Cadence.SemiAnnual,
    ];

    private static readonly Relationship[] Relationships =
    [
        Relationship.Equal, Relationship.Equal, Relationship.Equal, Relationship.SubsetOf, Relationship.SubsetOf,
        Relationship.SubsetOf, Relationship.SupersetOf, Relationship.IntersectsWith, Relationship.IntersectsWith,
    ];

    /// <summary>Builds the program.</summary>
    /// <param name="catalog">The shipped catalog (requirement IDs are taken from it).</param>
    /// <param name="controls">Number of controls.</param>
    /// <param name="evidence">Number of evidence items (links, one or two versions each).</param>
    /// <param name="today">The day the program is judged on.</param>
    public static ComplianceProgram Build(FrameworkCatalog catalog, int controls, int evidence, DateOnly today)
    {
        var random = new Random(Seed);
        var leaves = Frameworks.Select(id => Leaves(catalog.Framework(id).Value)).ToArray();
        var lag = new int[controls];
        var list = new List<Control>(controls);
        for (var i = 0; i < controls; i++)
        {
            // A quarter of the controls last produced evidence 30–300 days ago.
            lag[i] = random.Next(4) == 0 ? 30 + random.Next(271) : random.Next(15);
            var roll = random.Next(100);
            var mappings = new List<ControlMapping>();
            var seen = new HashSet<RequirementRef>();
            for (var m = 1 + random.Next(4); m > 0; m--)
            {
                var f = random.Next(Frameworks.Length);
                var target = new RequirementRef(Frameworks[f], leaves[f][random.Next(leaves[f].Length)]);
                if (seen.Add(target))
                {
                    mappings.Add(new ControlMapping(target, Relationships[random.Next(Relationships.Length)]));
                }
            }

            list.Add(new Control
            {
                Id = ControlId(i),
                Title = $"Synthetic control {i}",
                Owner = $"owner{i % 40}@bench.example",
                Cadence = Cadences[random.Next(Cadences.Length)],
                Status = roll < 85 ? ImplementationStatus.Implemented
                    : roll < 93 ? ImplementationStatus.InProgress
                    : roll < 98 ? ImplementationStatus.Planned
                    : ImplementationStatus.NotApplicable,
                Mappings = mappings,
            });
        }

        var items = new List<EvidenceItem>(evidence);
        for (var i = 0; i < evidence; i++)
        {
            var control = i % controls;
            var id = string.Create(CultureInfo.InvariantCulture, $"EV-{i:D7}");
            var end = today.AddDays(-(lag[control] + random.Next(Math.Max(1, 366 - lag[control]))));
            var period = random.Next(3) == 0 ? 28 : 0;
            var versions = new List<EvidenceVersion>();
            if (random.Next(5) == 0)
            {
                versions.Add(Version(id, 1, end.AddDays(-91), 0));
            }

            versions.Add(Version(id, versions.Count + 1, end.AddDays(-period), period));
            items.Add(new EvidenceItem
            {
                Id = id,
                Title = $"Evidence {i} for {ControlId(control)}",
                Source = "synthetic",
                ControlIds = random.Next(20) == 0 && controls > 1
                    ? [ControlId(control), ControlId((control + 1 + random.Next(controls - 1)) % controls)]
                    : [ControlId(control)],
                Versions = versions,
            });
        }

        var annexA = catalog.Framework("iso27001-2022").Value.Requirements
            .Where(r => r.Kind == RequirementKind.Control).Select(r => r.Id).ToList();
        return new ComplianceProgram
        {
            Organization = "Bench Scale Co",
            Controls = list,
            Evidence = items,
            Soa = [.. annexA.Select((a, i) => i % 20 == 7
                ? new SoaDecision { Control = a, Applicable = false, Justification = "No such activity in scope (synthetic exclusion)." }
                : new SoaDecision { Control = a, Applicable = true, Justification = "Treats identified risks.", Reasons = [InclusionReason.Risk] })],
            SoaApproval = new SoaApproval("v1", "ciso@bench.example", today.AddMonths(-1)),
        };
    }

    private static string ControlId(int i) => string.Create(CultureInfo.InvariantCulture, $"CTL-{i:D5}");

    /// <summary>A link version whose effective period ends <paramref name="period"/> days after it starts.</summary>
    private static EvidenceVersion Version(string id, int number, DateOnly from, int period) => new()
    {
        Number = number,
        Url = $"https://evidence.bench.example/{id}/v{number}",
        CollectedAt = new DateTimeOffset(from.AddDays(period + 1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero),
        EffectiveFrom = from,
        EffectiveTo = period > 0 ? from.AddDays(period) : null,
    };

    /// <summary>Requirements nothing else names as its parent (Annex A controls, criteria, NIST subcategories), not withdrawn.</summary>
    private static string[] Leaves(Framework fw)
    {
        var parents = fw.Requirements.Where(r => r.Parent is not null).Select(r => r.Parent!).ToHashSet(StringComparer.Ordinal);
        return [.. fw.Requirements.Where(r => !r.Withdrawn && !parents.Contains(r.Id)).Select(r => r.Id)];
    }
}
