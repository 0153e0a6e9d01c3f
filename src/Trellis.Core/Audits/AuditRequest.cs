using Trellis.Core.Common;

namespace Trellis.Core.Audits;

/// <summary>Where a stored request stands between the auditor and the company (docs/auditors.md).</summary>
public enum AuditRequestStatus
{
    /// <summary>Raised by the auditor; nobody is assigned yet.</summary>
    Open,

    /// <summary>The compliance lead named an owner; no answer yet.</summary>
    Assigned,

    /// <summary>The owner answered with evidence; the auditor has not decided.</summary>
    Answered,

    /// <summary>The auditor flagged the answer with a reason; the owner resubmits.</summary>
    Flagged,

    /// <summary>The auditor accepted the answer; the request is closed.</summary>
    Accepted,
}

/// <summary>Wire names of <see cref="AuditRequestStatus"/>.</summary>
public static class AuditRequestStatuses
{
    private static readonly WireNames<AuditRequestStatus> Wire = new(new Dictionary<AuditRequestStatus, string>
    {
        [AuditRequestStatus.Open] = "open",
        [AuditRequestStatus.Assigned] = "assigned",
        [AuditRequestStatus.Answered] = "answered",
        [AuditRequestStatus.Flagged] = "flagged",
        [AuditRequestStatus.Accepted] = "accepted",
    });

    /// <summary>All wire names, in lifecycle order.</summary>
    public static IReadOnlyList<string> WireNames => Wire.All;

    /// <summary>Wire name.</summary>
    public static string ToWire(this AuditRequestStatus status) => Wire[status];

    /// <summary>Parses a wire name; false when unknown.</summary>
    public static bool TryParse(string? text, out AuditRequestStatus status) => Wire.TryParse(text, out status);
}

/// <summary>One entry of a request's thread: a step (raised, assigned, answered, flagged, accepted) or a comment.</summary>
/// <param name="At">When (UTC).</param>
/// <param name="By">Who (the account's e-mail).</param>
/// <param name="Kind"><c>raised</c>, <c>assigned</c>, <c>answered</c>, <c>flagged</c>, <c>accepted</c> or <c>comment</c>.</param>
/// <param name="Text">The comment, the flag's reason, the answer's note or the assigned owner.</param>
/// <param name="EvidenceIds">The evidence an answer gives (empty otherwise).</param>
public sealed record RequestEntry(DateTimeOffset At, string By, string Kind, string Text, IReadOnlyList<string> EvidenceIds);

/// <summary>
/// A request an auditor raised in an engagement ("provided by client" item that goes back and forth): free text, or tied
/// to a control, a requirement or a sample item, with a due date. Immutable; moved by <see cref="AuditRequestLifecycle"/>.
/// </summary>
public sealed record AuditRequest
{
    /// <summary>Request ID, <c>REQ-0001</c> onwards, given when it is stored.</summary>
    public required string Id { get; init; }

    /// <summary>The engagement it belongs to.</summary>
    public required string EngagementId { get; init; }

    /// <summary>What is asked for, in the auditor's words.</summary>
    public required string Text { get; init; }

    /// <summary>The control it asks about, if any.</summary>
    public string? ControlId { get; init; }

    /// <summary>The requirement it asks about (<c>framework:id</c>), if any.</summary>
    public string? Requirement { get; init; }

    /// <summary>The sample it came from, if any.</summary>
    public string? SampleId { get; init; }

    /// <summary>The sampled item (an occurrence's period or a population row), if any.</summary>
    public string? SampleItem { get; init; }

    /// <summary>The day the answer is due.</summary>
    public required DateOnly DueOn { get; init; }

    /// <summary>Who raised it.</summary>
    public required string RaisedBy { get; init; }

    /// <summary>The assigned owner's e-mail, once assigned.</summary>
    public string? Owner { get; init; }

    /// <summary>Where it stands.</summary>
    public AuditRequestStatus Status { get; init; } = AuditRequestStatus.Open;

    /// <summary>The evidence of the answer standing now (the last one); empty before an answer.</summary>
    public IReadOnlyList<string> EvidenceIds { get; init; } = [];

    /// <summary>Who gave the answer standing now.</summary>
    public string? AnsweredBy { get; init; }

    /// <summary>Every step and comment, oldest first.</summary>
    public IReadOnlyList<RequestEntry> Thread { get; init; } = [];

    /// <summary>
    /// The accepted request of another engagement whose tested occurrence this request reuses (<see cref="OccurrenceReuse"/>),
    /// or null when the occurrence was asked for here first.
    /// </summary>
    public string? ReusedFrom { get; init; }

    /// <summary>
    /// True when the company's side is late: due before <paramref name="today"/> and not yet answered (open, assigned
    /// or flagged). An answered request waits for the auditor and is not overdue for the company.
    /// </summary>
    public bool IsOverdue(DateOnly today) =>
        DueOn < today && Status is AuditRequestStatus.Open or AuditRequestStatus.Assigned or AuditRequestStatus.Flagged;
}

/// <summary>
/// The steps of an <see cref="AuditRequest"/>. Pure: each returns the changed request or a typed error.
/// <code>
/// open ──assign──▶ assigned ──answer──▶ answered ──accept──▶ accepted
///                     ▲                    │
///                     └── answer ◀─ flagged ◀─ flag (reason)
/// </code>
/// Assigning again (another owner) is allowed until accepted; a comment is allowed at any time. The account that gave
/// the answer standing cannot accept it (<c>own-answer</c>): acceptance is the other side's decision.
/// </summary>
public static class AuditRequestLifecycle
{
    /// <summary>The longest text a request, comment, reason or note may have (characters).</summary>
    public const int MaxText = 4000;

    /// <summary>Names the owner (open, assigned, answered or flagged → assigned, or unchanged when already answered/flagged).</summary>
    public static Result<AuditRequest> Assign(AuditRequest request, string owner, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(owner))
        {
            return new Error(ErrorCodes.MissingField, "name the owner (an e-mail)", "owner");
        }

        if (request.Status == AuditRequestStatus.Accepted)
        {
            return Refused(request, "assign");
        }

        var status = request.Status == AuditRequestStatus.Open ? AuditRequestStatus.Assigned : request.Status;
        return request with { Owner = owner.Trim(), Status = status, Thread = [.. request.Thread, new RequestEntry(at, by, "assigned", owner.Trim(), [])] };
    }

    /// <summary>Assigned or flagged → answered, with at least one evidence ID.</summary>
    public static Result<AuditRequest> Answer(AuditRequest request, IReadOnlyList<string> evidenceIds, string note, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(evidenceIds);
        if (request.Status is not (AuditRequestStatus.Assigned or AuditRequestStatus.Flagged))
        {
            return Refused(request, "answer");
        }

        if (evidenceIds.Count == 0)
        {
            return new Error(ErrorCodes.MissingField, "an answer gives at least one evidence ID (or a new upload)", "evidence");
        }

        if (Long(note, "note") is { } tooLong)
        {
            return tooLong;
        }

        return request with
        {
            Status = AuditRequestStatus.Answered,
            EvidenceIds = evidenceIds,
            AnsweredBy = by,
            Thread = [.. request.Thread, new RequestEntry(at, by, "answered", note?.Trim() ?? "", evidenceIds)],
        };
    }

    /// <summary>Answered → accepted, by someone other than who answered.</summary>
    public static Result<AuditRequest> Accept(AuditRequest request, string comment, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Status != AuditRequestStatus.Answered)
        {
            return Refused(request, "accept");
        }

        if (string.Equals(request.AnsweredBy, by, StringComparison.OrdinalIgnoreCase))
        {
            return new Error(ErrorCodes.OwnAnswer, $"request {request.Id}: {by} gave this answer and cannot accept it; the auditor (or another reviewer) decides");
        }

        return Long(comment, "comment") ?? (Result<AuditRequest>)(request with
        {
            Status = AuditRequestStatus.Accepted,
            Thread = [.. request.Thread, new RequestEntry(at, by, "accepted", comment?.Trim() ?? "", request.EvidenceIds)],
        });
    }

    /// <summary>Answered → flagged, with the reason the owner must address.</summary>
    public static Result<AuditRequest> Flag(AuditRequest request, string reason, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Status != AuditRequestStatus.Answered)
        {
            return Refused(request, "flag");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new Error(ErrorCodes.MissingField, "say why the answer is flagged", "reason");
        }

        return Long(reason, "reason") ?? (Result<AuditRequest>)(request with
        {
            Status = AuditRequestStatus.Flagged,
            Thread = [.. request.Thread, new RequestEntry(at, by, "flagged", reason.Trim(), [])],
        });
    }

    /// <summary>Adds a comment to the thread; the status is unchanged.</summary>
    public static Result<AuditRequest> Comment(AuditRequest request, string text, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new Error(ErrorCodes.MissingField, "a comment needs text", "text");
        }

        return Long(text, "text") ?? (Result<AuditRequest>)(request with { Thread = [.. request.Thread, new RequestEntry(at, by, "comment", text.Trim(), [])] });
    }

    /// <summary>Checks a new request's text and due date (not before <paramref name="today"/>).</summary>
    public static Error? Validate(string text, DateOnly dueOn, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new Error(ErrorCodes.MissingField, "say what is requested", "text");
        }

        if (dueOn < today)
        {
            return new Error(ErrorCodes.InvalidRequest, $"the due date {CalendarDates.Format(dueOn)} is before today ({CalendarDates.Format(today)})", "dueOn");
        }

        return Long(text, "text");
    }

    private static Error? Long(string? text, string field) =>
        text is { Length: > MaxText } ? new Error(ErrorCodes.FieldTooLong, $"{field} is longer than {MaxText} characters", field) : null;

    private static Error Refused(AuditRequest request, string step) =>
        new(ErrorCodes.InvalidTransition, $"request {request.Id} is {request.Status.ToWire()}: it cannot {step} now");
}
