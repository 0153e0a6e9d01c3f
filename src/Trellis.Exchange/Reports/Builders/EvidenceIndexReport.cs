using Trellis.Core.Program;
using Trellis.Exchange.Reports.Writers;

namespace Trellis.Exchange.Reports.Builders;

/// <summary>
/// The evidence index of an observation window: every evidence version whose effective period overlaps the window
/// (effective from ≤ window end and effective end ≥ window start), with its file name or link, full SHA-256, size,
/// effective dates, collection time and controls. Without a window, every version is listed.
/// </summary>
public static class EvidenceIndexReport
{
    private static readonly ReportColumn[] Columns =
    [
        new("evidence", "Evidence", 0.7),
        new("title", "Title", 1.5),
        new("version", "Version", 0.5, ColumnAlignment.Right),
        new("file", "File or link", 1.4),
        new("sha256", "SHA-256", 2.1),
        new("size", "Size (bytes)", 0.75, ColumnAlignment.Right),
        new("effectiveFrom", "Effective from", 0.8),
        new("effectiveTo", "Effective to", 0.8),
        new("collectedAt", "Collected", 1),
        new("controls", "Controls", 0.8),
    ];

    /// <summary>Builds the index; <paramref name="windowStart"/> and <paramref name="windowEnd"/> are both set or both null.</summary>
    public static ReportDocument Build(ComplianceProgram program, DateOnly? windowStart, DateOnly? windowEnd, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(program);
        var versions = program.Evidence
            .SelectMany(e => e.Versions.Select(v => (Item: e, Version: v)))
            .Where(x => windowStart is null || windowEnd is null || (x.Version.EffectiveFrom <= windowEnd && x.Version.EffectiveEnd >= windowStart))
            .OrderBy(x => x.Version.EffectiveFrom)
            .ThenBy(x => x.Item.Id, StringComparer.Ordinal)
            .ThenBy(x => x.Version.Number)
            .ToList();

        var rows = versions.Select(x => (IReadOnlyList<string>)
        [
            x.Item.Id,
            x.Item.Title,
            ReportText.Number(x.Version.Number),
            x.Version.IsFile ? x.Version.FileName ?? "" : x.Version.Url ?? "",
            x.Version.Sha256 ?? "",
            x.Version.IsFile ? ReportText.Number(x.Version.Size) : "",
            ReportText.Date(x.Version.EffectiveFrom),
            ReportText.Date(x.Version.EffectiveTo),
            ReportText.Instant(x.Version.CollectedAt),
            ProgramFacts.List(x.Item.ControlIds),
        ]).ToList();

        var files = versions.Where(x => x.Version.IsFile).ToList();
        var window = windowStart is { } s && windowEnd is { } e ? $"{ReportText.Date(s)} to {ReportText.Date(e)}" : "none given: all evidence";
        return new ReportDocument
        {
            Kind = ReportKind.EvidenceIndex.ToWire(),
            Title = "Evidence index",
            Subtitle = $"{program.Organization} — observation window {window}".TrimStart(' ', '—'),
            GeneratedAt = generatedAt,
            Metadata =
            [
                new("Organization", program.Organization),
                new("Observation window", window),
                new("Evidence items", ReportText.Number(versions.Select(x => x.Item.Id).Distinct(StringComparer.Ordinal).Count())),
                new("Versions", ReportText.Number(versions.Count)),
                new("Files", ReportText.Number(files.Count)),
                new("Links", ReportText.Number(versions.Count - files.Count)),
                new("Total file size", $"{ReportText.Number(files.Sum(x => x.Version.Size))} bytes"),
            ],
            Sections =
            [
                new ReportSection("Evidence", new ReportTable(Columns, rows))
                {
                    Paragraph = "Every evidence version whose effective period overlaps the window. SHA-256 is of the file's bytes as stored; "
                        + "recompute it to verify a copy.",
                },
            ],
        };
    }
}
