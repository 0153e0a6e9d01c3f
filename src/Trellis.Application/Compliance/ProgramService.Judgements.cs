using Trellis.Application.Actors;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Evidence;
using Trellis.Core.Frameworks;
using Trellis.Core.Program;
using Trellis.Core.Readiness;

namespace Trellis.Application.Compliance;

/// <summary>A judgement to record (issue 13, item 4).</summary>
/// <param name="Framework">The framework, e.g. <c>soc2-2017</c>.</param>
/// <param name="Requirement">The requirement or point of focus, e.g. <c>CC1.2</c> or <c>CC1.2-POF3</c>.</param>
/// <param name="Kind">Sufficient, or not relevant (points of focus only).</param>
/// <param name="Controls">The controls relied on (sufficient only).</param>
/// <param name="Rationale">Why.</param>
/// <param name="By">Who judged; the acting account when null.</param>
public sealed record JudgementRequest(string Framework, string Requirement, JudgementKind Kind, IReadOnlyList<string> Controls, string Rationale, string? By);

/// <summary>Judgements of sufficiency and relevance (rule 8): compliance managers and admins record them, audited.</summary>
public sealed partial class ProgramService
{
    /// <summary>Every judgement in the program with whether it holds today, in requirement order.</summary>
    public async Task<IReadOnlyList<JudgementState>> JudgementsAsync(Account account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ComplianceProgram program;
        IReadOnlyDictionary<string, ControlState> states;
        if (account.Scope is null)
        {
            // Staff: the readiness view holds the judgements, the states and every version of the evidence they name.
            var readiness = await cache.ReadinessViewAsync(Today, ct);
            (program, states) = (readiness.Program, readiness.States);
        }
        else
        {
            var view = await ViewAsync(account, ct);
            program = view.AsOfProgram();
            states = ControlState.Index(program, view.AsOf, new Core.Evidence.FreshnessPolicy());
        }

        return [.. Judgements.CheckAll(program, states)
            .Where(s => account.SeesFramework(s.Judgement.Requirement.Framework))
            .OrderBy(s => s.Judgement.Requirement.ToString(), StringComparer.Ordinal)];
    }

    /// <summary>
    /// Records a judgement, replacing one of the same requirement. A sufficiency judgement records the named controls
    /// as they stand and the latest version of each of their fresh evidence items, so it lapses when any of them changes.
    /// </summary>
    public async Task<Result<JudgementState>> JudgeAsync(Account account, JudgementRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(request);
        if (!account.ManagesProgram)
        {
            return Forbidden("only an admin or a compliance manager records judgements");
        }

        var requirement = (await CatalogAsync(ct)).Requirement(request.Framework, request.Requirement);
        if (!requirement.IsSuccess)
        {
            return requirement.Error!;
        }

        if (string.IsNullOrWhiteSpace(request.Rationale))
        {
            return new Error(ErrorCodes.RationaleRequired, "a judgement records who, when and why: give a rationale", "rationale");
        }

        var program = await LoadAsync(ct);
        var states = ControlState.Index(program, Today, new Core.Evidence.FreshnessPolicy());
        IReadOnlyList<JudgedControl> controls = [];
        IReadOnlyList<JudgedEvidence> evidence = [];
        if (request.Kind == JudgementKind.NotRelevant)
        {
            if (requirement.Value.Kind != RequirementKind.PointOfFocus)
            {
                return new Error(ErrorCodes.InvalidJudgement, $"only a point of focus can be judged not relevant; {request.Requirement} is a {requirement.Value.Kind.ToWire()}", "kind");
            }

            if (request.Controls.Count > 0)
            {
                return new Error(ErrorCodes.InvalidJudgement, "a not-relevant judgement relies on no controls", "controls");
            }
        }
        else
        {
            if (request.Controls.Count == 0)
            {
                return new Error(ErrorCodes.InvalidJudgement, "a sufficiency judgement names the controls it relies on", "controls");
            }

            var named = new List<Control>();
            foreach (var id in request.Controls.Distinct(StringComparer.Ordinal))
            {
                if (program.Controls.FirstOrDefault(c => c.Id == id) is not { } control || !account.SeesControl(control))
                {
                    return new Error(ErrorCodes.InvalidJudgement, $"unknown control '{id}'", "controls");
                }

                if (!states[id].Operating)
                {
                    var why = control.Status == ImplementationStatus.Implemented ? $"its evidence is {states[id].Freshness.ToWire()}" : $"it is {control.Status.ToWire()}";
                    return new Error(ErrorCodes.InvalidJudgement, $"{id} does not operate ({why}): a sufficiency judgement relies on implemented controls with fresh evidence", "controls");
                }

                named.Add(control);
            }

            controls = [.. named.Select(JudgedControl.Of)];
            var items = program.Evidence.ToDictionary(e => e.Id, StringComparer.Ordinal);
            evidence = [.. named.SelectMany(c => states[c.Id].FreshEvidence).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(e => new JudgedEvidence(e, items[e].Versions.Max(v => v.Number)))];
        }

        var judgement = new Judgement
        {
            Requirement = new RequirementRef(request.Framework, requirement.Value.Id),
            Kind = request.Kind,
            Controls = controls,
            Evidence = evidence,
            By = string.IsNullOrWhiteSpace(request.By) ? account.Email : request.By.Trim(),
            At = clock.GetUtcNow(),
            Rationale = request.Rationale.Trim(),
        };
        var record = Record(account, "judgement.save", $"judgement/{judgement.Requirement}", new
        {
            requirement = judgement.Requirement.ToString(),
            kind = judgement.Kind.ToWire(),
            controls = judgement.Controls.Select(c => c.Id),
            evidence = judgement.Evidence.Select(e => $"{e.Evidence}#{e.Version}"),
            by = judgement.By,
            rationale = judgement.Rationale,
        });
        var saved = await store.SaveJudgementAsync(record, judgement, ct);
        if (!saved.IsSuccess)
        {
            return saved.Error!;
        }

        Changed();
        return Judgements.Check(saved.Value, program with { Judgements = [] }, states);
    }

    /// <summary>Withdraws the judgement of a requirement; <c>unknown-judgement</c> when there is none.</summary>
    public async Task<Result<Judgement>> WithdrawJudgementAsync(Account account, RequirementRef requirement, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!account.ManagesProgram)
        {
            return Forbidden("only an admin or a compliance manager withdraws judgements");
        }

        var record = Record(account, "judgement.withdraw", $"judgement/{requirement}", new { requirement = requirement.ToString() });
        var deleted = await store.DeleteJudgementAsync(record, requirement, ct);
        Changed();
        return deleted;
    }
}
