using Trellis.Application.Actors;
using Trellis.Core.Common;
using Trellis.Core.Program;
using Trellis.Core.Risks;
using Trellis.Data;

namespace Trellis.Application.Compliance;

public sealed partial class ProgramService
{
    /// <summary>
    /// Creates or updates a risk of the register (ISO/IEC 27001:2022 6.1.2, 6.1.3); admins and compliance managers
    /// only. The risk is checked as <see cref="ProgramValidator.ValidateRisk"/> does against the program's matrix and
    /// controls, and a retained risk needs an acceptance with an approver and an expiry, below the matrix's acceptance
    /// threshold (6.1.3 f). Same If-Match rules as <see cref="SaveControlAsync"/>. Error locations name request fields.
    /// </summary>
    public async Task<Result<Versioned<Risk>>> SaveRiskAsync(Account account, Risk risk, int? expectedVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(risk);
        if (!account.ManagesProgram)
        {
            return Forbidden("only an admin or a compliance manager edits the risk register");
        }

        var program = await LoadAsync(ct);
        if (Ids.Check(risk.Id, "id", "risk") is { } badId)
        {
            return badId;
        }

        if (Ids.CaseTwin(risk.Id, program.Risks.Select(r => r.Id)) is { } twin)
        {
            return Ids.Duplicate("risk", risk.Id, twin, "id");
        }

        if (ValidateRisk(risk, program, await CatalogAsync(ct)) is { } invalid)
        {
            return invalid;
        }

        var existing = await store.GetRiskAsync(risk.Id, ct);
        if (existing.IsSuccess && expectedVersion is null)
        {
            return new Error(ErrorCodes.PreconditionRequired, $"risk '{risk.Id}' exists: send If-Match with the ETag you read");
        }

        if (!existing.IsSuccess && !existing.Error!.IsNotFound)
        {
            return existing.Error;
        }

        var record = Record(account, existing.IsSuccess ? "risk.update" : "risk.create", $"risk/{risk.Id}", RiskChange(risk, AuditRecords.NextVersion(expectedVersion)));
        var saved = await store.UpsertRiskAsync(record, risk, expectedVersion, ct);
        if (saved.IsSuccess)
        {
            Changed();
        }

        return saved;
    }

    /// <summary>
    /// Deletes a risk with its plan; admins and compliance managers only. <paramref name="expectedVersion"/> (If-Match)
    /// is required: without it <c>precondition-required</c>, stale <c>concurrency-conflict</c>.
    /// </summary>
    public async Task<Result<Risk>> DeleteRiskAsync(Account account, string id, int? expectedVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!account.ManagesProgram)
        {
            return Forbidden("only an admin or a compliance manager edits the risk register");
        }

        var existing = await store.GetRiskAsync(id, ct);
        if (!existing.IsSuccess)
        {
            return existing.Error!;
        }

        if (expectedVersion is null)
        {
            return new Error(ErrorCodes.PreconditionRequired, $"deleting risk '{id}' needs If-Match with the ETag you read");
        }

        var record = Record(account, "risk.delete", $"risk/{id}", new { id, version = expectedVersion });
        var deleted = await store.DeleteRiskAsync(record, id, expectedVersion, ct);
        if (deleted.IsSuccess)
        {
            Changed();
        }

        return deleted;
    }

    /// <summary>The first problem of a risk as the register would store it, located by request field; null when none.</summary>
    private static Error? ValidateRisk(Risk risk, ComplianceProgram program, Core.Crosswalk.FrameworkCatalog catalog)
    {
        if (string.IsNullOrWhiteSpace(risk.Id))
        {
            return new Error(ErrorCodes.InvalidRisk, "a risk needs an ID", "id");
        }

        if (string.IsNullOrWhiteSpace(risk.Title))
        {
            return new Error(ErrorCodes.InvalidRisk, $"risk '{risk.Id}' needs a title", "title");
        }

        for (var i = 0; i < risk.Plan.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(risk.Plan[i].Description))
            {
                return new Error(ErrorCodes.InvalidRisk, $"action {i + 1} of risk '{risk.Id}' needs a description", $"plan[{i}].description");
            }
        }

        var prefix = $"risks[{risk.Id}].";
        if (ProgramValidator.ValidateRisk(risk, program.RiskMatrix, program.Controls.Select(c => c.Id), catalog) is [var core, ..])
        {
            return core.Location is { } at && at.StartsWith(prefix, StringComparison.Ordinal) ? core with { Location = at[prefix.Length..] } : core;
        }

        if (risk.Acceptance is { } given && string.IsNullOrWhiteSpace(given.Approver))
        {
            return new Error(ErrorCodes.AcceptanceRequired, $"the acceptance of risk '{risk.Id}' needs an approver (ISO/IEC 27001:2022 6.1.3 f)", "acceptance.approver");
        }

        if (risk.Treatment != RiskTreatment.Retain)
        {
            return null;
        }

        // 6.1.3 f: the risk owner approves the acceptance of the residual risk; an expiry makes it come back for review.
        if (risk.Acceptance is not { Expires: not null })
        {
            return new Error(
                ErrorCodes.AcceptanceRequired,
                $"retaining risk '{risk.Id}' needs an acceptance with an approver and an expiry date (ISO/IEC 27001:2022 6.1.3 f)",
                risk.Acceptance is null ? "acceptance" : "acceptance.expires");
        }

        var matrix = program.RiskMatrix;
        var residual = matrix.Rate(risk.ResidualLikelihood, risk.ResidualImpact);
        var threshold = matrix.Levels.FirstOrDefault(l => l.Name == matrix.AcceptanceThreshold);
        return threshold is not null && residual.MinScore >= threshold.MinScore
            ? new Error(
                ErrorCodes.AboveAcceptanceThreshold,
                $"risk '{risk.Id}' is {residual.Name} after treatment, at or above the acceptance threshold '{matrix.AcceptanceThreshold}': choose modify, avoid or share",
                "treatment")
            : null;
    }

    private static object RiskChange(Risk r, int version) => new
    {
        id = r.Id,
        title = r.Title,
        asset = r.Asset,
        threat = r.Threat,
        vulnerability = r.Vulnerability,
        owner = r.Owner,
        inherent = new { likelihood = r.InherentLikelihood, impact = r.InherentImpact },
        residual = new { likelihood = r.ResidualLikelihood, impact = r.ResidualImpact },
        treatment = r.Treatment.ToWire(),
        controls = r.ControlIds,
        requirements = r.RequirementIds,
        plan = r.Plan.Select(a => new { description = a.Description, controls = a.ControlIds, due = a.Due, done = a.Done }),
        acceptance = r.Acceptance is { } a ? new { approver = a.Approver, acceptedOn = a.AcceptedOn, expires = a.Expires } : null,
        version,
    };
}
