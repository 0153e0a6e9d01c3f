using Trellis.Core.Common;
using Trellis.Core.Crosswalk;

namespace Trellis.Core.Audits;

/// <summary>What kind of finding it is. ISO nonconformities and SOC 2 exceptions share one lifecycle.</summary>
public enum FindingKind
{
    /// <summary>ISO major nonconformity: a requirement not met in a way that puts the ISMS's results in doubt.</summary>
    MajorNonconformity,

    /// <summary>ISO minor nonconformity: an isolated lapse against a requirement.</summary>
    MinorNonconformity,

    /// <summary>ISO opportunity for improvement: not a nonconformity; no corrective action is required.</summary>
    OpportunityForImprovement,

    /// <summary>SOC 2 exception (also called a deviation): a tested control did not operate as described.</summary>
    Exception,
}

/// <summary>Where a finding stands: open → action-planned → resolved → verified-effective → closed.</summary>
public enum FindingStatus
{
    /// <summary>Raised; nothing decided yet.</summary>
    Open,

    /// <summary>Root cause determined and corrective actions planned with owners and due dates (10.2 b–c).</summary>
    ActionPlanned,

    /// <summary>Every corrective action completed.</summary>
    Resolved,

    /// <summary>The actions were reviewed and found effective (10.2 d).</summary>
    VerifiedEffective,

    /// <summary>Closed: after verification, or an opportunity for improvement closed by decision.</summary>
    Closed,
}

/// <summary>Wire names of <see cref="FindingKind"/> and <see cref="FindingStatus"/>.</summary>
public static class FindingWire
{
    private static readonly WireNames<FindingKind> Kinds = new(
        new Dictionary<FindingKind, string>
        {
            [FindingKind.MajorNonconformity] = "major-nonconformity",
            [FindingKind.MinorNonconformity] = "minor-nonconformity",
            [FindingKind.OpportunityForImprovement] = "opportunity-for-improvement",
            [FindingKind.Exception] = "soc2-exception",
        },
        aliases: new Dictionary<string, FindingKind> { ["soc2-deviation"] = FindingKind.Exception });

    private static readonly WireNames<FindingStatus> Statuses = new(new Dictionary<FindingStatus, string>
    {
        [FindingStatus.Open] = "open",
        [FindingStatus.ActionPlanned] = "action-planned",
        [FindingStatus.Resolved] = "resolved",
        [FindingStatus.VerifiedEffective] = "verified-effective",
        [FindingStatus.Closed] = "closed",
    });

    /// <summary>All kind wire names (without the alias <c>soc2-deviation</c>).</summary>
    public static IReadOnlyList<string> KindNames => Kinds.All;

    /// <summary>All status wire names.</summary>
    public static IReadOnlyList<string> StatusNames => Statuses.All;

    /// <summary><c>major-nonconformity</c>, <c>minor-nonconformity</c>, <c>opportunity-for-improvement</c>, <c>soc2-exception</c>.</summary>
    public static string ToWire(this FindingKind kind) => Kinds[kind];

    /// <summary><c>open</c>, <c>action-planned</c>, <c>resolved</c>, <c>verified-effective</c>, <c>closed</c>.</summary>
    public static string ToWire(this FindingStatus status) => Statuses[status];

    /// <summary>Parses a kind; <c>soc2-deviation</c> is accepted for <c>soc2-exception</c> (the other name auditors use).</summary>
    public static bool TryParse(string? text, out FindingKind kind) => Kinds.TryParse(text, out kind);

    /// <summary>Parses a status wire name; false when unknown.</summary>
    public static bool TryParse(string? text, out FindingStatus status) => Statuses.TryParse(text, out status);
}

/// <summary>One corrective action (ISO/IEC 27001 10.2 c): what, who, by when, and when it was done.</summary>
/// <param name="Id">Action ID, unique within the finding.</param>
/// <param name="Description">What will be done.</param>
/// <param name="Owner">Who is accountable.</param>
/// <param name="DueDate">By when.</param>
/// <param name="CompletedOn">When it was done, or null.</param>
public sealed record CorrectiveAction(string Id, string Description, string Owner, DateOnly DueDate, DateOnly? CompletedOn = null)
{
    /// <summary>True when not completed and <paramref name="today"/> is past the due date.</summary>
    public bool IsOverdue(DateOnly today) => CompletedOn is null && today > DueDate;
}

/// <summary>The review of whether corrective actions worked (10.2 d).</summary>
/// <param name="On">When it was reviewed.</param>
/// <param name="By">Who reviewed it.</param>
/// <param name="Effective">The verdict.</param>
/// <param name="Notes">What was looked at.</param>
public sealed record EffectivenessCheck(DateOnly On, string By, bool Effective, string Notes = "");

/// <summary>One step of a finding's history.</summary>
/// <param name="From">Status before.</param>
/// <param name="To">Status after.</param>
/// <param name="On">When.</param>
/// <param name="Note">Why, or what was recorded.</param>
public sealed record FindingTransition(FindingStatus From, FindingStatus To, DateOnly On, string Note);

/// <summary>
/// An audit finding: an ISO nonconformity or opportunity for improvement, or a SOC 2 exception, linked to the
/// controls and requirements it concerns, with its correction, root cause and corrective actions (ISO/IEC 27001
/// 10.2, whose records are mandatory: docs/audit-cycle.md §2.5 item 16). Immutable; change it through
/// <see cref="FindingLifecycle"/>.
/// </summary>
public sealed record Finding
{
    /// <summary>Finding ID, e.g. <c>F-2027-01</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Kind.</summary>
    public required FindingKind Kind { get; init; }

    /// <summary>The engagement that raised it (or null for one raised internally).</summary>
    public string? EngagementId { get; init; }

    /// <summary>One-line statement.</summary>
    public required string Title { get; init; }

    /// <summary>The evidence of the finding as the auditor wrote it.</summary>
    public string Description { get; init; } = "";

    /// <summary>When it was raised.</summary>
    public required DateOnly RaisedOn { get; init; }

    /// <summary>The organization's controls concerned.</summary>
    public IReadOnlyList<string> ControlIds { get; init; } = [];

    /// <summary>The requirements concerned (e.g. <c>iso27001-2022:A.5.15</c>, <c>soc2-2017:CC6.1</c>).</summary>
    public IReadOnlyList<RequirementRef> Requirements { get; init; } = [];

    /// <summary>Where it stands.</summary>
    public FindingStatus Status { get; init; } = FindingStatus.Open;

    /// <summary>The immediate correction, if any (10.2 a: react to the nonconformity, deal with its consequences).</summary>
    public string Correction { get; init; } = "";

    /// <summary>The cause found (10.2 b: determine the causes).</summary>
    public string RootCause { get; init; } = "";

    /// <summary>Corrective actions (10.2 c).</summary>
    public IReadOnlyList<CorrectiveAction> Actions { get; init; } = [];

    /// <summary>Effectiveness reviews, oldest first (10.2 d).</summary>
    public IReadOnlyList<EffectivenessCheck> EffectivenessChecks { get; init; } = [];

    /// <summary>Status changes, oldest first.</summary>
    public IReadOnlyList<FindingTransition> History { get; init; } = [];

    /// <summary>True for the kinds that require corrective action (all but opportunities for improvement).</summary>
    public bool RequiresCorrectiveAction => Kind != FindingKind.OpportunityForImprovement;

    /// <summary>Actions not completed and past their due date on <paramref name="today"/>.</summary>
    public IReadOnlyList<CorrectiveAction> OverdueActions(DateOnly today) => Actions.Where(a => a.IsOverdue(today)).ToList();
}
