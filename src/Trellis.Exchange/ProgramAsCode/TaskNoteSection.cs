using Trellis.Core.Common;
using Trellis.Core.Operations;
using Trellis.Core.Serialization;

namespace Trellis.Exchange.ProgramAsCode;

/// <summary>
/// Reads and writes one item of <c>taskNotes</c> (docs/program-as-code.md): what people decided about one occurrence of
/// a control's recurring work — the control and the first day of its period, and any of another assignee, a snooze
/// (until a day, with its reason) or "did not occur" (with its reason).
/// </summary>
internal static class TaskNoteSection
{
    private static readonly string[] Keys = ["control", "periodStart", "assignee", "snoozedUntil", "snoozeReason", "didNotOccurReason"];

    public static ControlTaskNote Read(YamlMap map, YamlFields f)
    {
        f.OnlyKeys(map, Keys);
        var note = new ControlTaskNote(f.String(map, "control", required: true) ?? "", f.Date(map, "periodStart", required: true) ?? default)
        {
            Assignee = f.String(map, "assignee"),
            SnoozedUntil = f.Date(map, "snoozedUntil"),
            SnoozeReason = f.String(map, "snoozeReason"),
            DidNotOccurReason = f.String(map, "didNotOccurReason"),
        };
        if (note.SnoozedUntil is not null && string.IsNullOrWhiteSpace(note.SnoozeReason))
        {
            f.Fail((map["snoozedUntil"] ?? map).Line, ErrorCodes.MissingField, "field 'snoozeReason' is missing: a snoozed task says why");
        }

        if (note.DidNotOccurReason is { } why && why.Trim().Length == 0)
        {
            f.Fail((map["didNotOccurReason"] ?? map).Line, ErrorCodes.MissingField, "field 'didNotOccurReason' is blank: 'did not occur' needs its reason");
        }

        return note;
    }

    public static YMap Node(ControlTaskNote n) => new MapBuilder()
        .Add("control", new YText(n.ControlId))
        .Add("periodStart", YToken.Of(n.PeriodStart))
        .AddOptional("assignee", n.Assignee)
        .AddDate("snoozedUntil", n.SnoozedUntil)
        .AddOptional("snoozeReason", n.SnoozeReason)
        .AddOptional("didNotOccurReason", n.DidNotOccurReason)
        .Build();
}
