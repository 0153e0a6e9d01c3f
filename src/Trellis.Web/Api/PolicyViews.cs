using Trellis.Application.Policies;
using Trellis.Core.Policies;
using Trellis.Core.Program;

namespace Trellis.Web.Api;

/// <summary>A policy in a list.</summary>
/// <param name="Id">Policy ID.</param>
/// <param name="Title">Title.</param>
/// <param name="Owner">Owner's e-mail.</param>
/// <param name="Version">The version shown (current, else newest).</param>
/// <param name="Status">Status of the newest version: <c>draft</c>, <c>in-review</c>, <c>approved</c>, <c>published</c>.</param>
/// <param name="Approved">Day the shown version was approved by its last approver.</param>
/// <param name="Acknowledged">Share of the audience that acknowledged the current version (0–100); null when nothing is published.</param>
/// <param name="ReviewDue">Day the current version is due for review.</param>
/// <param name="Requirements">Requirements it maps to (<c>framework:id</c>).</param>
/// <param name="Evidence">The evidence item its published versions live in.</param>
public sealed record PolicySummaryView(string Id, string Title, string Owner, int Version, string Status, DateOnly? Approved, int? Acknowledged, DateOnly? ReviewDue, IReadOnlyList<string> Requirements, string? Evidence)
{
    /// <summary>From the application's view.</summary>
    public static PolicySummaryView From(PolicyView v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(v.Policy.Id, v.Policy.Title, v.Policy.Owner, v.Shown.Number, v.Policy.Latest.Status.ToWire(),
            v.Shown.ApprovedAt is { } a ? DateOnly.FromDateTime(a.UtcDateTime) : null,
            v.Acknowledgements.Version is null ? null : v.Acknowledgements.Percent, v.Policy.ReviewDue,
            [.. v.Policy.Requirements.Select(r => r.ToString())], v.Policy.EvidenceId);
    }
}

/// <summary>One approval.</summary>
/// <param name="By">Approver's e-mail.</param>
/// <param name="At">When (UTC).</param>
public sealed record PolicyApprovalView(string By, DateTimeOffset At);

/// <summary>One version.</summary>
/// <param name="Number">Version number.</param>
/// <param name="Status">Status.</param>
/// <param name="Author">Who wrote it.</param>
/// <param name="Created">When it was started.</param>
/// <param name="Approvers">Named approvers.</param>
/// <param name="Approvals">Approvals recorded.</param>
/// <param name="PublishedAt">When it was published.</param>
public sealed record PolicyVersionView(int Number, string Status, string Author, DateTimeOffset Created, IReadOnlyList<string> Approvers, IReadOnlyList<PolicyApprovalView> Approvals, DateTimeOffset? PublishedAt);

/// <summary>A policy in full.</summary>
/// <param name="Summary">The list fields.</param>
/// <param name="ReviewCadence">Review cadence.</param>
/// <param name="Controls">Controls it names.</param>
/// <param name="Versions">Every version.</param>
/// <param name="AcknowledgedBy">Who acknowledged the current version, with when.</param>
/// <param name="NotAcknowledgedBy">Who has not.</param>
/// <param name="Markdown">The shown version's text.</param>
/// <param name="Html">The same, rendered and sanitized.</param>
public sealed record PolicyDetailView(PolicySummaryView Summary, string ReviewCadence, IReadOnlyList<string> Controls, IReadOnlyList<PolicyVersionView> Versions,
    IReadOnlyList<PolicyApprovalView> AcknowledgedBy, IReadOnlyList<string> NotAcknowledgedBy, string Markdown, string Html)
{
    /// <summary>From the application's view.</summary>
    public static PolicyDetailView From(PolicyView v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(PolicySummaryView.From(v), v.Policy.ReviewCadence.ToWire(), v.Policy.ControlIds,
            [.. v.Policy.Versions.Select(x => new PolicyVersionView(x.Number, x.Status.ToWire(), x.Author, x.Created, x.Approvers, [.. x.Approvals.Select(a => new PolicyApprovalView(a.Approver, a.At))], x.PublishedAt))],
            [.. v.Acknowledgements.Acknowledged.Select(a => new PolicyApprovalView(a.Person, a.At))], v.Acknowledgements.Pending, v.Shown.Body, v.Html);
    }
}

/// <summary>A starter template.</summary>
/// <param name="Name">Template name.</param>
/// <param name="Title">Title.</param>
/// <param name="Requirements">Requirements it maps to.</param>
public sealed record PolicyTemplateView(string Name, string Title, IReadOnlyList<string> Requirements);

/// <summary>Adopt a template (template, id?, owner?) or create a policy (id, title, owner, body, ...).</summary>
/// <param name="Template">Template name to adopt.</param>
/// <param name="Id">Policy ID.</param>
/// <param name="Title">Title.</param>
/// <param name="Owner">Owner's e-mail (default: you).</param>
/// <param name="Body">Markdown text.</param>
/// <param name="ReviewCadence">Review cadence (default annual).</param>
/// <param name="Requirements">Requirements as framework:id.</param>
/// <param name="Controls">Control IDs.</param>
/// <param name="Approvers">The people who must approve version 1 (e-mails), named ahead of its submission.</param>
public sealed record CreatePolicyRequest(
    string? Template, string? Id, string? Title, string? Owner, string? Body, string? ReviewCadence, IReadOnlyList<string>? Requirements, IReadOnlyList<string>? Controls,
    IReadOnlyList<string>? Approvers = null);

/// <summary>Change a policy's details; an absent field is left as it is, a list replaces the stored one.</summary>
/// <param name="Title">Title.</param>
/// <param name="Owner">Owner's e-mail.</param>
/// <param name="ReviewCadence">Review cadence.</param>
/// <param name="Requirements">Requirements as framework:id.</param>
/// <param name="Controls">Control IDs.</param>
/// <param name="Approvers">The draft's approvers (e-mails; only while the newest version is a draft).</param>
public sealed record EditPolicyRequest(string? Title, string? Owner, string? ReviewCadence, IReadOnlyList<string>? Requirements, IReadOnlyList<string>? Controls, IReadOnlyList<string>? Approvers);

/// <summary>The new text of a draft.</summary>
/// <param name="Body">Markdown text.</param>
public sealed record PolicyDraftRequest(string? Body);

/// <summary>A version.</summary>
/// <param name="Version">Version number.</param>
public sealed record PolicyVersionRequest(int? Version);

/// <summary>Submit a draft.</summary>
/// <param name="Version">Version number.</param>
/// <param name="Approvers">Named approvers (e-mails).</param>
public sealed record SubmitPolicyRequest(int? Version, IReadOnlyList<string>? Approvers);

/// <summary>Approve a version.</summary>
/// <param name="Version">Version number.</param>
/// <param name="By">The approver (default: you; managers may name another approver).</param>
public sealed record ApprovePolicyRequest(int? Version, string? By);
