using Trellis.Core.Common;

namespace Trellis.Core.Audits;

/// <summary>What a plan event is. Wire names are the <c>kind</c> values of <c>trellis plan --format json</c>.</summary>
public enum PlanEventKind
{
    /// <summary><c>iso-stage1</c>: stage 1 fieldwork of the initial certification.</summary>
    IsoStage1,

    /// <summary><c>iso-stage2</c>: stage 2 fieldwork of the initial certification.</summary>
    IsoStage2,

    /// <summary><c>iso-certification-decision</c>: the certification body's decision; starts the 3-year cycle.</summary>
    IsoCertificationDecision,

    /// <summary><c>iso-surveillance-1</c>: first surveillance audit fieldwork.</summary>
    IsoSurveillance1,

    /// <summary><c>iso-surveillance-2</c>: second surveillance audit fieldwork.</summary>
    IsoSurveillance2,

    /// <summary><c>iso-recertification</c>: recertification audit fieldwork.</summary>
    IsoRecertification,

    /// <summary><c>soc2-type1</c>: the as-of date of a Type 1 report.</summary>
    Soc2Type1,

    /// <summary><c>soc2-type2-window</c>: a Type 2 observation window (a period, not an activity).</summary>
    Soc2Type2Window,

    /// <summary><c>soc2-fieldwork</c>: the CPA firm's testing after a window (or as-of date) ends.</summary>
    Soc2Fieldwork,

    /// <summary><c>soc2-report</c>: the report's issue date.</summary>
    Soc2Report,

    /// <summary><c>internal-audit</c>: ISO/IEC 27001 9.2, before the season's external audits.</summary>
    InternalAudit,

    /// <summary><c>management-review</c>: ISO/IEC 27001 9.3, after the internal audit, before the external audits.</summary>
    ManagementReview,
}

/// <summary>Wire names and properties of <see cref="PlanEventKind"/>.</summary>
public static class PlanEventKinds
{
    private static readonly WireNames<PlanEventKind> Wire = new(new Dictionary<PlanEventKind, string>
    {
        [PlanEventKind.IsoStage1] = "iso-stage1",
        [PlanEventKind.IsoStage2] = "iso-stage2",
        [PlanEventKind.IsoCertificationDecision] = "iso-certification-decision",
        [PlanEventKind.IsoSurveillance1] = "iso-surveillance-1",
        [PlanEventKind.IsoSurveillance2] = "iso-surveillance-2",
        [PlanEventKind.IsoRecertification] = "iso-recertification",
        [PlanEventKind.Soc2Type1] = "soc2-type1",
        [PlanEventKind.Soc2Type2Window] = "soc2-type2-window",
        [PlanEventKind.Soc2Fieldwork] = "soc2-fieldwork",
        [PlanEventKind.Soc2Report] = "soc2-report",
        [PlanEventKind.InternalAudit] = "internal-audit",
        [PlanEventKind.ManagementReview] = "management-review",
    });

    /// <summary>All wire names.</summary>
    public static IReadOnlyList<string> WireNames => Wire.All;

    /// <summary>Wire name, e.g. <c>iso-surveillance-1</c>.</summary>
    public static string ToWire(this PlanEventKind kind) => Wire[kind];

    /// <summary>Parses a wire name.</summary>
    public static bool TryParse(string? text, out PlanEventKind kind) => Wire.TryParse(text, out kind);

    /// <summary>True for fieldwork by an audit firm or certification body (what the minimum spacing applies to).</summary>
    public static bool IsExternalFieldwork(this PlanEventKind kind) => kind is PlanEventKind.IsoStage1 or PlanEventKind.IsoStage2
        or PlanEventKind.IsoSurveillance1 or PlanEventKind.IsoSurveillance2 or PlanEventKind.IsoRecertification or PlanEventKind.Soc2Fieldwork;

    /// <summary>True for the ISO audits of a certification cycle.</summary>
    public static bool IsIsoAudit(this PlanEventKind kind) => kind is PlanEventKind.IsoStage1 or PlanEventKind.IsoStage2
        or PlanEventKind.IsoSurveillance1 or PlanEventKind.IsoSurveillance2 or PlanEventKind.IsoRecertification;

    /// <summary>True for days the organization must host or do work (what blackout dates apply to).</summary>
    public static bool IsActivity(this PlanEventKind kind) => kind.IsExternalFieldwork() || kind is PlanEventKind.InternalAudit or PlanEventKind.ManagementReview;
}

/// <summary>Whether an event is still ahead or already happened.</summary>
public enum PlanEventState
{
    /// <summary>Proposed or scheduled (wire name <c>planned</c>); dated before today it is at risk.</summary>
    Planned,

    /// <summary>
    /// Already happened, as the user stated: the decision of a held certificate, the period of a held SOC 2 report
    /// (wire name <c>done</c>). Never "at risk" and not checked again.
    /// </summary>
    Done,

    /// <summary>A recorded engagement's event whose last day is before today (wire name <c>past</c>).</summary>
    Past,
}

/// <summary>Wire names of <see cref="PlanEventState"/>.</summary>
public static class PlanEventStates
{
    private static readonly WireNames<PlanEventState> Wire = new(new Dictionary<PlanEventState, string>
    {
        [PlanEventState.Planned] = "planned",
        [PlanEventState.Done] = "done",
        [PlanEventState.Past] = "past",
    });

    /// <summary>Wire name: <c>planned</c>, <c>done</c> or <c>past</c>.</summary>
    public static string ToWire(this PlanEventState state) => Wire[state];

    /// <summary>Parses a wire name; false when unknown.</summary>
    public static bool TryParse(string? text, out PlanEventState state) => Wire.TryParse(text, out state);
}

/// <summary>
/// One event of an audit plan or calendar: all-day, from <see cref="Start"/> to <see cref="End"/> inclusive
/// (calendar dates), with the warnings that concern it.
/// </summary>
public sealed record PlanEvent
{
    /// <summary>
    /// Stable identifier, the same for the same event when a plan is recomputed with other dates
    /// (e.g. <c>iso-surveillance-1-c1</c>, <c>soc2-type2-window-2</c>); the iCalendar UID is built from it.
    /// </summary>
    public required string Id { get; init; }

    /// <summary>What the event is.</summary>
    public required PlanEventKind Kind { get; init; }

    /// <summary>First day.</summary>
    public required DateOnly Start { get; init; }

    /// <summary>Last day (inclusive).</summary>
    public required DateOnly End { get; init; }

    /// <summary>Framework ID (<c>iso27001-2022</c>, <c>soc2-2017</c>).</summary>
    public required string Framework { get; init; }

    /// <summary>One-line title.</summary>
    public required string Title { get; init; }

    /// <summary>Longer description (what happens, what it serves).</summary>
    public string Description { get; init; } = "";

    /// <summary>Warnings about this event, each citing its rule.</summary>
    public IReadOnlyList<RuleWarning> Warnings { get; init; } = [];

    /// <summary>Planned, done (stated by the user) or past (recorded, over). The default is planned.</summary>
    public PlanEventState State { get; init; } = PlanEventState.Planned;

    /// <summary>The event's days.</summary>
    public DateRange Range => new(Start, End);
}

/// <summary>A proposed plan: events in date order, and the certification cycles they form.</summary>
/// <param name="Events">All events, ordered by start date.</param>
/// <param name="Cycles">The ISO certification cycles, first one first (empty without a certification decision).</param>
public sealed record AuditPlan(IReadOnlyList<PlanEvent> Events, IReadOnlyList<CertificationCycle> Cycles)
{
    /// <summary>Every warning of every event.</summary>
    public IEnumerable<RuleWarning> Warnings => Events.SelectMany(e => e.Warnings);
}
