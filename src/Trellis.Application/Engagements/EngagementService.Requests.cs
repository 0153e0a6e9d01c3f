using Trellis.Application.Actors;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Data;

namespace Trellis.Application.Engagements;

/// <summary>What an auditor asks for: free text, optionally tied to a control, a requirement (<c>framework:id</c>) or a sample item.</summary>
/// <param name="Text">What is requested.</param>
/// <param name="DueOn">When the answer is due.</param>
/// <param name="Control">A control ID, or null.</param>
/// <param name="Requirement">A requirement as <c>framework:id</c>, or null.</param>
public sealed record NewAuditRequest(string Text, DateOnly DueOn, string? Control = null, string? Requirement = null);

/// <summary>
/// Stored requests that go back and forth (issue 16, item 2; docs/auditors.md). Who may do what: an auditor (or an
/// admin or compliance manager, e.g. for an internal audit) raises, accepts and flags; the compliance lead (admin,
/// compliance manager) assigns an owner; the owner (or a manager) answers with evidence; everyone but a viewer comments.
/// A request of an engagement the account does not see is <c>unknown-request</c> (404), never 403, so its existence is
/// not disclosed. Every step is one write with its audit entry (<c>request.raise</c>, <c>request.assign</c>, …).
/// </summary>
public sealed partial class EngagementService
{
    /// <summary>True when the account may raise, accept and flag requests.</summary>
    public static bool Reviews(Account account) => account?.Role is Roles.Auditor or Roles.Admin or Roles.ComplianceManager;

    /// <summary>True when the account may comment on requests.</summary>
    public static bool Comments(Account account) => account?.Role is not (null or Roles.Viewer);

    /// <summary>True when the account may answer the request: a manager, or its owner.</summary>
    public static bool Answers(Account account, AuditRequest request) =>
        account is not null && request is not null
        && (account.ManagesProgram || (account.Role == Roles.ControlOwner && string.Equals(request.Owner, account.Email, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The stored requests of the engagements the account sees (or of one), by ID.</summary>
    public async Task<Result<IReadOnlyList<Versioned<AuditRequest>>>> StoredRequestsAsync(Account account, string? engagementId, CancellationToken ct)
    {
        var visible = (await ListAsync(account, ct)).Select(e => e.Value.Id).ToHashSet(StringComparer.Ordinal);
        if (engagementId is not null && !visible.Contains(engagementId))
        {
            return new Error(ErrorCodes.UnknownEngagement, $"unknown engagement '{engagementId}'");
        }

        var all = await store.RequestsAsync(ct);
        return Result<IReadOnlyList<Versioned<AuditRequest>>>.Ok(
            [.. all.Where(r => visible.Contains(r.Value.EngagementId) && (engagementId is null || r.Value.EngagementId == engagementId))]);
    }

    /// <summary>One stored request the account sees, or <c>unknown-request</c>.</summary>
    public async Task<Result<Versioned<AuditRequest>>> GetRequestAsync(Account account, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var found = await store.RequestAsync(id, ct);
        if (found is null || !(await GetAsync(account, found.Value.EngagementId, ct)).IsSuccess)
        {
            return new Error(ErrorCodes.UnknownRequest, $"unknown request '{id}'");
        }

        return found;
    }

    /// <summary>Raises a request in an engagement the account sees: open, due on the day given (not in the past).</summary>
    public async Task<Result<AuditRequest>> RaiseRequestAsync(Account account, string engagementId, NewAuditRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(request);
        var engagement = await GetAsync(account, engagementId, ct);
        if (!engagement.IsSuccess)
        {
            return engagement.Error!;
        }

        if (!Reviews(account))
        {
            return new Error(ErrorCodes.Forbidden, "only the auditor (or an admin or compliance manager) raises requests");
        }

        if (AuditRequestLifecycle.Validate(request.Text, request.DueOn, Today) is { } invalid)
        {
            return invalid;
        }

        var control = Blank(request.Control);
        if (control is not null && !(await program.ControlsAsync(account, ct)).Any(c => c.Id == control))
        {
            return new Error(ErrorCodes.UnknownControl, $"unknown control '{control}'", "control");
        }

        var requirement = Blank(request.Requirement);
        if (requirement is not null && await CheckRequirementAsync(account, requirement, ct) is { } bad)
        {
            return bad;
        }

        var raised = new AuditRequest
        {
            Id = "",
            EngagementId = engagementId,
            Text = request.Text.Trim(),
            ControlId = control,
            Requirement = requirement,
            DueOn = request.DueOn,
            RaisedBy = account.Email,
            Thread = [new RequestEntry(clock.GetUtcNow(), account.Email, "raised", request.Text.Trim(), [])],
        };
        var stored = await store.AddRequestsAsync(
            s => Record(account, "request.raise", $"request/{s[0].Id}", new { engagement = engagementId, text = raised.Text, control, requirement, dueOn = raised.DueOn }),
            [raised], ct);
        return stored[0];
    }

    /// <summary>Names the owner who answers (admin, compliance manager).</summary>
    public Task<Result<Versioned<AuditRequest>>> AssignRequestAsync(Account account, string id, string owner, CancellationToken ct) =>
        StepAsync(account, id, "assign", a => a.ManagesProgram ? null : "only an admin or a compliance manager assigns requests",
            (r, at) => AuditRequestLifecycle.Assign(r, owner ?? "", account.Email, at), new { owner }, ct);

    /// <summary>Answers with evidence already stored (an upload is stored first, then named here).</summary>
    public async Task<Result<Versioned<AuditRequest>>> AnswerRequestAsync(Account account, string id, IReadOnlyList<string> evidenceIds, string? note, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(evidenceIds);
        var ids = evidenceIds.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var known = (await program.LoadAsync(ct)).Evidence.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        if (ids.FirstOrDefault(e => !known.Contains(e)) is { } unknown)
        {
            return new Error(ErrorCodes.UnknownEvidence, $"unknown evidence '{unknown}'", "evidence");
        }

        return await StepAsync(account, id, "answer", null, (r, at) => Answers(account, r)
                ? AuditRequestLifecycle.Answer(r, ids, note ?? "", account.Email, at)
                : new Error(ErrorCodes.Forbidden, $"request {r.Id} is answered by its owner ({r.Owner ?? "nobody assigned yet"}) or a manager"),
            new { evidence = ids, note }, ct);
    }

    /// <summary>Accepts the answer standing (the auditor, or a manager who did not give it).</summary>
    public Task<Result<Versioned<AuditRequest>>> AcceptRequestAsync(Account account, string id, string? comment, CancellationToken ct) =>
        StepAsync(account, id, "accept", a => Reviews(a) ? null : "only the auditor (or an admin or compliance manager) accepts answers",
            (r, at) => AuditRequestLifecycle.Accept(r, comment ?? "", account.Email, at), new { comment }, ct);

    /// <summary>Flags the answer standing with a reason; the owner resubmits.</summary>
    public Task<Result<Versioned<AuditRequest>>> FlagRequestAsync(Account account, string id, string? reason, CancellationToken ct) =>
        StepAsync(account, id, "flag", a => Reviews(a) ? null : "only the auditor (or an admin or compliance manager) flags answers",
            (r, at) => AuditRequestLifecycle.Flag(r, reason ?? "", account.Email, at), new { reason }, ct);

    /// <summary>Adds a comment to the request's thread.</summary>
    public Task<Result<Versioned<AuditRequest>>> CommentRequestAsync(Account account, string id, string? text, CancellationToken ct) =>
        StepAsync(account, id, "comment", a => Comments(a) ? null : "a viewer reads requests but does not comment",
            (r, at) => AuditRequestLifecycle.Comment(r, text ?? "", account.Email, at), new { text }, ct);

    private async Task<Result<Versioned<AuditRequest>>> StepAsync(
        Account account, string id, string step, Func<Account, string?>? refuse, Func<AuditRequest, DateTimeOffset, Result<AuditRequest>> apply, object change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var found = await GetRequestAsync(account, id, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        if (refuse?.Invoke(account) is { } why)
        {
            return new Error(ErrorCodes.Forbidden, why);
        }

        var at = clock.GetUtcNow();
        var next = apply(found.Value.Value, at);
        if (!next.IsSuccess)
        {
            return next.Error!;
        }

        return await store.SaveRequestAsync(Record(account, $"request.{step}", $"request/{id}", change), next.Value, found.Value.Version, ct);
    }

    private async Task<Error?> CheckRequirementAsync(Account account, string requirement, CancellationToken ct)
    {
        var colon = requirement.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == requirement.Length - 1)
        {
            return new Error(ErrorCodes.InvalidRequest, $"name a requirement as framework:id, e.g. soc2-2017:CC6.1 (got '{requirement}')", "requirement");
        }

        var (framework, id) = (requirement[..colon], requirement[(colon + 1)..]);
        if (!account.SeesFramework(framework))
        {
            return new Error(ErrorCodes.UnknownFramework, $"unknown framework '{framework}'", "requirement");
        }

        var fw = (await program.CatalogAsync(ct)).Framework(framework);
        if (!fw.IsSuccess)
        {
            return fw.Error! with { Location = "requirement" };
        }

        return fw.Value.AllRequirements.Any(r => r.Id == id) ? null : new Error(ErrorCodes.UnknownRequirement, $"unknown requirement '{id}' of {framework}", "requirement");
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
