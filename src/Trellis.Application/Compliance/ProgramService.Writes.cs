using Trellis.Application.Actors;
using Trellis.Core.Common;
using Trellis.Core.Evidence;
using Trellis.Core.Frameworks;
using Trellis.Core.Program;
using Trellis.Data;

namespace Trellis.Application.Compliance;

public sealed partial class ProgramService
{
    /// <summary>
    /// Creates or updates a control. Managers may change anything; a control owner only the controls they own,
    /// and never the owner. <paramref name="expectedVersion"/> is the version read (If-Match): a stale one fails
    /// with <c>concurrency-conflict</c>; updating an existing control without one fails with <c>precondition-required</c>.
    /// </summary>
    public async Task<Result<Versioned<Control>>> SaveControlAsync(Account account, Control control, int? expectedVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(control);
        if (Ids.Check(control.Id, "id", "control") is { } badId)
        {
            return badId;
        }

        if (Ids.CaseTwin(control.Id, (await LoadAsync(ct)).Controls.Select(c => c.Id)) is { } twin)
        {
            return Ids.Duplicate("control", control.Id, twin, "id");
        }

        var existing = await store.GetControlAsync(control.Id, ct);
        if (existing.IsSuccess && expectedVersion is null)
        {
            return new Error(ErrorCodes.PreconditionRequired, $"control '{control.Id}' exists: send If-Match with the ETag you read");
        }

        if (!existing.IsSuccess && !existing.Error!.IsNotFound)
        {
            return existing.Error;
        }

        if (existing.IsSuccess ? !account.EditsControl(existing.Value.Value) : !account.ManagesProgram)
        {
            return Forbidden(existing.IsSuccess ? $"you do not own control '{control.Id}'" : "only an admin or a compliance manager creates controls");
        }

        if (existing.IsSuccess && !account.ManagesProgram && !string.Equals(existing.Value.Value.Owner, control.Owner, StringComparison.OrdinalIgnoreCase))
        {
            return Forbidden("a control owner cannot hand the control to someone else");
        }

        if (ValidateControl(control, await CatalogAsync(ct)) is { } invalid)
        {
            return invalid;
        }

        var record = Record(account, existing.IsSuccess ? "control.update" : "control.create", $"control/{control.Id}", ControlChange(control, AuditRecords.NextVersion(expectedVersion)));
        var saved = await store.UpsertControlAsync(record, control, expectedVersion, ct);
        if (saved.IsSuccess)
        {
            Changed();
        }

        return saved;
    }

    /// <summary>
    /// Records an SoA decision (ISO/IEC 27001:2022 6.1.3 d). Excluding a control needs a justification. Same
    /// If-Match rules as <see cref="SaveControlAsync"/>.
    /// </summary>
    public async Task<Result<Versioned<SoaDecision>>> SaveSoaDecisionAsync(Account account, SoaDecision decision, int? expectedVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(decision);
        if (!account.ManagesProgram)
        {
            return Forbidden("only an admin or a compliance manager edits the Statement of Applicability");
        }

        var iso = (await CatalogAsync(ct)).Requirement(FrameworkIds.Iso27001v2022, decision.Control);
        if (!iso.IsSuccess || iso.Value.Kind != Core.Frameworks.RequirementKind.Control)
        {
            return new Error(ErrorCodes.UnknownRequirement, $"'{decision.Control}' is not an Annex A control of ISO/IEC 27001:2022");
        }

        if (!decision.Applicable && string.IsNullOrWhiteSpace(decision.Justification))
        {
            return new Error(ErrorCodes.JustificationRequired, $"excluding {decision.Control} needs a justification (ISO/IEC 27001:2022 6.1.3 d)", "justification");
        }

        var existing = await store.GetSoaDecisionAsync(decision.Control, ct);
        if (existing.IsSuccess && expectedVersion is null)
        {
            return new Error(ErrorCodes.PreconditionRequired, $"the SoA row {decision.Control} exists: send If-Match with the ETag you read");
        }

        var record = Record(account, "soa.update", $"soa/{decision.Control}", new
        {
            control = decision.Control,
            applicable = decision.Applicable,
            justification = decision.Justification,
            reasons = decision.Reasons.Select(r => r.ToWire()),
            declaredStatus = decision.DeclaredStatus?.ToWire(),
            version = AuditRecords.NextVersion(expectedVersion),
        });
        var saved = await store.UpsertSoaDecisionAsync(record, decision, expectedVersion, ct);
        if (saved.IsSuccess)
        {
            Changed();
        }

        return saved;
    }

    /// <summary>
    /// Adds evidence with its first version (a file whose bytes are given, or a link). Managers may attach it to
    /// any control; a control owner only to controls they own. An item with an empty ID gets the next free
    /// <c>EV-0001</c>-style ID inside the write, so parallel uploads all succeed with distinct IDs.
    /// </summary>
    public Task<Result<Versioned<EvidenceItem>>> AddEvidenceAsync(Account account, EvidenceItem item, byte[]? content, CancellationToken ct) =>
        AddEvidenceAsync(account, item, content, account.EditsControl, ct);

    /// <summary>
    /// <see cref="AddEvidenceAsync(Account, EvidenceItem, byte[], CancellationToken)"/> with the rule that says which
    /// controls the account may attach it to (a task's assignee may attach its occurrence's evidence).
    /// </summary>
    internal async Task<Result<Versioned<EvidenceItem>>> AddEvidenceAsync(Account account, EvidenceItem item, byte[]? content, Func<Control, bool> mayAttach, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(item);
        var program = await LoadAsync(ct);
        if (item.Id.Length > 0 && Ids.Check(item.Id, "id", "evidence") is { } badId)
        {
            return badId;
        }

        if (item.Id.Length > 0 && Ids.CaseTwin(item.Id, program.Evidence.Select(e => e.Id)) is { } twin)
        {
            return Ids.Duplicate("evidence", item.Id, twin, "id");
        }

        var controls = program.Controls.ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var id in item.ControlIds)
        {
            if (!controls.TryGetValue(id, out var control))
            {
                return new Error(ErrorCodes.UnknownControl, $"no control '{id}'");
            }

            if (!mayAttach(control))
            {
                return Forbidden($"you do not own control '{id}'");
            }
        }

        if (item.ControlIds.Count == 0)
        {
            return new Error(ErrorCodes.InvalidEvidence, "evidence must support at least one control", "controls");
        }

        var v = item.Current;
        Data.AuditTrail.AuditRecord Entry(EvidenceItem stored) => Record(account, "evidence.add", $"evidence/{stored.Id}", new
        {
            id = stored.Id,
            title = stored.Title,
            controls = stored.ControlIds,
            sha256 = v.Sha256,
            fileName = v.FileName,
            size = v.Size,
            url = v.Url,
            effectiveFrom = v.EffectiveFrom,
            effectiveTo = v.EffectiveTo,
        });
        var blobs = content is null ? null : new Dictionary<string, byte[]> { [Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content))] = content };
        var saved = await store.AddEvidenceAsync(Entry, item, blobs, ct);
        if (saved.IsSuccess)
        {
            Changed();
        }

        return saved;
    }

    /// <summary>
    /// Adds the next version to an evidence item (this quarter's review after last quarter's): a file whose bytes are
    /// given, or a link. Managers may; a control owner when they own one of the item's controls. Earlier versions stay
    /// as they are (frozen packages and ledgers keep citing them); <c>evidence.version</c> in the audit trail.
    /// </summary>
    public async Task<Result<Versioned<EvidenceItem>>> AddEvidenceVersionAsync(Account account, string evidenceId, EvidenceVersion version, byte[]? content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(version);
        var program = await LoadAsync(ct);
        var item = program.Evidence.FirstOrDefault(e => e.Id == evidenceId);
        if (item is null)
        {
            return new Error(ErrorCodes.UnknownEvidence, $"no evidence '{evidenceId}'");
        }

        if (!program.Controls.Where(c => item.ControlIds.Contains(c.Id)).Any(account.EditsControl))
        {
            return Forbidden($"you own none of the controls evidence '{evidenceId}' supports");
        }

        var next = version with { Number = item.Versions.Max(v => v.Number) + 1 };
        var record = Record(account, "evidence.version", $"evidence/{evidenceId}", new
        {
            id = evidenceId,
            number = next.Number,
            sha256 = next.Sha256,
            fileName = next.FileName,
            size = next.Size,
            url = next.Url,
            effectiveFrom = next.EffectiveFrom,
            effectiveTo = next.EffectiveTo,
        });
        var saved = await store.AddEvidenceVersionAsync(record, evidenceId, next, content, null, ct);
        if (saved.IsSuccess)
        {
            Changed();
        }

        return saved;
    }

    private static Error? ValidateControl(Control control, Core.Crosswalk.FrameworkCatalog catalog)
    {
        if (string.IsNullOrWhiteSpace(control.Id) || string.IsNullOrWhiteSpace(control.Title))
        {
            return new Error(ErrorCodes.InvalidControl, "a control needs an ID and a title", "title");
        }

        foreach (var m in control.Mappings)
        {
            var req = catalog.Requirement(m.Requirement.Framework, m.Requirement.Requirement);
            if (!req.IsSuccess)
            {
                // A bad reference in the request body is invalid input, not a missing resource.
                return new Error(ErrorCodes.InvalidControl, req.Error!.Message, "mappings");
            }

            if (m.Relationship == Core.Crosswalk.Relationship.NoRelationship)
            {
                return new Error(ErrorCodes.InvalidControl, $"mapping to {m.Requirement} cannot be no-relationship", "mappings");
            }
        }

        return null;
    }

    private static object ControlChange(Control c, int version) => new
    {
        id = c.Id,
        title = c.Title,
        description = c.Description,
        owner = c.Owner,
        cadence = c.Cadence.ToWire(),
        status = c.Status.ToWire(),
        mappings = c.Mappings.Select(m => new { requirement = m.Requirement.ToString(), relationship = Core.Crosswalk.Relationships.ToWire(m.Relationship) }),
        version,
    };
}
