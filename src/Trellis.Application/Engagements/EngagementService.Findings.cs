using Trellis.Application.Actors;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Data;

namespace Trellis.Application.Engagements;

public sealed partial class EngagementService
{
    /// <summary>
    /// Records a new finding (an ISO nonconformity or opportunity for improvement, or a SOC 2 exception), open, raised
    /// today unless dated. Admin and compliance manager; the engagement, controls and requirements must exist.
    /// </summary>
    public async Task<Result<Versioned<Finding>>> RaiseFindingAsync(Account account, FindingRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(request);
        if (!account.ManagesProgram)
        {
            return new Error(ErrorCodes.Forbidden, "only an admin or a compliance manager records findings");
        }

        var finding = await ReadFindingAsync(account, request, ct);
        if (!finding.IsSuccess)
        {
            return finding.Error!;
        }

        if ((await store.FindingsAsync(ct)).FirstOrDefault(f => Ids.Comparer.Equals(f.Value.Id, request.Id)) is { } taken)
        {
            return new Error(ErrorCodes.DuplicateFinding, $"finding '{request.Id}' exists{(taken.Value.Id == request.Id ? "" : $" as '{taken.Value.Id}' (IDs are compared ignoring case)")}", "id");
        }

        var record = Record(account, "finding.raise", $"finding/{request.Id}", new { kind = finding.Value.Kind.ToWire(), engagement = finding.Value.EngagementId, title = finding.Value.Title });
        var saved = await store.SaveFindingAsync(record, finding.Value, cancellationToken: ct);

        return saved;
    }

    /// <summary>
    /// Moves a finding one step through its lifecycle (ISO/IEC 27001:2022 10.2): <c>plan-actions</c>,
    /// <c>complete-action</c>, <c>resolve</c>, <c>verify</c> or <c>close</c>, with If-Match on the finding's version.
    /// </summary>
    public async Task<Result<Versioned<Finding>>> AdvanceFindingAsync(Account account, string id, FindingStepRequest step, int? expectedVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(step);
        if (!account.ManagesProgram)
        {
            return new Error(ErrorCodes.Forbidden, "only an admin or a compliance manager moves findings through their lifecycle");
        }

        if (expectedVersion is null)
        {
            return new Error(ErrorCodes.PreconditionRequired, $"finding '{id}' exists: send If-Match with the ETag you read");
        }

        var stored = (await store.FindingsAsync(ct)).FirstOrDefault(f => f.Value.Id == id);
        if (stored is null)
        {
            return new Error(ErrorCodes.UnknownFinding, $"unknown finding '{id}'");
        }

        // A step judged on a stale copy might not be the step the reader meant: refuse before judging it.
        if (stored.Version != expectedVersion)
        {
            return new Error(ErrorCodes.ConcurrencyConflict, $"finding '{id}' changed since you read it (version {stored.Version}, you sent {expectedVersion}); read it again");
        }

        var today = Today;
        var next = step.Step switch
        {
            "plan-actions" => FindingLifecycle.PlanActions(stored.Value, step.RootCause ?? "", [.. (step.Actions ?? []).Select(a => new CorrectiveAction(a.Id, a.Description, a.Owner, a.DueDate))], today),
            "complete-action" => FindingLifecycle.CompleteAction(stored.Value, step.ActionId ?? "", today),
            "resolve" => FindingLifecycle.Resolve(stored.Value, today),
            "verify" => FindingLifecycle.VerifyEffectiveness(stored.Value, new EffectivenessCheck(today, account.Email, step.Effective ?? false, step.Notes ?? "")),
            "close" => FindingLifecycle.Close(stored.Value, today, step.Notes ?? ""),
            _ => new Error(ErrorCodes.InvalidStep, $"unknown step '{step.Step}'; use plan-actions, complete-action, resolve, verify or close", "step"),
        };
        if (!next.IsSuccess)
        {
            return next.Error!;
        }

        var record = Record(account, "finding." + step.Step, $"finding/{id}", new { from = stored.Value.Status.ToWire(), to = next.Value.Status.ToWire(), version = AuditRecords.NextVersion(expectedVersion) });
        var saved = await store.SaveFindingAsync(record, next.Value, expectedVersion, ct);

        return saved;
    }

    private async Task<Result<Finding>> ReadFindingAsync(Account account, FindingRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Id) || string.IsNullOrWhiteSpace(request.Title))
        {
            return new Error(ErrorCodes.InvalidFinding, "a finding needs an id and a title", string.IsNullOrWhiteSpace(request.Id) ? "id" : "title");
        }

        if (Ids.Check(request.Id, "id", "finding") is { } badId)
        {
            return badId;
        }

        if (!FindingWire.TryParse(request.Kind, out FindingKind kind))
        {
            return new Error(ErrorCodes.InvalidFinding, $"unknown kind '{request.Kind}'; use major-nonconformity, minor-nonconformity, opportunity-for-improvement or soc2-exception", "kind");
        }

        if (request.Engagement is { } engagement && !(await GetAsync(account, engagement, ct)).IsSuccess)
        {
            return new Error(ErrorCodes.InvalidFinding, $"unknown engagement '{engagement}'", "engagement");
        }

        var controls = (await program.ControlsAsync(account, ct)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        if ((request.Controls ?? []).FirstOrDefault(c => !controls.Contains(c)) is { } unknownControl)
        {
            return new Error(ErrorCodes.InvalidFinding, $"unknown control '{unknownControl}'", "controls");
        }

        var requirements = new List<RequirementRef>();
        foreach (var text in request.Requirements ?? [])
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !(await program.CatalogAsync(ct)).Requirement(text[..colon], text[(colon + 1)..]).IsSuccess)
            {
                return new Error(ErrorCodes.InvalidFinding, $"unknown requirement '{text}'; write framework:id, e.g. iso27001-2022:A.8.13", "requirements");
            }

            requirements.Add(new RequirementRef(text[..colon], text[(colon + 1)..]));
        }

        return new Finding
        {
            Id = request.Id.Trim(),
            Kind = kind,
            EngagementId = request.Engagement,
            Title = request.Title.Trim(),
            Description = request.Description ?? "",
            RaisedOn = request.RaisedOn ?? Today,
            ControlIds = [.. request.Controls ?? []],
            Requirements = requirements,
        };
    }
}
