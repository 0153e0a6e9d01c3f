using Trellis.Core.Crosswalk;
using Trellis.Core.Program;

namespace Trellis.Core.Policies;

/// <summary>One person's approval of one policy version.</summary>
/// <param name="Approver">The approver's e-mail (lower case).</param>
/// <param name="At">When they approved (UTC).</param>
public sealed record PolicyApproval(string Approver, DateTimeOffset At);

/// <summary>One person's acknowledgement that they read one policy version.</summary>
/// <param name="Person">Their e-mail (lower case).</param>
/// <param name="Version">The version they acknowledged.</param>
/// <param name="At">When (UTC).</param>
public sealed record PolicyAcknowledgement(string Person, int Version, DateTimeOffset At);

/// <summary>One version of a policy: its Markdown text and where it stands.</summary>
public sealed record PolicyVersion
{
    /// <summary>Version number, from 1.</summary>
    public required int Number { get; init; }

    /// <summary>The text, in Markdown (CommonMark). Rendered and sanitized outside Core.</summary>
    public required string Body { get; init; }

    /// <summary>Who wrote this version (e-mail or operator name).</summary>
    public required string Author { get; init; }

    /// <summary>When the version was started (UTC).</summary>
    public required DateTimeOffset Created { get; init; }

    /// <summary>Where it stands.</summary>
    public PolicyStatus Status { get; init; } = PolicyStatus.Draft;

    /// <summary>Every person who must approve it (e-mails, lower case), named when it is submitted.</summary>
    public IReadOnlyList<string> Approvers { get; init; } = [];

    /// <summary>The approvals recorded so far, in order.</summary>
    public IReadOnlyList<PolicyApproval> Approvals { get; init; } = [];

    /// <summary>When it was published (UTC); null until then.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>When the last named approver approved it; null while an approval is missing.</summary>
    public DateTimeOffset? ApprovedAt =>
        Approvers.Count > 0 && Approvers.All(a => Approvals.Any(x => x.Approver == a)) ? Approvals.Max(x => x.At) : null;

    /// <summary>The approvers who have not approved yet.</summary>
    public IReadOnlyList<string> PendingApprovers => [.. Approvers.Where(a => !Approvals.Any(x => x.Approver == a))];
}

/// <summary>
/// A policy of the program (ISO/IEC 27001:2022 A.5.1 "policies for information security", SOC 2 CC5.3 "policies
/// and procedures"): a document with an owner and a review cadence, mapped to the requirements it speaks to and the
/// controls it supports, written in versions that are drafted, reviewed, approved by every named approver and
/// published; staff acknowledge the published version.
/// </summary>
public sealed record Policy
{
    /// <summary>ID, unique in the program: <c>POL-001</c> or a slug such as <c>access-control</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Title.</summary>
    public required string Title { get; init; }

    /// <summary>The owner's e-mail (lower case): keeps it reviewed.</summary>
    public required string Owner { get; init; }

    /// <summary>How often it is reviewed (default annual).</summary>
    public Cadence ReviewCadence { get; init; } = Cadence.Annual;

    /// <summary>The requirements it speaks to, e.g. <c>iso27001-2022:A.5.1</c>, <c>soc2-2017:CC5.3</c>.</summary>
    public IReadOnlyList<RequirementRef> Requirements { get; init; } = [];

    /// <summary>Controls it supports by name (besides those mapped to its requirements).</summary>
    public IReadOnlyList<string> ControlIds { get; init; } = [];

    /// <summary>The template it was adopted from, if any.</summary>
    public string? Template { get; init; }

    /// <summary>The evidence item its published versions are kept in; null until first published.</summary>
    public string? EvidenceId { get; init; }

    /// <summary>Versions, oldest first; never empty.</summary>
    public required IReadOnlyList<PolicyVersion> Versions { get; init; }

    /// <summary>Acknowledgements of any version, in order.</summary>
    public IReadOnlyList<PolicyAcknowledgement> Acknowledgements { get; init; } = [];

    /// <summary>The published version (the current one), or null when none is published yet.</summary>
    public PolicyVersion? Current => Versions.LastOrDefault(v => v.Status == PolicyStatus.Published);

    /// <summary>The newest version (the one being worked on, or the current one).</summary>
    public PolicyVersion Latest => Versions[^1];

    /// <summary>
    /// The day the current version is due for review: its approval day plus one <see cref="ReviewCadence"/> period;
    /// null when nothing is published.
    /// </summary>
    public DateOnly? ReviewDue => Current?.ApprovedAt is { } at
        ? ReviewCadence.AddPeriod(DateOnly.FromDateTime(at.UtcDateTime))
        : null;

    /// <summary>The version with that number, or null.</summary>
    public PolicyVersion? Version(int number) => Versions.FirstOrDefault(v => v.Number == number);
}
