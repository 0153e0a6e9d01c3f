using System.CommandLine;
using Trellis.Cli.Output;
using Trellis.Core.Common;

namespace Trellis.Cli.Commands;

/// <summary><c>trellis notify --dry-run</c>: what today's digest would tell each person (docs/operations.md, "Daily digest").</summary>
internal static class NotifyCommands
{
    public static IEnumerable<Command> Create(CliContext ctx)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the digests without sending or storing anything." };
        var format = Options.Format("table", "json");
        var db = Db.Option();
        var cmd = new Command("notify", "The daily digest per person: overdue and due tasks, evidence going stale, overdue corrective actions, lapsed judgements.")
        {
            dryRun, format, db,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            if (!parse.GetValue(dryRun))
            {
                // Sending belongs to the scheduler inside `trellis serve` (once per slot across instances); not built yet.
                throw new CliFailureException(new Error(ErrorCodes.InvalidOption, "only --dry-run is available: digests are not sent yet (issue 17, item 2: mail and the scheduler)", "--dry-run"));
            }

            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
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
    }
}
