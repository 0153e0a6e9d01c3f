using Trellis.Core.Common;

namespace Trellis.Core.Policies;

/// <summary>
/// The steps of a policy's life, each checked and returning the changed policy or an <see cref="Error"/>:
/// draft → in review (approvers named) → approved (by every named approver, each recorded with who and when) →
/// published (the previous published version becomes superseded). A new version starts as a draft while the
/// published one stays current (ISO/IEC 27001:2022 A.5.1: policies approved by management, published, communicated
/// and acknowledged, reviewed at planned intervals; SOC 2 CC5.3).
/// </summary>
public static class PolicyLifecycle
{
    /// <summary>The longest Markdown body accepted: 200,000 characters.</summary>
    public const int MaxBodyLength = 200_000;

    /// <summary>Checks a new policy (ID, title, owner, one draft version with a body).</summary>
    public static Error? Validate(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (Ids.Check(policy.Id, "id", "policy") is { } badId)
        {
            return badId;
        }

        if (string.IsNullOrWhiteSpace(policy.Title))
        {
            return new Error(ErrorCodes.InvalidPolicy, $"policy {policy.Id} needs a title", "title");
        }

        if (!IsEmail(policy.Owner))
        {
            return new Error(ErrorCodes.InvalidPolicy, $"policy {policy.Id}: owner '{policy.Owner}' is not an e-mail address", "owner");
        }

        if (policy.Versions.Count == 0)
        {
            return new Error(ErrorCodes.InvalidPolicy, $"policy {policy.Id} has no version", "versions");
        }

        for (var i = 0; i < policy.Versions.Count; i++)
        {
            var v = policy.Versions[i];
            if (v.Number != i + 1)
            {
                return new Error(ErrorCodes.InvalidPolicy, $"policy {policy.Id}: versions must be numbered 1, 2, … in order; found {v.Number} at position {i + 1}", "versions");
            }

            if (BodyError(policy.Id, v.Body) is { } bad)
            {
                return bad;
            }
        }

        return null;
    }

    /// <summary>Replaces the text of the newest version, which must be a draft.</summary>
    public static Result<Policy> EditDraft(Policy policy, string body)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.Latest.Status != PolicyStatus.Draft)
        {
            return State(policy, policy.Latest, "edited", "a draft");
        }

        if (BodyError(policy.Id, body) is { } bad)
        {
            return bad;
        }

        return Replace(policy, policy.Latest with { Body = body });
    }

    /// <summary>
    /// Starts the next version as a draft (a copy of the newest text unless <paramref name="body"/> is given); allowed
    /// only when the newest version is published, so there is one version in progress at a time.
    /// </summary>
    public static Result<Policy> NewDraft(Policy policy, string author, DateTimeOffset at, string? body = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.Latest.Status != PolicyStatus.Published)
        {
            return new Error(ErrorCodes.PolicyState, $"policy {policy.Id} version {policy.Latest.Number} is {policy.Latest.Status.ToWire()}; finish it before starting a new version", "version");
        }

        var text = body ?? policy.Latest.Body;
        if (BodyError(policy.Id, text) is { } bad)
        {
            return bad;
        }

        var next = new PolicyVersion { Number = policy.Latest.Number + 1, Body = text, Author = author, Created = at };
        return policy with { Versions = [.. policy.Versions, next] };
    }

    /// <summary>
    /// Submits the draft for approval by the named <paramref name="approvers"/> (at least one e-mail); an empty list
    /// submits it to the approvers already named on the draft.
    /// </summary>
    public static Result<Policy> Submit(Policy policy, int version, IReadOnlyList<string> approvers)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(approvers);
        var found = Find(policy, version);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var v = found.Value;
        if (v.Status != PolicyStatus.Draft)
        {
            return State(policy, v, "submitted", "a draft");
        }

        var names = (approvers.Count > 0 ? approvers : v.Approvers).Select(a => a.Trim().ToLowerInvariant()).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            return new Error(ErrorCodes.InvalidPolicy, $"policy {policy.Id} version {version}: name at least one approver", "approvers");
        }

        if (names.FirstOrDefault(a => !IsEmail(a)) is { } notEmail)
        {
            return new Error(ErrorCodes.InvalidPolicy, $"policy {policy.Id}: approver '{notEmail}' is not an e-mail address", "approvers");
        }

        return Replace(policy, v with { Status = PolicyStatus.InReview, Approvers = names, Approvals = [] });
    }

    /// <summary>
    /// Records <paramref name="approver"/>'s approval of a version in review; when every named approver has approved,
    /// the version becomes approved. Only a named approver may approve, once.
    /// </summary>
    public static Result<Policy> Approve(Policy policy, int version, string approver, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(approver);
        var found = Find(policy, version);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var v = found.Value;
        if (v.Status != PolicyStatus.InReview)
        {
            return State(policy, v, "approved", "in review");
        }

        var who = approver.Trim().ToLowerInvariant();
        if (!v.Approvers.Contains(who))
        {
            return new Error(ErrorCodes.Forbidden, $"{who} is not a named approver of policy {policy.Id} version {version} (approvers: {string.Join(", ", v.Approvers)})", "by");
        }

        if (v.Approvals.Any(a => a.Approver == who))
        {
            return new Error(ErrorCodes.PolicyState, $"{who} has already approved policy {policy.Id} version {version}", "by");
        }

        var approved = v with { Approvals = [.. v.Approvals, new PolicyApproval(who, at)] };
        if (approved.PendingApprovers.Count == 0)
        {
            approved = approved with { Status = PolicyStatus.Approved };
        }

        return Replace(policy, approved);
    }

    /// <summary>Publishes an approved version: it becomes current, the previously published one is superseded.</summary>
    public static Result<Policy> Publish(Policy policy, int version, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var found = Find(policy, version);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var v = found.Value;
        if (v.Status != PolicyStatus.Approved)
        {
            return State(policy, v, "published", "approved by every named approver");
        }

        var versions = policy.Versions
            .Select(x => x.Number == version ? x with { Status = PolicyStatus.Published, PublishedAt = at }
                : x.Status == PolicyStatus.Published ? x with { Status = PolicyStatus.Superseded } : x)
            .ToList();
        return policy with { Versions = versions };
    }

    /// <summary>
    /// Records that <paramref name="person"/> has read the current version. Acknowledging it again changes nothing
    /// (the first acknowledgement stands).
    /// </summary>
    public static Result<Policy> Acknowledge(Policy policy, string person, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(person);
        if (policy.Current is not { } current)
        {
            return new Error(ErrorCodes.PolicyState, $"policy {policy.Id} has no published version to acknowledge", "id");
        }

        var who = person.Trim().ToLowerInvariant();
        if (!IsEmail(who))
        {
            return new Error(ErrorCodes.InvalidPolicy, $"'{person}' is not an e-mail address", "person");
        }

        return policy.Acknowledgements.Any(a => a.Person == who && a.Version == current.Number)
            ? policy
            : policy with { Acknowledgements = [.. policy.Acknowledgements, new PolicyAcknowledgement(who, current.Number, at)] };
    }

    /// <summary>True for a plausible e-mail address (something@something, no spaces).</summary>
    public static bool IsEmail(string? text) =>
        text is { Length: > 2 and <= 320 } t && t.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < t.Length - 1 && !t.Any(char.IsWhiteSpace);

    private static Result<PolicyVersion> Find(Policy policy, int version) =>
        policy.Version(version) is { } v
            ? v
            : new Error(ErrorCodes.UnknownPolicy, $"policy {policy.Id} has no version {version} (versions 1–{policy.Latest.Number})", "version");

    private static Error? BodyError(string id, string? body) =>
        string.IsNullOrWhiteSpace(body) ? new Error(ErrorCodes.InvalidPolicy, $"policy {id}: the text is empty", "body")
        : body.Length > MaxBodyLength ? new Error(ErrorCodes.InvalidPolicy, $"policy {id}: the text is {body.Length} characters; at most {MaxBodyLength}", "body")
        : null;

    private static Error State(Policy policy, PolicyVersion v, string step, string needed) =>
        new(ErrorCodes.PolicyState, $"policy {policy.Id} version {v.Number} is {v.Status.ToWire()}; only a version {needed} can be {step}", "version");

    private static Policy Replace(Policy policy, PolicyVersion version) =>
        policy with { Versions = [.. policy.Versions.Select(x => x.Number == version.Number ? version : x)] };
}
