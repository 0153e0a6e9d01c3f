using Trellis.Core.Audits;
using Trellis.Exchange.Reports.Writers;

namespace Trellis.Exchange.Reports.Builders;

/// <summary>
/// A draft bridge (gap) letter as a report document (<see cref="BridgeLetter"/>; docs/audit-cycle.md §1.4): who issues
/// it and for which report, management's statement for the bridge period, the changes to controls the audit trail
/// recorded in it, the findings open at its end, what the reader should keep in mind, and room to sign. The wording is
/// Trellis's own; management edits and signs the draft.
/// </summary>
public static class BridgeLetterReport
{
    /// <summary>The document kind: <c>bridge-letter</c>.</summary>
    public const string Kind = "bridge-letter";

    /// <summary>Builds the document.</summary>
    /// <param name="letter">The drafted letter.</param>
    /// <param name="organization">The service organization issuing it.</param>
    /// <param name="generatedAt">When the draft was made (from the injected clock).</param>
    public static ReportDocument Build(BridgeLetter letter, string organization, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var e = letter.Engagement;
        var org = string.IsNullOrWhiteSpace(organization) ? "the service organization" : organization;
        var type = e.Kind == EngagementKind.Soc2Type1 ? "Type 1" : "Type 2";
        var reportPeriod = e.Window is { } w ? $"{ReportText.Date(w.Start)} to {ReportText.Date(w.End)}" : $"as of {ReportText.Date(e.AsOf)}";
        var bridge = $"{ReportText.Date(letter.Period.Start)} to {ReportText.Date(letter.Period.End)}";
        var report = $"the SOC 2 {type} report \"{e.DisplayTitle}\" ({reportPeriod}{(e.Firm.Length > 0 ? $", service auditor {e.Firm}" : "")})";

        var statement = letter.NoChanges
            ? $"Management of {org} has reviewed the records of its security compliance program for {bridge}, the days since the period of {report}. "
                + "No change to the system or to its controls was recorded in those days, and no audit finding was open at their end. Management is not aware "
                + "of any change that would materially affect the system description or the controls covered by that report."
            : $"Management of {org} has reviewed the records of its security compliance program for {bridge}, the days since the period of {report}. "
                + $"The records show {Count(letter.Changes.Count, "change", "changes")} to controls and {Count(letter.OpenFindings.Count, "finding", "findings")} open at the end of those days; "
                + "both are listed below. Apart from them, management is not aware of any change that would materially affect the system description or the "
                + "controls covered by that report. Before signing, management states for each item whether it is material and how it was addressed.";

        return new ReportDocument
        {
            Kind = Kind,
            Title = "Bridge letter (draft)",
            Subtitle = $"{org} — SOC 2 {type}, bridge period {bridge}",
            GeneratedAt = generatedAt,
            Metadata =
            [
                new("Issued by", $"management of {org}"),
                new("Report bridged", $"{e.DisplayTitle} (SOC 2 {type}, engagement {e.Id})"),
                new("Report period", reportPeriod),
                new("Bridge period", bridge),
                new("Status", "draft for management's review and signature; not an auditor's report and gives no assurance"),
            ],
            Sections =
            [
                new ReportSection("Statement of management", Summary(letter, type, reportPeriod, bridge)) { Paragraph = statement },
                new ReportSection("Changes to controls in the bridge period", Changes(letter))
                {
                    Paragraph = "As recorded in the program's audit trail: controls added, changed or retired, and imports that replaced the program.",
                },
                new ReportSection($"Findings open on {ReportText.Date(letter.Period.End)}", Findings(letter))
                {
                    Paragraph = "Audit findings raised by the end of the bridge period and not closed by then.",
                },
                new ReportSection("For the reader", Notes(letter))
                {
                    Paragraph = $"This letter is issued by the management of {org}, not by the service auditor, and no auditor has examined it. Read it together with "
                        + "the report named above. User entities remain responsible for the complementary user entity controls that report describes. "
                        + "The next SOC 2 report is expected to cover the bridge period.",
                },
                new ReportSection("Signature", Signature()),
            ],
        };
    }

    private static string Count(int n, string one, string many) => $"{ReportText.Number(n)} {(n == 1 ? one : many)}";

    private static ReportTable Summary(BridgeLetter letter, string type, string reportPeriod, string bridge) => new(
        [new("item", "Item", 1), new("value", "Value", 2.5)],
        [
            ["Report bridged", $"SOC 2 {type}: {letter.Engagement.DisplayTitle}"],
            ["Report period", reportPeriod],
            ["Bridge period", bridge],
            ["Changes to controls recorded", ReportText.Number(letter.Changes.Count)],
            ["Findings open at the end", ReportText.Number(letter.OpenFindings.Count)],
        ]);

    private static ReportTable Changes(BridgeLetter letter) => new(
        [new("date", "Date", 0.8), new("control", "Control", 0.8), new("change", "Change", 0.9), new("detail", "Detail", 2.2), new("by", "By", 1.2)],
        [.. letter.Changes.Select(c => (IReadOnlyList<string>)[ReportText.Date(c.On), c.Control, c.Kind.ToWire(), c.Detail, c.By])]);

    private static ReportTable Findings(BridgeLetter letter) => new(
        [new("finding", "Finding", 0.8), new("raised", "Raised", 0.8), new("status", "Status", 0.9), new("title", "Title", 2.2), new("controls", "Controls", 1.1)],
        [.. letter.OpenFindings.Select(f => (IReadOnlyList<string>)
        [
            f.Id, ReportText.Date(f.RaisedOn), BridgeLetter.StatusOn(f, letter.Period.End).ToWire(), f.Title, ProgramFacts.List(f.ControlIds),
        ])]);

    private static ReportTable Notes(BridgeLetter letter) => new(
        [new("note", "Note")],
        letter.Warnings.Count == 0
            ? [["The bridge period is within the usual length (up to about 3 months after the report period) and has passed."]]
            : [.. letter.Warnings.Select(w => (IReadOnlyList<string>)[w.Message])]);

    private static ReportTable Signature() => new(
        [new("name", "Name"), new("role", "Title"), new("signature", "Signature", 1.5), new("date", "Date", 0.8)],
        [["", "", "", ""], ["", "", "", ""]]);
}
