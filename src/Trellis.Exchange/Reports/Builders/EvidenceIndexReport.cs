using Trellis.Core.Operations;
using Trellis.Core.Program;
using Trellis.Exchange.Reports.Writers;

namespace Trellis.Exchange.Reports.Builders;

/// <summary>
/// The evidence index of an observation window: every evidence version whose effective period overlaps the window
/// (effective from ≤ window end and effective end ≥ window start), with its file name or link, full SHA-256, size,
/// effective dates, collection time and controls. Without a window, every version is listed. A second table lists the
/// occurrences of the controls' recurring work in the window up to the day it is generated (without a window: the last
/// <see cref="ControlTasks.DefaultLookbackDays"/> days): each task, its owner, and the evidence that shows it done, the
/// reason it did not occur, or that it is still open or overdue.
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

    private static readonly ReportColumn[] TaskColumns =
    [
        new("task", "Task", 1.2),
        new("control", "Control", 0.6),
        new("period", "Period", 1.2),
        new("owner", "Owner", 1.2),
        new("status", "Status", 0.7),
        new("shownBy", "Evidence or reason", 2),
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

        var today = DateOnly.FromDateTime(generatedAt.UtcDateTime);
        var from = windowStart ?? today.AddDays(-ControlTasks.DefaultLookbackDays);
        var until = windowEnd is { } end && end < today ? end : today;
        // Periods touching the window, judged as of today (a period that ended with the window is overdue, not open).
        var tasks = from > until ? [] : ControlTasks.Between(program.Controls, program.Evidence, program.TaskNotes, from, today)
            .Where(t => t.Period.Start <= until)
            .Select(t => (IReadOnlyList<string>)
            [
                t.Id,
                t.ControlId,
                $"{ReportText.Date(t.Period.Start)} to {ReportText.Date(t.Period.End)}",
                t.Owner,
                t.Status.ToWire(),
                t.Evidence.Count > 0 ? ProgramFacts.List(t.Evidence) : t.Note?.DidNotOccurReason ?? "",
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
                new ReportSection("Recurring task occurrences", new ReportTable(TaskColumns, tasks))
                {
                    Paragraph = $"Each occurrence of the implemented controls' recurring work from {ReportText.Date(from)} to {ReportText.Date(until)}: "
                        + "done (the evidence effective in its period), did-not-occur (its owner's reason), open, snoozed or overdue.",
                },
            ],
        };
    }
}
