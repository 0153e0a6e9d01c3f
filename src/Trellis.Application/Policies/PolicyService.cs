using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Content.Policies;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Evidence;
using Trellis.Core.Policies;
using Trellis.Core.Program;
using Trellis.Data;
using Trellis.Data.AuditTrail;
using Trellis.Exchange.Policies;

namespace Trellis.Application.Policies;

/// <summary>
/// Policies (issue 17, item 4): list, show, adopt a starter template, create, edit the draft, submit, approve, publish,
/// acknowledge, export. Admins and compliance managers write; a named approver approves (or a manager records it for
/// them); every signed-in person acknowledges for themselves; auditors read published policies mapped to their
/// frameworks. Publishing adds the published file to the evidence of the controls the policy supports, effective from
/// its approval day, in the same transaction, so readiness cites it.
/// </summary>
public sealed partial class PolicyService(ProgramService program, ProgramStore store, IPolicyAudience audience, TimeProvider clock)
{
    /// <summary>Every policy the account sees, in program order, with acknowledgement status.</summary>
    public async Task<IReadOnlyList<PolicyView>> ListAsync(Account account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var people = await audience.PeopleAsync(ct);
        var all = await store.PoliciesAsync(ct);
        return [.. all.Select(p => Visible(account, p)).OfType<Policy>().Select(p => new PolicyView(p, AcknowledgementStatus.Of(p, people)))];
    }

    /// <summary>
    /// Every policy with every version, for program.yaml (its <c>policies</c> section); refused to auditors, who
    /// receive reports of their engagement, not the whole program.
    /// </summary>
    public async Task<Result<IReadOnlyList<Policy>>> ForExportAsync(Account account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.Scope is not null)
        {
            return Forbidden("an auditor receives reports of their engagement, not the whole program");
        }

        return Result<IReadOnlyList<Policy>>.Ok(await store.PoliciesAsync(ct));
    }

    /// <summary>One policy, or <c>unknown-policy</c> (also for one the account may not see).</summary>
    public async Task<Result<PolicyView>> GetAsync(Account account, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var found = await store.PolicyAsync(id, ct);
        if (!found.IsSuccess || Visible(account, found.Value) is not { } p)
        {
            return new Error(ErrorCodes.UnknownPolicy, $"no policy '{id}'", "id");
        }

        return new PolicyView(p, AcknowledgementStatus.Of(p, await audience.PeopleAsync(ct)));
    }

    /// <summary>The starter templates.</summary>
    public static IReadOnlyList<PolicyTemplate> Templates => PolicyTemplates.All;

    /// <summary>
    /// Adopts a starter template as a draft policy (ID: the template's name unless given; owner: the account unless
    /// given); its requirements are kept where the catalog has them.
    /// </summary>
    public async Task<Result<Policy>> AdoptAsync(Account account, string template, string? id, string? owner, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (PolicyTemplates.Find(template) is not { } t)
        {
            return new Error(ErrorCodes.UnknownPolicyTemplate, $"no policy template '{template}' (templates: {string.Join(", ", PolicyTemplates.All.Select(x => x.Name))})", "template");
        }

        if (owner is null && !PolicyLifecycle.IsEmail(account.Email))
        {
            return new Error(ErrorCodes.InvalidPolicy, $"'{account.Email}' is not a person's e-mail; name the policy's owner (--owner EMAIL)", "owner");
        }

        var organization = (await program.LoadAsync(ct)).Organization;
        var body = t.Body.Replace("{{organization}}", string.IsNullOrWhiteSpace(organization) ? "the organization" : organization, StringComparison.Ordinal);
        var created = await CreateAsync(account, new NewPolicy(id ?? t.Name, t.Title, owner ?? account.Email, body) { Requirements = [.. t.Requirements.Select(r => r.ToString())] }, t.Name, ct);
        return created;
    }

    /// <summary>Creates a policy with a draft version 1.</summary>
    public Task<Result<Policy>> CreateAsync(Account account, NewPolicy input, CancellationToken ct) => CreateAsync(account, input, null, ct);

    private async Task<Result<Policy>> CreateAsync(Account account, NewPolicy input, string? template, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(input);
        if (!account.ManagesProgram)
        {
            return Forbidden("only an admin or a compliance manager writes policies");
        }

        var checkedMeta = await CheckMetadataAsync(input.ReviewCadence, input.Requirements, input.Controls, input.Approvers, lenient: template is not null, ct);
        if (!checkedMeta.IsSuccess)
        {
            return checkedMeta.Error!;
        }

        var meta = checkedMeta.Value;
        var now = clock.GetUtcNow();
        var policy = new Policy
        {
            Id = input.Id.Trim(),
            Title = input.Title.Trim(),
            Owner = input.Owner.Trim().ToLowerInvariant(),
            ReviewCadence = meta.Cadence,
            Requirements = meta.Requirements,
            ControlIds = meta.Controls,
            Template = template,
            Versions = [new PolicyVersion { Number = 1, Body = input.Body, Author = account.Email, Created = now, Approvers = meta.Approvers }],
        };
        if (PolicyLifecycle.Validate(policy) is { } invalid)
        {
            return invalid;
        }

        var saved = await store.AddPolicyAsync(Record(account, template is null ? "policy.create" : "policy.adopt", policy.Id, new { id = policy.Id, title = policy.Title, owner = policy.Owner, template, requirements = policy.Requirements.Select(r => r.ToString()), approvers = policy.Latest.Approvers }), policy, ct);
        program.Forget();
        return saved;
    }

    /// <summary>Replaces the draft's text (managers).</summary>
    public Task<Result<Policy>> EditDraftAsync(Account account, string id, string body, CancellationToken ct) =>
        ChangeAsync(account, id, "policy.edit", p => PolicyLifecycle.EditDraft(p, body), p => new { version = p.Latest.Number, length = body?.Length ?? 0 }, ct);

    /// <summary>Starts the next version as a draft, a copy of the current text (managers).</summary>
    public Task<Result<Policy>> NewVersionAsync(Account account, string id, CancellationToken ct) =>
        ChangeAsync(account, id, "policy.new-version", p => PolicyLifecycle.NewDraft(p, account.Email, clock.GetUtcNow()), p => new { version = p.Latest.Number }, ct);

    /// <summary>Submits a draft to its named approvers (managers); with none given, to those named on the draft.</summary>
    public Task<Result<Policy>> SubmitAsync(Account account, string id, int version, IReadOnlyList<string> approvers, CancellationToken ct) =>
        ChangeAsync(account, id, "policy.submit", p => PolicyLifecycle.Submit(p, version, approvers), p => new { version, approvers = p.Version(version)!.Approvers }, ct);

    /// <summary>
    /// Records <paramref name="by"/>'s approval (default: the account). A named approver approves for themselves; an
    /// admin or compliance manager may record a named approver's approval given elsewhere (the entry names both).
    /// </summary>
    public async Task<Result<Policy>> ApproveAsync(Account account, string id, int version, string? by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var approver = string.IsNullOrWhiteSpace(by) ? account.Email : by.Trim();
        if (!string.Equals(approver, account.Email, StringComparison.OrdinalIgnoreCase) && !account.ManagesProgram)
        {
            return Forbidden($"you may approve only as yourself ({account.Email})");
        }

        if (account.Scope is not null)
        {
            return Forbidden("auditors do not approve policies");
        }

        return await ChangeAsync(account, id, "policy.approve", p => PolicyLifecycle.Approve(p, version, approver, clock.GetUtcNow()), p => new { version, by = approver.ToLowerInvariant(), status = p.Version(version)!.Status.ToWire() }, ct, managersOnly: false);
    }

    /// <summary>Records the signed-in person's acknowledgement of the current version (anyone but an auditor).</summary>
    public async Task<Result<Policy>> AcknowledgeAsync(Account account, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.Scope is not null || account.Role == Roles.Auditor)
        {
            return Forbidden("auditors read policies; they do not acknowledge them");
        }

        if (!PolicyLifecycle.IsEmail(account.Email))
        {
            return new Error(ErrorCodes.InvalidPolicy, $"'{account.Email}' is not a person's e-mail; acknowledge as yourself (the CLI: --as EMAIL)", "--as");
        }

        return await ChangeAsync(account, id, "policy.acknowledge", p => PolicyLifecycle.Acknowledge(p, account.Email, clock.GetUtcNow()), p => new { version = p.Current?.Number, person = account.Email.ToLowerInvariant() }, ct, managersOnly: false);
    }

    /// <summary>The published policies whose current version <paramref name="account"/> has not acknowledged (dashboard).</summary>
    public async Task<IReadOnlyList<Policy>> PendingForAsync(Account account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.Scope is not null || !PolicyLifecycle.IsEmail(account.Email))
        {
            return [];
        }

        var me = account.Email.ToLowerInvariant();
        var all = await store.PoliciesAsync(ct);
        return [.. all.Where(p => p.Current is { } c && !p.Acknowledgements.Any(a => a.Person == me && a.Version == c.Number))];
    }

    /// <summary>The PDF of an approved version (default: the current one) with the SHA-256 of its text and of the PDF.</summary>
    public async Task<Result<PolicyPdfExport>> ExportPdfAsync(Account account, string id, int? version, CancellationToken ct)
    {
        var view = await GetAsync(account, id, ct);
        if (!view.IsSuccess)
        {
            return view.Error!;
        }

        var p = view.Value.Policy;
        var v = version is { } n ? p.Version(n) : p.Current ?? p.Versions.LastOrDefault(x => x.Status == PolicyStatus.Approved);
        if (v is null)
        {
            return version is null
                ? new Error(ErrorCodes.PolicyState, $"policy {id} has no approved version to export", "version")
                : new Error(ErrorCodes.UnknownPolicy, $"policy {id} has no version {version}", "version");
        }

        return PolicyPdf.Export(p, v, clock.GetUtcNow());
    }

    private static Error Forbidden(string what) => new(ErrorCodes.Forbidden, what);

    private AuditRecord Record(Account account, string action, string id, object change) =>
        AuditRecords.Of(clock, account, action, $"policy/{id}", change);

    // An auditor sees policies with a published version mapped to a framework of their scope, and only published text.
    private static Policy? Visible(Account account, Policy p)
    {
        if (account.Scope is null)
        {
            return p;
        }

        if (p.Current is null || !p.Requirements.Any(r => account.SeesFramework(r.Framework)))
        {
            return null;
        }

        return p with { Versions = [.. p.Versions.Where(v => v.Status is PolicyStatus.Published or PolicyStatus.Superseded)] };
    }

    private async Task<Result<Policy>> ChangeAsync(Account account, string id, string action, Func<Policy, Result<Policy>> step, Func<Policy, object> change, CancellationToken ct, bool managersOnly = true)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (managersOnly && !account.ManagesProgram)
        {
            return Forbidden("only an admin or a compliance manager changes policies");
        }

        var found = await GetAsync(account, id, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var before = found.Value.Policy;
        var after = step(before);
        if (!after.IsSuccess)
        {
            return after.Error!;
        }

        var saved = await store.SavePolicyAsync(Record(account, action, before.Id, change(after.Value)), before, after.Value, null, ct);
        program.Forget();
        return saved;
    }
}
