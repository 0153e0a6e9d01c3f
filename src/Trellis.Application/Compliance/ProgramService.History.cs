using System.Text.Json;
using Trellis.Application.Actors;
using Trellis.Core.Audits;
using Trellis.Data.AuditTrail;
using ChangeOfControl = Trellis.Core.Audits.ControlChange;

namespace Trellis.Application.Compliance;

/// <summary>The program's changes over time, read from the audit trail.</summary>
public sealed partial class ProgramService
{
    /// <summary>The audit trail actions that change controls: one control, a controls workbook, or the whole program.</summary>
    public static IReadOnlyList<string> ControlActions { get; } = ["control.create", "control.update", "control.delete", "controls.import", "program.import", "program.load-demo"];

    /// <summary>
    /// The changes to controls recorded from <paramref name="from"/> to <paramref name="to"/> (UTC days, inclusive), oldest
    /// first: a control created (added), updated (changed), deleted (retired), a controls workbook imported (one change
    /// naming the file), or the whole program replaced. Staff only: an auditor's scope would hide controls, so the history is not theirs to read.
    /// </summary>
    public async Task<Core.Common.Result<IReadOnlyList<ChangeOfControl>>> ControlHistoryAsync(Account account, DateOnly from, DateOnly to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.Scope is not null)
        {
            return Forbidden("the history of the program's controls is for the compliance team");
        }

        var entries = await store.HistoryAsync([.. ControlActions], from, to, ct);
        return entries.SelectMany(Changes).ToList();
    }

    private static IEnumerable<ChangeOfControl> Changes(AuditEntry e)
    {
        var day = DateOnly.FromDateTime(e.At.UtcDateTime);
        using var change = JsonDocument.Parse(e.Change);
        var root = change.RootElement;
        string Text(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : "";
        var id = e.Resource.StartsWith("control/", StringComparison.Ordinal) ? e.Resource["control/".Length..] : "";
        switch (e.Action)
        {
            case "control.create":
                return [new ChangeOfControl(day, id, ControlChangeKind.Added, e.Actor, Text("title"))];
            case "control.update":
                return [new ChangeOfControl(day, id, ControlChangeKind.Changed, e.Actor, $"{Text("title")} (status {Text("status")}, owner {Text("owner")})")];
            case "control.delete":
                return [new ChangeOfControl(day, id, ControlChangeKind.Retired, e.Actor, "removed from the program")];
            case "controls.import":
                // The entry lists every control in the workbook, changed or not (an import that changes nothing writes no entry).
                var count = root.TryGetProperty("controls", out var list) && list.ValueKind == JsonValueKind.Array ? list.GetArrayLength() : 0;
                return [new ChangeOfControl(day, "", ControlChangeKind.Changed, e.Actor, $"controls imported from {Text("source")}: {count} controls in the workbook, some added or updated (audit trail entry {e.Sequence})")];
            default:
                return [new ChangeOfControl(day, "", ControlChangeKind.ProgramReplaced, e.Actor, e.Action == "program.load-demo" ? "the demo program was loaded" : $"the program was replaced from {Text("source")}")];
        }
    }
}
