using Trellis.Core.Common;

namespace Trellis.Core.Audits;

/// <summary>
/// The transitions of a <see cref="Finding"/> (ISO/IEC 27001 10.2; the same for SOC 2 exceptions). Pure: each
/// returns the changed finding or a typed error, never throws for a wrong step.
/// <code>
/// open ──plan actions──▶ action-planned ──resolve──▶ resolved ──verify: effective──▶ verified-effective ──close──▶ closed
///   ▲                                                    │
///   └──────────────── verify: not effective (reopened) ──┘
/// opportunity for improvement: open / action-planned / resolved ──close──▶ closed (no corrective action required)
/// </code>
/// Error codes: <c>invalid-transition</c>, <c>missing-root-cause</c>, <c>missing-corrective-action</c>,
/// <c>invalid-action</c>, <c>unknown-action</c>, <c>actions-open</c>, <c>date-before-history</c>.
/// </summary>
public static class FindingLifecycle
{
    /// <summary>
    /// Open → action-planned: records the root cause (10.2 b) and the corrective actions, each with an owner and a
    /// due date (10.2 c). A root cause is required except for opportunities for improvement.
    /// </summary>
    public static Result<Finding> PlanActions(Finding finding, string rootCause, IReadOnlyList<CorrectiveAction> actions, DateOnly on)
    {
        if (Check(finding, FindingStatus.Open, "plan corrective actions", on) is { } error)
        {
            return error;
        }

        if (finding.RequiresCorrectiveAction && string.IsNullOrWhiteSpace(rootCause))
        {
            return new Error(ErrorCodes.MissingRootCause, $"finding {finding.Id}: a {finding.Kind.ToWire()} needs its root cause before actions are planned (ISO/IEC 27001 10.2 b)");
        }

        if (actions.Count == 0)
        {
            return new Error(ErrorCodes.MissingCorrectiveAction, $"finding {finding.Id}: plan at least one corrective action (ISO/IEC 27001 10.2 c)");
        }

        var ids = finding.Actions.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var a in actions)
        {
            if (string.IsNullOrWhiteSpace(a.Id) || !ids.Add(a.Id))
            {
                return new Error(ErrorCodes.InvalidAction, $"finding {finding.Id}: action ID '{a.Id}' is empty or used twice");
            }

            if (string.IsNullOrWhiteSpace(a.Owner) || string.IsNullOrWhiteSpace(a.Description))
            {
                return new Error(ErrorCodes.InvalidAction, $"finding {finding.Id}: action {a.Id} needs a description and an owner");
            }

            if (a.DueDate < on)
            {
                return new Error(ErrorCodes.InvalidAction, $"finding {finding.Id}: action {a.Id} is due {CalendarDates.Format(a.DueDate)}, before it is planned ({CalendarDates.Format(on)})");
            }
        }

        return Move(finding, FindingStatus.ActionPlanned, on, $"root cause: {rootCause}") with
        {
            RootCause = rootCause,
            Actions = [.. finding.Actions, .. actions],
        };
    }

    /// <summary>Marks one corrective action done (status stays action-planned).</summary>
    public static Result<Finding> CompleteAction(Finding finding, string actionId, DateOnly on)
    {
        if (Check(finding, FindingStatus.ActionPlanned, "complete an action", on) is { } error)
        {
            return error;
        }

        var action = finding.Actions.FirstOrDefault(a => a.Id == actionId);
        if (action is null)
        {
            return new Error(ErrorCodes.UnknownAction, $"finding {finding.Id} has no action '{actionId}'; actions: {string.Join(", ", finding.Actions.Select(a => a.Id))}");
        }

        return action.CompletedOn is not null
            ? new Error(ErrorCodes.InvalidAction, $"finding {finding.Id}: action {actionId} was already completed on {CalendarDates.Format(action.CompletedOn.Value)}")
            : finding with { Actions = finding.Actions.Select(a => a.Id == actionId ? a with { CompletedOn = on } : a).ToList() };
    }

    /// <summary>Action-planned → resolved, once every corrective action is completed.</summary>
    public static Result<Finding> Resolve(Finding finding, DateOnly on)
    {
        if (Check(finding, FindingStatus.ActionPlanned, "resolve", on) is { } error)
        {
            return error;
        }

        var open = finding.Actions.Where(a => a.CompletedOn is null).Select(a => a.Id).ToList();
        return open.Count > 0
            ? new Error(ErrorCodes.ActionsOpen, $"finding {finding.Id} cannot be resolved: actions not completed: {string.Join(", ", open)}")
            : Move(finding, FindingStatus.Resolved, on, "all corrective actions completed");
    }

    /// <summary>
    /// Resolved → verified-effective when the review finds the actions effective; resolved → open (reopened,
    /// for a new cause analysis) when it does not (10.2 d: review the effectiveness of any corrective action taken).
    /// </summary>
    public static Result<Finding> VerifyEffectiveness(Finding finding, EffectivenessCheck check)
    {
        if (Check(finding, FindingStatus.Resolved, "verify effectiveness", check.On) is { } error)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(check.By))
        {
            return new Error(ErrorCodes.InvalidAction, $"finding {finding.Id}: the effectiveness check needs a reviewer");
        }

        var next = check.Effective ? FindingStatus.VerifiedEffective : FindingStatus.Open;
        return Move(finding, next, check.On, check.Effective ? $"verified effective by {check.By}" : $"not effective ({check.By}): reopened") with
        {
            EffectivenessChecks = [.. finding.EffectivenessChecks, check],
        };
    }

    /// <summary>
    /// Verified-effective → closed. An opportunity for improvement may also be closed from open, action-planned
    /// or resolved, with a note saying what was decided.
    /// </summary>
    public static Result<Finding> Close(Finding finding, DateOnly on, string note = "")
    {
        if (!finding.RequiresCorrectiveAction && finding.Status is FindingStatus.Open or FindingStatus.ActionPlanned or FindingStatus.Resolved)
        {
            if (Check(finding, finding.Status, "close", on) is { } dateError)
            {
                return dateError;
            }

            return string.IsNullOrWhiteSpace(note)
                ? new Error(ErrorCodes.InvalidAction, $"finding {finding.Id}: say what was decided when closing an opportunity for improvement")
                : Move(finding, FindingStatus.Closed, on, note);
        }

        if (Check(finding, FindingStatus.VerifiedEffective, "close", on) is { } error)
        {
            return error;
        }

        return Move(finding, FindingStatus.Closed, on, note.Length > 0 ? note : "closed");
    }

    /// <summary>The steps allowed from the finding's status, as wire names of the target status.</summary>
    public static IReadOnlyList<FindingStatus> NextSteps(Finding finding) => finding.Status switch
    {
        FindingStatus.Open => finding.RequiresCorrectiveAction ? [FindingStatus.ActionPlanned] : [FindingStatus.ActionPlanned, FindingStatus.Closed],
        FindingStatus.ActionPlanned => finding.RequiresCorrectiveAction ? [FindingStatus.Resolved] : [FindingStatus.Resolved, FindingStatus.Closed],
        FindingStatus.Resolved => finding.RequiresCorrectiveAction ? [FindingStatus.VerifiedEffective, FindingStatus.Open] : [FindingStatus.VerifiedEffective, FindingStatus.Open, FindingStatus.Closed],
        FindingStatus.VerifiedEffective => [FindingStatus.Closed],
        _ => [],
    };

    private static Error? Check(Finding finding, FindingStatus required, string verb, DateOnly on)
    {
        if (finding.Status != required)
        {
            var next = NextSteps(finding);
            return new Error(
                ErrorCodes.InvalidTransition,
                $"finding {finding.Id} is {finding.Status.ToWire()}: cannot {verb}; " + (next.Count == 0 ? "it is closed" : $"next steps: {string.Join(", ", next.Select(s => s.ToWire()))}"));
        }

        var last = finding.History.Count > 0 ? finding.History[^1].On : finding.RaisedOn;
        return on < last
            ? new Error(ErrorCodes.DateBeforeHistory, $"finding {finding.Id}: {CalendarDates.Format(on)} is before its last step on {CalendarDates.Format(last)}")
            : null;
    }

    private static Finding Move(Finding finding, FindingStatus to, DateOnly on, string note) => finding with
    {
        Status = to,
        History = [.. finding.History, new FindingTransition(finding.Status, to, on, note)],
    };
}
