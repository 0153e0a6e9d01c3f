using Trellis.Core.Audits;
using Trellis.Core.Program;

namespace Trellis.Web.Api;

/// <summary>One engagement, with its rule warnings as of today.</summary>
public sealed record EngagementView(
    string Id, string Kind, string Framework, string Title, string Firm, IReadOnlyList<string> Categories, DateOnly? AsOf,
    DateOnly? WindowStart, DateOnly? WindowEnd, int? WindowMonths, DateOnly? FieldworkStart, DateOnly? FieldworkEnd,
    DateOnly? ReportDate, DateOnly? CurrentUntil, IReadOnlyList<string> Warnings)
{
    internal static EngagementView From(Engagement e, IEnumerable<RuleWarning> warnings) => new(
        e.Id, e.Kind.ToWire(), e.Framework, e.DisplayTitle, e.Firm, e.Kind.IsSoc2() ? e.Categories : [], e.AsOf,
        e.Window?.Start, e.Window?.End, e.Window?.Months, e.Fieldwork?.Start, e.Fieldwork?.End, e.ReportDate,
        e.Kind.IsSoc2() ? e.CurrentUntil : null, [.. warnings.Select(w => w.ToString())]);
}

/// <summary>
/// Request body of a plan to save: the anchors of <c>trellis plan</c> (at least a certification decision, a SOC 2 start
/// or a Type 1 date), years (1–10, default 3), the first window's months (3–12) and the spacing between fieldworks
/// (default 30 days); the firm for SOC 2 engagements and the certification body for ISO audits. Instead of a first
/// certification or report: a certificate already held (<c>isoCertifiedOn</c>, <c>isoStage</c>) and the last SOC 2
/// report's period (<c>soc2LastPeriodStart</c>, omitted for a Type 1, and <c>soc2LastPeriodEnd</c>).
/// </summary>
public sealed record EngagementPlanRequest(
    DateOnly? CertificationDecision, DateOnly? Soc2Start, DateOnly? Soc2Type1AsOf, int? Years, int? FirstWindowMonths,
    int? MinimumFieldworkSpacingDays, string? Firm, string? CertificationBody,
    DateOnly? IsoCertifiedOn = null, string? IsoStage = null, DateOnly? Soc2LastPeriodStart = null, DateOnly? Soc2LastPeriodEnd = null);

/// <summary>The engagements of a saved plan as stored, and how many were added (the others were stored already and kept).</summary>
public sealed record PlannedEngagementsView(int Added, IReadOnlyList<EngagementView> Engagements);

/// <summary>The ledger of one engagement: per control, the occurrences its cadence expects in the window and what evidence shows.</summary>
public sealed record LedgerView(string Engagement, DateOnly WindowStart, DateOnly WindowEnd, int Missing, IReadOnlyList<ControlLedgerView> Controls)
{
    internal static LedgerView From(EngagementLedger l) =>
        new(l.EngagementId, l.Window.Start, l.Window.End, l.MissingCount, [.. l.Controls.Select(ControlLedgerView.From)]);
}

/// <summary>One control's line of a ledger.</summary>
public sealed record ControlLedgerView(
    string Control, string Title, string Cadence, int Expected, int Due, int Observed, IReadOnlyList<OccurrenceView> Occurrences, IReadOnlyList<string> Evidence)
{
    internal static ControlLedgerView From(ControlLedger c) => new(
        c.ControlId, c.Title, c.Cadence.ToWire(), c.Expected.Count, c.Expected.Count(e => e.Due), c.Expected.Count(e => e.Observed),
        [.. c.Expected.Select(OccurrenceView.From)], [.. c.Observed.Select(o => o.EvidenceId).Distinct(StringComparer.Ordinal)]);
}

/// <summary>One expected occurrence: <c>observed</c>, <c>missing</c> (due, no evidence) or <c>not-due</c>.</summary>
public sealed record OccurrenceView(DateOnly Start, DateOnly End, string State, IReadOnlyList<string> Evidence, string? DidNotOccurReason)
{
    internal static OccurrenceView From(ExpectedOccurrence e) => new(
        e.InWindow.Start, e.InWindow.End, e.Observed ? "observed" : e.Missing ? "missing" : e.DidNotOccurReason is not null ? "did-not-occur" : "not-due",
        [.. e.Evidence.Select(o => o.EvidenceId).Distinct(StringComparer.Ordinal)], e.DidNotOccurReason);
}

/// <summary>One PBC request, asked once however many engagements want it.</summary>
public sealed record RequestView(string Id, string Control, string Title, string Cadence, IReadOnlyList<string> Engagements, string Status, string Reason, IReadOnlyList<string> Evidence, int MissingPeriods)
{
    internal static RequestView From(EvidenceRequest r) => new(
        r.Id, r.ControlId, r.Title, r.Cadence.ToWire(), r.EngagementIds, r.Status.ToWire(), r.Reason, r.EvidenceIds, r.Occurrences.Count(o => o.Missing));
}

/// <summary>One finding (ISO nonconformity or SOC 2 exception) with its corrective actions.</summary>
public sealed record FindingView(
    string Id, string Kind, string? Engagement, string Title, DateOnly RaisedOn, string Status, IReadOnlyList<string> Controls,
    IReadOnlyList<string> Requirements, string RootCause, IReadOnlyList<CorrectiveActionView> Actions, int OverdueActions, IReadOnlyList<string> NextStatuses)
{
    internal static FindingView From(Finding f, DateOnly today) => new(
        f.Id, f.Kind.ToWire(), f.EngagementId, f.Title, f.RaisedOn, f.Status.ToWire(), f.ControlIds,
        [.. f.Requirements.Select(r => $"{r.Framework}:{r.Requirement}")], f.RootCause,
        [.. f.Actions.Select(a => new CorrectiveActionView(a.Id, a.Description, a.Owner, a.DueDate, a.CompletedOn))], f.OverdueActions(today).Count,
        [.. FindingLifecycle.NextSteps(f).Select(s => s.ToWire())]);
}

/// <summary>One corrective action.</summary>
public sealed record CorrectiveActionView(string Id, string Description, string Owner, DateOnly DueDate, DateOnly? CompletedOn);
