using System.Globalization;
using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;
using Trellis.Exchange.Reports.Writers;

namespace Trellis.Exchange.Reports.Builders;

/// <summary>
/// The crosswalk between two frameworks: every link from <c>from</c> to <c>to</c> — curated, curated links read
/// backwards (inverted), and optionally links inferred through pivot frameworks — with relationship, rationale,
/// strength, origin, the full citation of its source and its justification. Needs no program.
/// </summary>
public static class CrosswalkReport
{
    /// <summary>Builds the report.</summary>
    /// <param name="engine">The crosswalk.</param>
    /// <param name="from">Framework on the left of every link.</param>
    /// <param name="to">Framework on the right.</param>
    /// <param name="includeInferred">Also list links inferred through pivot frameworks (depth ≤ 3), with their path.</param>
    /// <param name="generatedAt">When the report is generated.</param>
    public static ReportDocument Build(CrosswalkEngine engine, Framework from, Framework to, bool includeInferred, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var links = includeInferred ? engine.All(from.Id, to.Id) : engine.Direct(from.Id, to.Id);
        var sets = engine.Catalog.Mappings.Where(m => (m.From == from.Id && m.To == to.Id) || (m.From == to.Id && m.To == from.Id)).ToList();
        var citations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, text) in sets.SelectMany(s => s.Sources))
        {
            citations.TryAdd(key, text);
        }

        var columns = new List<ReportColumn>
        {
            new("source", "Source", 0.7),
            new("sourceTitle", "Source title", 1.5),
            new("target", "Target", 0.7),
            new("targetTitle", "Target title", 1.5),
            new("relationship", "Relationship", 0.9),
            new("rationale", "Rationale", 0.8),
            new("strength", "Strength", 0.6, ColumnAlignment.Right),
            new("origin", "Origin", 0.7),
            new("citation", "Source citation", 1.7),
            new("justification", "Justification", 2.6),
        };
        if (includeInferred)
        {
            columns.Add(new("path", "Path", 1.6));
        }

        var rows = links.Select(l =>
        {
            var cells = new List<string>
            {
                l.From.Requirement,
                from.Find(l.From.Requirement)?.Title ?? "",
                l.To?.Requirement ?? "",
                l.To is { } t ? to.Find(t.Requirement)?.Title ?? "" : "(nothing corresponds)",
                (l.NeedsReview ? "review: " : "") + l.Relationship.ToWire(),
                l.Rationale.ToWire(),
                l.Strength.ToString(CultureInfo.InvariantCulture),
                l.Origin.ToWire(),
                citations.GetValueOrDefault(l.Source, l.Source),
                l.Justification,
            };
            if (includeInferred)
            {
                cells.Add(l.PathText);
            }

            return (IReadOnlyList<string>)cells;
        }).ToList();

        var counts = links.GroupBy(l => l.Relationship).OrderBy(g => g.Key).Select(g => $"{g.Key.ToWire()} {g.Count()}");
        var origins = links.GroupBy(l => l.Origin).OrderBy(g => g.Key).Select(g => $"{g.Key.ToWire()} {g.Count()}");
        return new ReportDocument
        {
            Kind = ReportKind.Crosswalk.ToWire(),
            Title = "Crosswalk",
            Subtitle = $"{from.Name} → {to.Name}",
            GeneratedAt = generatedAt,
            Metadata =
            [
                new("From", $"{from.Name} ({from.Id})"),
                new("To", $"{to.Name} ({to.Id})"),
                new("Links", ReportText.Number(links.Count)),
                new("Relationships", ProgramFacts.List(counts)),
                new("Origins", ProgramFacts.List(origins)),
                new("Mapping files", sets.Count == 0 ? "none (inferred links only)" : ProgramFacts.List(sets.Select(s => $"{s.Id} revision {s.Revision.ToString(CultureInfo.InvariantCulture)}"))),
                new("Inferred links", includeInferred ? "included (marked with their path)" : "not included"),
            ],
            Sections =
            [
                new ReportSection("Links", new ReportTable(columns, rows))
                {
                    Paragraph = "\"Source relationship Target\" compares what the two requirements ask for (NIST IR 8477): equal, subset-of, "
                        + "superset-of, intersects-with or no-relationship. Inverted links are curated links read from the other side.",
                },
            ],
        };
    }
}
