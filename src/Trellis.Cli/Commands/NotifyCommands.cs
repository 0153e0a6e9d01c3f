using System.CommandLine;
using System.Globalization;
using Trellis.Application.Operations;
using Trellis.Cli.Output;
using Trellis.Core.Common;

namespace Trellis.Cli.Commands;

/// <summary>
/// <c>trellis notify</c>: runs the digest job now for its latest slot (once per slot, like the scheduler in <c>serve</c>);
/// <c>--dry-run</c> shows what today's digest would tell each person (docs/operations.md, "Notifications").
/// </summary>
internal static class NotifyCommands
{
    public static IEnumerable<Command> Create(CliContext ctx)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the digests without sending or storing anything (without it: run the digest job for its latest slot now)." };
        var format = Options.Format("table", "json");
        var db = Db.Option();
        var cmd = new Command("notify", "The daily digest per person: overdue and due tasks, evidence going stale, overdue corrective actions, lapsed judgements.")
        {
            dryRun, format, db,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            if (!parse.GetValue(dryRun))
            {
                return await RunAsync(ctx, useCases, parse.GetValue(format) == "json", ct).ConfigureAwait(false);
            }

            var digests = await useCases.Digests.ComputeAsync(ct).ConfigureAwait(false);
            if (parse.GetValue(format) == "json")
            {
                Render.WriteJson(ctx.Out, digests.Select(d => new
                {
                    person = d.Person,
                    day = d.Day,
                    subject = d.Subject,
                    items = d.Items.Select(i => new { kind = i.Kind, subject = i.Subject, text = i.Text, on = i.On }),
                }));
            }
            else
            {
                Render.WriteTable(
                    ctx.Out,
                    ["person", "kind", "subject", "what"],
                    digests.SelectMany(d => d.Items.Select(i => (IReadOnlyList<string?>)[d.Person, i.Kind, i.Subject, i.Text])),
                    $"{digests.Count} digests (dry run: nothing sent)");
            }

            return ExitCodes.Ok;
        });
        yield return cmd;
        yield return Notifications(ctx);
    }

    // The in-app list of whoever acts (--as EMAIL: that account's list, as /notifications shows it).
    private static Command Notifications(CliContext ctx)
    {
        var unread = new Option<bool>("--unread") { Description = "Only lines not yet read." };
        var format = Options.Format("table", "json");
        var db = Db.Option();
        var cmd = new Command("notifications", "Your in-app notifications, newest first (with --as EMAIL: that account's).") { unread, format, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var lines = await useCases.Notifications.ListAsync(useCases.Actor, parse.GetValue(unread), ct).ConfigureAwait(false);
            if (parse.GetValue(format) == "json")
            {
                Render.WriteJson(ctx.Out, lines.Select(l => new { id = l.Id, kind = l.Kind, subject = l.Subject, text = l.Text, day = l.Day, at = l.At, read = l.ReadAt is not null }));
            }
            else
            {
                Render.WriteTable(
                    ctx.Out,
                    ["id", "at", "kind", "what", "read"],
                    lines.Select(l => (IReadOnlyList<string?>)[l.Id.ToString(CultureInfo.InvariantCulture), l.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), l.Kind, l.Text, l.ReadAt is null ? "no" : "yes"]),
                    $"{lines.Count} notifications for {useCases.Actor.Email}");
            }

            return ExitCodes.Ok;
        });

        var ids = new Argument<long[]>("ids") { Description = "The lines to mark read (none: all unread).", Arity = ArgumentArity.ZeroOrMore };
        var readDb = Db.Option();
        var read = new Command("read", "Mark your in-app notifications read (audited as notification.read).") { ids, readDb };
        read.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, readDb, ctx, ct).ConfigureAwait(false);
            var given = parse.GetValue(ids) ?? [];
            var changed = CliContext.Require(await useCases.Notifications.MarkReadAsync(useCases.Actor, given.Length == 0 ? null : given, ct).ConfigureAwait(false));
            ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{changed} marked read"));
            return ExitCodes.Ok;
        });
        cmd.Subcommands.Add(read);
        return cmd;
    }

    // The digest job now, through the scheduler's own code path: the latest slot of Trellis:Scheduler:Digest (in its
    // time zone), claimed in the database, so a slot a `serve` instance already ran is not run again.
    private static async Task<int> RunAsync(CliContext ctx, UseCases useCases, bool json, CancellationToken ct)
    {
        var s = useCases.Scheduler;
        var schedule = CliContext.Require(JobSchedule.Parse(NotificationJobs.Digest, s.Digest, s.TimeZone, SchedulerOptions.Section + ":Digest"));
        if (schedule.LatestSlot(ctx.Clock.GetUtcNow()) is not { } slot)
        {
            throw new CliFailureException(new Error(ErrorCodes.InvalidOption, $"the digest schedule '{s.Digest}' had no occurrence in the last eight days", SchedulerOptions.Section + ":Digest"));
        }

        var outcome = await useCases.Jobs.RunAsync(NotificationJobs.Digest, slot, ct).ConfigureAwait(false);
        if (json)
        {
            Render.WriteJson(ctx.Out, new { job = outcome.Job, slot = outcome.Slot, status = outcome.Status, people = outcome.People, mailed = outcome.Mailed, mailFailed = outcome.MailFailed, mailOff = outcome.MailOff });
        }
        else
        {
            ctx.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"digest slot {outcome.Slot:yyyy-MM-dd HH:mm}Z: {outcome.Status}, {outcome.People} people, {outcome.Mailed} mailed, {outcome.MailFailed} mail failures"));
            if (outcome.MailOff)
            {
                ctx.Out.WriteLine("No SMTP server configured (Trellis__Smtp__Host): no mail attempted; the in-app lists are filled.");
            }
        }

        return ExitCodes.Ok;
    }
}
