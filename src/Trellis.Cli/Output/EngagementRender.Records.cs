using System.Globalization;
using Trellis.Core.Audits;
using Trellis.Core.Program;

namespace Trellis.Cli.Output;

/// <summary>Ledger, evidence reuse, request list and findings renderings.</summary>
internal static partial class EngagementRender
{
    /// <summary>
    /// The control operation ledger of one engagement: per control, expected / due / observed occurrences and
    /// the missing ones (on-event controls: observed only, <c>expected</c> null).
    /// </summary>
    public static void WriteLedger(TextWriter output, EngagementLedger ledger, string format)
    {
        if (format == "json")
        {
            Render.WriteJson(output, new
            {
                engagementId = ledger.EngagementId,
                windowStart = CalendarDates.Format(ledger.Window.Start),
                windowEnd = CalendarDates.Format(ledger.Window.End),
                missingCount = ledger.MissingCount,
                controls = ledger.Controls.Select(c => new
                {
                    controlId = c.ControlId,
                    title = c.Title,
                    cadence = c.Cadence.ToWire(),
                    expected = c.HasFixedExpectation ? c.Expected.Count : (int?)null,
                    due = c.Expected.Count(e => e.Due),
                    observed = c.HasFixedExpectation ? c.Expected.Count(e => e.Observed) : c.Observed.Count,
                    missing = c.Missing.Select(m => new { start = CalendarDates.Format(m.InWindow.Start), end = CalendarDates.Format(m.InWindow.End), partial = m.Partial }),
                    occurrences = c.Expected.Select(e => new
                    {
                        start = CalendarDates.Format(e.Period.Start),
                        end = CalendarDates.Format(e.Period.End),
                        partial = e.Partial,
                        due = e.Due,
                        status = e.Observed ? "observed" : e.DidNotOccurReason is not null ? "did-not-occur" : e.Due ? "missing" : "upcoming",
                        didNotOccurReason = e.DidNotOccurReason,
                        evidence = e.Evidence.Select(o => new { id = o.EvidenceId, version = o.Version }),
                    }),
                    evidence = c.Observed.Select(o => new { id = o.EvidenceId, version = o.Version, start = CalendarDates.Format(o.Effective.Start), end = CalendarDates.Format(o.Effective.End) }),
                }),
            });
            return;
        }

        Render.WriteTable(
            output,
            ["control", "cadence", "expected", "due", "observed", "missing"],
            ledger.Controls.Select(c => (IReadOnlyList<string?>)
            [
                c.ControlId, c.Cadence.ToWire(),
                c.HasFixedExpectation ? N(c.Expected.Count) : "-",
                N(c.Expected.Count(e => e.Due)),
                N(c.HasFixedExpectation ? c.Expected.Count(e => e.Observed) : c.Observed.Count),
                string.Join(" ", c.Missing.Select(m => m.InWindow.ToString() + (m.Partial ? "*" : ""))),
            ]),
            $"{ledger.EngagementId} {ledger.Window}: {ledger.MissingCount} missing occurrences (* partial period)");
    }

    /// <summary>Per evidence item, the engagements it serves.</summary>
    public static void WriteEvidenceReuse(TextWriter output, IEnumerable<EvidenceUse> uses, string format)
    {
        var list = uses.ToList();
        if (format == "json")
        {
            Render.WriteJson(output, list.Select(u => new { evidenceId = u.EvidenceId, title = u.Title, controls = u.ControlIds, engagements = u.EngagementIds }));
            return;
        }

        Render.WriteTable(
            output,
            ["evidence", "title", "controls", "engagements served"],
            list.Select(u => (IReadOnlyList<string?>)[u.EvidenceId, u.Title, string.Join(" ", u.ControlIds), string.Join(" ", u.EngagementIds)]),
            $"{list.Count(u => u.EngagementIds.Count > 1)} of {list.Count} evidence items serve more than one engagement");
    }

    /// <summary>The request (PBC) list: one row per control, whichever audits ask for it.</summary>
    public static void WriteRequests(TextWriter output, IEnumerable<EvidenceRequest> requests, string format)
    {
        var list = requests.ToList();
        if (format == "json")
        {
            Render.WriteJson(output, list.Select(r => new
            {
                id = r.Id,
                controlId = r.ControlId,
                title = r.Title,
                cadence = r.Cadence.ToWire(),
                status = r.Status.ToWire(),
                reason = r.Reason,
                engagements = r.EngagementIds,
                evidence = r.EvidenceIds,
                occurrences = r.Occurrences.Select(o => new
                {
                    start = CalendarDates.Format(o.Period.Start),
                    end = CalendarDates.Format(o.Period.End),
                    engagements = o.EngagementIds,
                    evidence = o.EvidenceIds,
                    missing = o.Missing,
                }),
            }));
            return;
        }

        Render.WriteTable(
            output,
            ["request", "control", "status", "engagements", "evidence", "reason"],
            list.Select(r => (IReadOnlyList<string?>)[r.Id, r.ControlId, r.Status.ToWire(), string.Join(" ", r.EngagementIds), string.Join(" ", r.EvidenceIds), r.Reason]),
            $"{list.Count} requests: answered {list.Count(r => r.Status == RequestStatus.Answered)}, stale {list.Count(r => r.Status == RequestStatus.Stale)}, missing {list.Count(r => r.Status == RequestStatus.Missing)}");
    }

    /// <summary>Findings with their corrective actions, overdue flags (on <paramref name="today"/>) and next steps.</summary>
    public static void WriteFindings(TextWriter output, IEnumerable<Finding> findings, string format, DateOnly today)
    {
        var list = findings.OrderBy(f => f.Status == FindingStatus.Closed).ThenBy(f => f.Kind).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
        if (format == "json")
        {
            Render.WriteJson(output, list.Select(f => new
            {
                id = f.Id,
                kind = f.Kind.ToWire(),
                status = f.Status.ToWire(),
                engagementId = f.EngagementId,
                title = f.Title,
                description = f.Description,
                raisedOn = CalendarDates.Format(f.RaisedOn),
                controls = f.ControlIds,
                requirements = f.Requirements.Select(r => r.ToString()),
                correction = f.Correction,
                rootCause = f.RootCause,
                actions = f.Actions.Select(a => new
                {
                    id = a.Id,
                    description = a.Description,
                    owner = a.Owner,
                    dueDate = CalendarDates.Format(a.DueDate),
                    completedOn = a.CompletedOn is { } c ? CalendarDates.Format(c) : null,
                    overdue = a.IsOverdue(today),
                }),
                effectivenessChecks = f.EffectivenessChecks.Select(c => new { on = CalendarDates.Format(c.On), by = c.By, effective = c.Effective, notes = c.Notes }),
                nextSteps = FindingLifecycle.NextSteps(f).Select(s => s.ToWire()),
                history = f.History.Select(h => new { from = h.From.ToWire(), to = h.To.ToWire(), on = CalendarDates.Format(h.On), note = h.Note }),
            }));
            return;
        }

        Render.WriteTable(
            output,
            ["id", "kind", "status", "title", "controls", "actions", "next"],
            list.Select(f => (IReadOnlyList<string?>)
            [
                f.Id, f.Kind.ToWire(), f.Status.ToWire(), f.Title, string.Join(" ", f.ControlIds),
                f.Actions.Count == 0 ? "" : $"{f.Actions.Count(a => a.CompletedOn is not null)}/{f.Actions.Count} done" + (f.OverdueActions(today).Count > 0 ? $", {f.OverdueActions(today).Count} overdue" : ""),
                string.Join(", ", FindingLifecycle.NextSteps(f).Select(s => s.ToWire())),
            ]),
            $"{list.Count} findings, {list.Count(f => f.Status != FindingStatus.Closed)} not closed");
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
