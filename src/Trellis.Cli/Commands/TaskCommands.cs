using System.CommandLine;
using Trellis.Application.Compliance;
using Trellis.Application.Operations;
using Trellis.Cli.Output;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Core.Operations;
using Trellis.Core.Program;

namespace Trellis.Cli.Commands;

/// <summary>
/// <c>trellis tasks [--mine EMAIL] [--due-before YYYY-MM-DD] [--pending]</c> and <c>tasks complete|reassign|snooze|did-not-occur</c>:
/// the recurring work of the controls' cadences (docs/operations.md, "Recurring tasks").
/// </summary>
internal static class TaskCommands
{
    public static IEnumerable<Command> Create(CliContext ctx)
    {
        var mine = new Option<string?>("--mine") { Description = "Only tasks of this person (e-mail)." };
        var dueBefore = new Option<string?>("--due-before") { Description = "Only tasks due on or before this day (YYYY-MM-DD)." };
        var since = new Option<string?>("--since") { Description = $"Tasks of periods from this day on (default: {ControlTasks.DefaultLookbackDays} days ago)." };
        var pending = new Option<bool>("--pending") { Description = "Only open, overdue and snoozed tasks." };
        var format = Options.Format("table", "json");
        var db = Db.Option();
        var cmd = new Command("tasks", "The recurring work of each implemented control's cadence: who does it, when it is due, where it stands.")
        {
            mine, dueBefore, since, pending, format, db,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var query = new TaskQuery(
                parse.GetValue(since) is { } s ? ProgramCommands.ParseDate(s, "--since") : null,
                parse.GetValue(mine),
                parse.GetValue(dueBefore) is { } d ? ProgramCommands.ParseDate(d, "--due-before") : null,
                parse.GetValue(pending));
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var tasks = CliContext.Require(await useCases.Tasks.ListAsync(useCases.Actor, query, ct).ConfigureAwait(false));
            if (parse.GetValue(format) == "json")
            {
                Render.WriteJson(ctx.Out, tasks.Select(Json));
            }
            else
            {
                Render.WriteTable(
                    ctx.Out,
                    ["id", "control", "owner", "due", "status", "period", "evidence / note"],
                    tasks.Select(t => (IReadOnlyList<string?>)
                    [
                        t.Id, t.ControlId, t.Owner, CalendarDates.Format(t.Due), t.Status.ToWire(), t.Period.ToString(),
                        t.Evidence.Count > 0 ? string.Join(" ", t.Evidence) : t.Note?.DidNotOccurReason ?? (t.Note?.SnoozedUntil is { } u ? $"snoozed until {CalendarDates.Format(u)}: {t.Note.SnoozeReason}" : ""),
                    ]),
                    $"{tasks.Count} tasks: {tasks.Count(t => t.Status == ControlTaskStatus.Overdue)} overdue, {tasks.Count(t => t.Status == ControlTaskStatus.Open)} open, {tasks.Count(t => t.Status == ControlTaskStatus.Done)} done");
            }

            return ExitCodes.Ok;
        });
        cmd.Subcommands.Add(Complete(ctx));
        cmd.Subcommands.Add(Reassign(ctx));
        cmd.Subcommands.Add(Snooze(ctx));
        cmd.Subcommands.Add(DidNotOccur(ctx));
        yield return cmd;
    }

    /// <summary>The JSON of a task: <c>id</c>, <c>control</c>, <c>owner</c>, <c>due</c>, <c>status</c>, and the period, evidence and note.</summary>
    internal static object Json(ControlTask t) => new
    {
        id = t.Id,
        control = t.ControlId,
        controlTitle = t.ControlTitle,
        owner = t.Owner,
        due = t.Due,
        status = t.Status.ToWire(),
        cadence = t.Cadence.ToWire(),
        period = new { from = t.Period.Start, to = t.Period.End },
        evidence = t.Evidence,
        snoozedUntil = t.Status == ControlTaskStatus.Snoozed ? t.Note?.SnoozedUntil : null,
        snoozeReason = t.Status == ControlTaskStatus.Snoozed ? t.Note?.SnoozeReason : null,
        didNotOccurReason = t.Note?.DidNotOccurReason,
    };

    private static Command Complete(CliContext ctx)
    {
        var id = new Argument<string>("id") { Description = "The task, e.g. AC-07@2026-10-01." };
        var evidence = new Option<string>("--evidence") { Description = "A file to store or an http(s) URL: the evidence the occurrence happened.", Required = true };
        var title = new Option<string?>("--title") { Description = "Evidence title (default: the control and the period)." };
        var db = Db.Option();
        var cmd = new Command("complete", "Complete a task: its evidence is effective for the task's period, so the ledger and readiness count it.") { id, evidence, title, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var target = await ProgramCommands.ReadFileOrLinkAsync(parse.GetValue(evidence)!, ct).ConfigureAwait(false);
            var given = new TaskEvidence(target.Content, target.FileName, target.MediaType, target.Url, parse.GetValue(title));
            var saved = CliContext.Require(await useCases.Tasks.CompleteAsync(useCases.Actor, parse.GetValue(id)!, given, ct).ConfigureAwait(false));
            var v = saved.Value.Current;
            await ctx.Out.WriteLineAsync($"completed {parse.GetValue(id)} with {saved.Value.Id}: effective {CalendarDates.Format(v.EffectiveFrom)}..{CalendarDates.Format(v.EffectiveEnd)}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Reassign(CliContext ctx)
    {
        var id = new Argument<string>("id") { Description = "The task." };
        var to = new Option<string>("--to") { Description = "E-mail of the person who takes it.", Required = true };
        var db = Db.Option();
        var cmd = new Command("reassign", "Give a task to another person; audited.") { id, to, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var task = CliContext.Require(await useCases.Tasks.ReassignAsync(useCases.Actor, parse.GetValue(id)!, parse.GetValue(to)!, ct).ConfigureAwait(false));
            await ctx.Out.WriteLineAsync($"{task.Id} is now {task.Owner}'s").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Snooze(CliContext ctx)
    {
        var id = new Argument<string>("id") { Description = "The task." };
        var until = new Option<string>("--until") { Description = "The last day it is put off (YYYY-MM-DD).", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why.", Required = true };
        var db = Db.Option();
        var cmd = new Command("snooze", $"Put an open or overdue task off, at most {TaskService.MaxSnoozeDays} days, with a reason; audited.") { id, until, reason, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var task = CliContext.Require(await useCases.Tasks.SnoozeAsync(
                useCases.Actor, parse.GetValue(id)!, ProgramCommands.ParseDate(parse.GetValue(until)!, "--until"), parse.GetValue(reason)!, ct).ConfigureAwait(false));
            await ctx.Out.WriteLineAsync($"{task.Id} {task.Status.ToWire()} until {CalendarDates.Format(task.Note!.SnoozedUntil!.Value)}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command DidNotOccur(CliContext ctx)
    {
        var id = new Argument<string>("id") { Description = "The task." };
        var reason = new Option<string>("--reason") { Description = "Why the control had nothing to operate on (no joiner, no change).", Required = true };
        var db = Db.Option();
        var cmd = new Command("did-not-occur", "Record that the control had nothing to operate on in the task's period, with a reason; audited.") { id, reason, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var task = CliContext.Require(await useCases.Tasks.DidNotOccurAsync(useCases.Actor, parse.GetValue(id)!, parse.GetValue(reason)!, ct).ConfigureAwait(false));
            await ctx.Out.WriteLineAsync($"{task.Id} {task.Status.ToWire()}: {task.Note!.DidNotOccurReason}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
