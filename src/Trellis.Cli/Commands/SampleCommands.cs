using System.CommandLine;
using System.Globalization;
using Trellis.Application.Engagements;
using Trellis.Cli.Output;
using Trellis.Core.Audits;
using Trellis.Core.Common;

namespace Trellis.Cli.Commands;

/// <summary>
/// <c>trellis sample ENGAGEMENT CONTROL [--size N] [--seed S] [--population POP-…]</c>: draws and records a sample of a
/// control's population in an engagement (issue 16, item 3); each item becomes a request. Prints the items; the sample's
/// ID and seed go to standard error so the JSON stays an array.
/// </summary>
internal static class SampleCommands
{
    public static IEnumerable<Command> Create(CliContext ctx)
    {
        var db = Db.Option();
        var engagement = new Argument<string>("engagement") { Description = "The engagement." };
        var control = new Argument<string>("control") { Description = "The control tested." };
        var size = new Option<int?>("--size") { Description = "Items to draw. The default follows the control's frequency (annual 1, quarterly 2, monthly 2, weekly 5, daily 20, several a day 25: practice, not a standard)." };
        var seed = new Option<string?>("--seed") { Description = "The seed (0 to 18446744073709551615); the same seed draws the same items. The default is a fresh random seed, recorded." };
        var population = new Option<string?>("--population") { Description = "An uploaded population's ID; the default is the control's occurrences in the window (the ledger)." };
        var format = Options.Format("table", "json");
        var cmd = new Command("sample", "Draw a reproducible sample of a control's population in an engagement and raise a request per item.")
        {
            engagement, control, size, seed, population, format, db,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            ulong? s = null;
            if (parse.GetValue(seed) is { } text)
            {
                s = ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
                    ? v
                    : CliContext.Require(Result<ulong>.Fail(new Error(ErrorCodes.InvalidSample, $"--seed is a whole number from 0 to {ulong.MaxValue} (got '{text}')", "--seed")));
            }

            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var drawn = CliContext.Require(await useCases.Engagements.DrawSampleAsync(
                useCases.Actor, parse.GetValue(engagement)!, new DrawSample(parse.GetValue(control)!, parse.GetValue(size), s, parse.GetValue(population)), ct).ConfigureAwait(false));
            await ctx.Err.WriteLineAsync($"sample {drawn.Id}: {drawn.Items.Count} of {drawn.PopulationSize} ({drawn.PopulationSource}), seed {drawn.Seed.ToString(CultureInfo.InvariantCulture)}, requests {string.Join(", ", drawn.RequestIds)}").ConfigureAwait(false);
            var items = drawn.Items.Select(i => new { item = i.Item, occurredOn = i.OccurredOn, evidence = i.Evidence }).ToList();
            if (parse.GetValue(format) == "json")
            {
                Render.WriteJson(ctx.Out, items);
            }
            else
            {
                Render.WriteTable(ctx.Out, ["Item", "Occurred on", "Evidence"], items.Select(i => (IReadOnlyList<string?>)[i.item, i.occurredOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), string.Join(", ", i.evidence)]));
            }

            return ExitCodes.Ok;
        });
        yield return cmd;
        yield return Reuse(ctx);
    }

    // trellis reuse ENGAGEMENT [--request REQ-…] [--due YYYY-MM-DD]: lists the occurrences tested and accepted in an
    // overlapping engagement that this one may reuse, or reuses one (a request here answered with the same evidence).
    private static Command Reuse(CliContext ctx)
    {
        var db = Db.Option();
        var engagement = new Argument<string>("engagement") { Description = "The engagement that would reuse the occurrence." };
        var request = new Option<string?>("--request") { Description = "The accepted request (REQ-…) of the other engagement to reuse here; without it, the offers are listed." };
        var due = new Option<string?>("--due") { Description = "When this engagement's auditor should decide (YYYY-MM-DD); the default is 14 days from today." };
        var format = Options.Format("table", "json");
        var cmd = new Command("reuse", "Occurrences sampled and accepted in an overlapping audit (ISO surveillance and a SOC 2 Type 2 window) that this engagement may reuse; --request reuses one.")
        {
            engagement, request, due, format, db,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            DateOnly? dueOn = parse.GetValue(due) is { } text ? CliContext.Require(CalendarDates.Parse(text, "--due")) : null;
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var id = parse.GetValue(engagement)!;
            if (parse.GetValue(request) is { } from)
            {
                var reused = CliContext.Require(await useCases.Engagements.ReuseAsync(useCases.Actor, id, from, dueOn, ct).ConfigureAwait(false));
                await ctx.Err.WriteLineAsync($"{reused.Id} raised in {id}: {from}'s occurrence, answered with {string.Join(", ", reused.EvidenceIds)}; the auditor of {id} accepts or flags it").ConfigureAwait(false);
                Render.WriteJson(ctx.Out, new { id = reused.Id, engagement = id, reusedFrom = from, control = reused.ControlId, item = reused.SampleItem, evidence = reused.EvidenceIds });
                return ExitCodes.Ok;
            }

            var offers = CliContext.Require(await useCases.Engagements.ReuseOffersAsync(useCases.Actor, id, ct).ConfigureAwait(false));
            var rows = offers.Select(o => new { request = o.FromRequest, engagement = o.FromEngagement, sample = o.FromSample, control = o.ControlId, item = o.Item, occurredOn = o.OccurredOn, evidence = o.EvidenceIds }).ToList();
            if (parse.GetValue(format) == "json")
            {
                Render.WriteJson(ctx.Out, rows);
            }
            else
            {
                Render.WriteTable(ctx.Out, ["Request", "Tested in", "Control", "Occurrence", "Evidence"], rows.Select(r => (IReadOnlyList<string?>)[r.request, r.engagement, r.control, r.item, string.Join(", ", r.evidence)]));
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }
}
