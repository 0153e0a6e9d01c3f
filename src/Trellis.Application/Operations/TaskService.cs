using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Core.Evidence;
using Trellis.Core.Operations;
using Trellis.Core.Program;
using Trellis.Data;

namespace Trellis.Application.Operations;

/// <summary>What to list: from which day, whose, due before which day, and whether finished tasks are included.</summary>
/// <param name="From">Periods overlapping this day and later (default: 90 days ago).</param>
/// <param name="Owner">Only tasks of this person (e-mail, case-insensitive).</param>
/// <param name="DueBefore">Only tasks due on or before this day.</param>
/// <param name="PendingOnly">Only open, overdue and snoozed tasks.</param>
public sealed record TaskQuery(DateOnly? From = null, string? Owner = null, DateOnly? DueBefore = null, bool PendingOnly = false);

/// <summary>
/// Recurring control work (<see cref="ControlTasks"/>): listing, completing with evidence effective for the
/// occurrence's period, reassigning, snoozing and marking "did not occur". Tasks are the program's internal work:
/// auditors see none. Each change is one write with its audit entry.
/// </summary>
public sealed class TaskService(ProgramService program, ProgramStore store, TimeProvider clock)
{
    /// <summary>The longest a task can be snoozed: 90 days.</summary>
    public const int MaxSnoozeDays = 90;

    /// <summary>Today's date (UTC) from the injected clock.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The tasks matching <paramref name="query"/>, by due day then control.</summary>
    public async Task<Result<IReadOnlyList<ControlTask>>> ListAsync(Account account, TaskQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(query);
        if (account.Scope is not null)
        {
            return new Error(ErrorCodes.Forbidden, "recurring tasks are the program's internal work; an auditor's engagement has none");
        }

        var today = Today;
        var from = query.From ?? today.AddDays(-ControlTasks.DefaultLookbackDays);
        var p = await program.LoadAsync(ct);
        // The notes come with the program (cached per revision): no query of their own.
        IEnumerable<ControlTask> tasks = ControlTasks.Between(p.Controls, p.Evidence, p.TaskNotes, from, today);
        if (!string.IsNullOrWhiteSpace(query.Owner))
        {
            tasks = tasks.Where(t => string.Equals(t.Owner, query.Owner.Trim(), StringComparison.OrdinalIgnoreCase));
        }

        if (query.DueBefore is { } before)
        {
            tasks = tasks.Where(t => t.Due <= before);
        }

        if (query.PendingOnly)
        {
            tasks = tasks.Where(t => t.Status.IsPending());
        }

        return Result<IReadOnlyList<ControlTask>>.Ok([.. tasks]);
    }

    /// <summary>One task, computed today (any period of an implemented control's cadence that has started).</summary>
    public async Task<Result<ControlTask>> GetAsync(Account account, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var found = await FindAsync(account, id, ct);
        return found.IsSuccess ? found.Value.Task : found.Error!;
    }

    /// <summary>
    /// Completes a task: adds evidence (a file or a link) for its control, effective from the period's first day to
    /// its last day or today, whichever comes first, so the ledger, readiness and samples count it for this occurrence.
    /// Managers, the control's owner and the task's assignee may complete it.
    /// </summary>
    public async Task<Result<Versioned<EvidenceItem>>> CompleteAsync(Account account, string id, TaskEvidence evidence, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var found = await FindAsync(account, id, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (task, control) = found.Value;
        if (!MayAct(account, task, control))
        {
            return new Error(ErrorCodes.Forbidden, $"task {task.Id} is {Whose(task)}; its control's owner, its assignee or a compliance manager completes it");
        }

        if (task.Status == ControlTaskStatus.DidNotOccur)
        {
            return new Error(ErrorCodes.InvalidTask, $"task {task.Id} is recorded as not occurred; evidence for it would contradict that", "id");
        }

        if ((evidence.Content is null) == string.IsNullOrWhiteSpace(evidence.Url))
        {
            return new Error(ErrorCodes.InvalidEvidence, "complete a task with a file or a link, one of the two", "evidence");
        }

        if (evidence.Content is null && EvidenceFiles.HttpLink(evidence.Url) is null)
        {
            return new Error(ErrorCodes.InvalidEvidence, $"'{evidence.Url}' is not an http or https link", "url");
        }

        var today = Today;
        var end = task.Period.End < today ? task.Period.End : today;
        var version = new EvidenceVersion
        {
            Number = 1,
            Sha256 = evidence.Content is null ? null : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(evidence.Content)),
            FileName = evidence.Content is null ? null : evidence.FileName,
            Size = evidence.Content?.LongLength ?? 0,
            MediaType = evidence.Content is null ? null : evidence.MediaType,
            Url = evidence.Content is null ? evidence.Url!.Trim() : null,
            CollectedAt = clock.GetUtcNow(),
            EffectiveFrom = task.Period.Start,
            EffectiveTo = end == task.Period.Start ? null : end,
        };
        var item = new EvidenceItem
        {
            Id = "",
            Title = string.IsNullOrWhiteSpace(evidence.Title) ? $"{control.Title} — {task.Period}" : evidence.Title.Trim(),
            Source = $"task {task.Id}",
            ControlIds = [control.Id],
            Versions = [version],
        };
        return await program.AddEvidenceAsync(account, item, evidence.Content, c => c.Id == control.Id && MayAct(account, task, c), ct);
    }

    /// <summary>Gives a task to another person (managers and the control's owner).</summary>
    public async Task<Result<ControlTask>> ReassignAsync(Account account, string id, string assignee, CancellationToken ct)
    {
        var found = await FindAsync(account, id, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (task, control) = found.Value;
        if (!account.EditsControl(control))
        {
            return new Error(ErrorCodes.Forbidden, $"only a compliance manager or {control.Id}'s owner reassigns its tasks");
        }

        var who = (assignee ?? "").Trim();
        if (who.Length is 0 or > 320 || who.Any(char.IsControl))
        {
            return new Error(ErrorCodes.InvalidTask, "give the e-mail of the person who takes the task (at most 320 characters)", "assignee");
        }

        var note = (task.Note ?? new ControlTaskNote(task.ControlId, task.Period.Start)) with { Assignee = who };
        return await SaveAsync(account, "task.reassign", task, note, new { assignee = who, previous = task.Owner }, ct);
    }

    /// <summary>Puts an overdue or open task off until a later day (at most <see cref="MaxSnoozeDays"/> ahead), with a reason.</summary>
    public async Task<Result<ControlTask>> SnoozeAsync(Account account, string id, DateOnly until, string reason, CancellationToken ct)
    {
        var found = await FindAsync(account, id, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (task, control) = found.Value;
        if (!MayAct(account, task, control))
        {
            return new Error(ErrorCodes.Forbidden, $"task {task.Id} is {Whose(task)}");
        }

        if (!task.Status.IsPending())
        {
            return new Error(ErrorCodes.InvalidTask, $"task {task.Id} is {task.Status.ToWire()}: only open or overdue tasks are snoozed", "id");
        }

        var today = Today;
        if (until <= today || until > today.AddDays(MaxSnoozeDays))
        {
            return new Error(ErrorCodes.InvalidTask, $"snooze until a day after today and at most {MaxSnoozeDays} days ahead ({CalendarDates.Format(today.AddDays(1))}..{CalendarDates.Format(today.AddDays(MaxSnoozeDays))})", "until");
        }

        if (Reason(reason) is not { } why)
        {
            return new Error(ErrorCodes.InvalidTask, "say why the task is put off (1 to 2000 characters)", "reason");
        }

        var note = (task.Note ?? new ControlTaskNote(task.ControlId, task.Period.Start)) with { SnoozedUntil = until, SnoozeReason = why };
        return await SaveAsync(account, "task.snooze", task, note, new { until, reason = why }, ct);
    }

    /// <summary>
    /// Records that the control had nothing to operate on in the task's period (no joiner to screen, no change to
    /// approve), with a reason; the task is then finished without evidence. Refused once evidence shows it done.
    /// </summary>
    public async Task<Result<ControlTask>> DidNotOccurAsync(Account account, string id, string reason, CancellationToken ct)
    {
        var found = await FindAsync(account, id, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (task, control) = found.Value;
        if (!MayAct(account, task, control))
        {
            return new Error(ErrorCodes.Forbidden, $"task {task.Id} is {Whose(task)}");
        }

        if (task.Status == ControlTaskStatus.Done)
        {
            return new Error(ErrorCodes.InvalidTask, $"task {task.Id} is done: evidence {string.Join(", ", task.Evidence)} shows it occurred", "id");
        }

        if (Reason(reason) is not { } why)
        {
            return new Error(ErrorCodes.InvalidTask, "say why the control did not operate in the period (1 to 2000 characters)", "reason");
        }

        var note = (task.Note ?? new ControlTaskNote(task.ControlId, task.Period.Start)) with { DidNotOccurReason = why };
        return await SaveAsync(account, "task.did-not-occur", task, note, new { reason = why }, ct);
    }

    private static bool MayAct(Account account, ControlTask task, Control control) =>
        account.EditsControl(control) || (account.Scope is null && string.Equals(task.Owner, account.Email, StringComparison.OrdinalIgnoreCase));

    private static string Whose(ControlTask task) => task.Owner.Length == 0 ? "unassigned" : $"{task.Owner}'s";

    private static string? Reason(string? reason)
    {
        var r = reason?.Trim();
        return string.IsNullOrEmpty(r) || r.Length > 2000 ? null : r;
    }

    private async Task<Result<ControlTask>> SaveAsync(Account account, string action, ControlTask task, ControlTaskNote note, object change, CancellationToken ct)
    {
        await store.SaveControlTaskNoteAsync(AuditRecords.Of(clock, account, action, $"tasks/{task.Id}", change), note, ct);
        program.Changed();
        return await GetAsync(account, task.Id, ct);
    }

    private async Task<Result<(ControlTask Task, Control Control)>> FindAsync(Account account, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.Scope is not null)
        {
            return new Error(ErrorCodes.UnknownTask, $"no task '{id}'");
        }

        var parsed = ControlTasks.ParseId(id);
        if (!parsed.IsSuccess)
        {
            return parsed.Error!;
        }

        var (controlId, start) = parsed.Value;
        var p = await program.LoadAsync(ct);
        var control = p.Controls.FirstOrDefault(c => c.Id == controlId);
        if (control is null)
        {
            return new Error(ErrorCodes.UnknownTask, $"no task '{id}': no control '{controlId}'", "id");
        }

        var period = ControlTasks.PeriodOf(control, start);
        if (!period.IsSuccess)
        {
            return period.Error!;
        }

        var today = Today;
        if (start > today)
        {
            return new Error(ErrorCodes.UnknownTask, $"task {id} has not started: its period begins {CalendarDates.Format(start)}", "id");
        }

        var note = p.TaskNotes.FirstOrDefault(n => n.ControlId == controlId && n.PeriodStart == start);
        var task = ControlTasks.Between([control], p.Evidence, note is null ? [] : [note], start, today).First(t => t.Period.Start == start);
        return (task, control);
    }
}

/// <summary>What completes a task: a file (bytes, name, media type) or a link, and an optional title.</summary>
/// <param name="Content">File bytes; null for a link.</param>
/// <param name="FileName">File name (sanitized by the caller).</param>
/// <param name="MediaType">Media type of the file.</param>
/// <param name="Url">Link; null for a file.</param>
/// <param name="Title">Evidence title (default: the control's title and the period).</param>
public sealed record TaskEvidence(byte[]? Content, string? FileName, string? MediaType, string? Url, string? Title = null);
