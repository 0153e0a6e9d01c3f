using System.CommandLine;
using System.Globalization;
using Trellis.Application.Compliance;
using Trellis.Cli.Output;
using Trellis.Core.Common;
using Trellis.Core.Program;

namespace Trellis.Cli.Commands;

/// <summary>
/// <c>trellis judge &lt;fw&gt; &lt;requirement-id&gt; (--sufficient --controls AC-01,AC-02 | --not-relevant) --rationale TEXT [--by EMAIL]</c>
/// and <c>trellis judgements</c> (issue 13, item 4; docs/crosswalk-rules.md, rule 8).
/// </summary>
internal static class JudgementCommands
{
    public static IEnumerable<Command> Create(CliContext ctx)
    {
        yield return Judge(ctx);
        yield return List(ctx);
    }

    private static Command Judge(CliContext ctx)
    {
        var framework = new Argument<string>("framework") { Description = "The framework, e.g. soc2-2017." };
        var requirement = new Argument<string>("requirement-id") { Description = "A requirement or point of focus, e.g. CC1.2 or CC1.2-POF3." };
        var sufficient = new Option<bool>("--sufficient") { Description = "Sufficiently met by the controls named with --controls (counts as covered while they stand)." };
        var notRelevant = new Option<bool>("--not-relevant") { Description = "A point of focus not relevant to the system: it does not count." };
        var controls = new Option<string?>("--controls") { Description = "Controls relied on, comma-separated (with --sufficient)." };
        var rationale = new Option<string>("--rationale") { Description = "Why, in your words.", Required = true };
        var by = new Option<string?>("--by") { Description = "Who judged (e-mail); the acting account by default." };
        var withdraw = new Option<bool>("--withdraw") { Description = "Withdraw the judgement of this requirement instead." };
        var format = Options.Format("table", "json");
        var db = Db.Option();
        var cmd = new Command("judge", "Record that a requirement is sufficiently met by named controls, or that a point of focus is not relevant; audited.")
        {
            framework, requirement, sufficient, notRelevant, controls, rationale, by, withdraw, format, db,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            if (parse.GetValue(withdraw))
            {
                var gone = CliContext.Require(await useCases.Program.WithdrawJudgementAsync(
                    useCases.Actor, new Core.Crosswalk.RequirementRef(parse.GetValue(framework)!, parse.GetValue(requirement)!), ct).ConfigureAwait(false));
                await ctx.Out.WriteLineAsync($"withdrew the judgement of {gone.Requirement}").ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            if (parse.GetValue(sufficient) == parse.GetValue(notRelevant))
            {
                throw new CliFailureException(new Error(ErrorCodes.InvalidJudgement, "say --sufficient (with --controls) or --not-relevant", "--sufficient"));
            }

            var request = new JudgementRequest(
                parse.GetValue(framework)!,
                parse.GetValue(requirement)!,
                parse.GetValue(sufficient) ? JudgementKind.Sufficient : JudgementKind.NotRelevant,
                (parse.GetValue(controls) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                parse.GetValue(rationale)!,
                parse.GetValue(by));
            var state = CliContext.Require(await useCases.Program.JudgeAsync(useCases.Actor, request, ct).ConfigureAwait(false));
            if (parse.GetValue(format) == "json")
            {
                Render.WriteJson(ctx.Out, new { requirement = state.Judgement.Requirement.ToString(), judgement = JudgementView.From(state) });
            }
            else
            {
                await ctx.Out.WriteLineAsync($"judged {state.Judgement.Requirement} {state.Judgement.Kind.ToWire()} ({(state.Active ? "active" : "lapsed: " + string.Join("; ", state.LapsedBecause))})").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command List(CliContext ctx)
    {
        var format = Options.Format("table", "json");
        var db = Db.Option();
        var cmd = new Command("judgements", "Every judgement of sufficiency or relevance, and whether it still holds (active) or lapsed, and why.") { format, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var all = await useCases.Program.JudgementsAsync(useCases.Actor, ct).ConfigureAwait(false);
            if (parse.GetValue(format) == "json")
            {
                Render.WriteJson(ctx.Out, all.Select(s => new { requirement = s.Judgement.Requirement.ToString(), judgement = JudgementView.From(s) }));
            }
            else
            {
                Render.WriteTable(
                    ctx.Out,
                    ["requirement", "kind", "state", "by", "at", "controls", "why lapsed"],
                    all.Select(s => (IReadOnlyList<string?>)
                    [
                        s.Judgement.Requirement.ToString(), s.Judgement.Kind.ToWire(), s.Active ? "active" : "lapsed", s.Judgement.By,
                        s.Judgement.At.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), string.Join(" ", s.Judgement.Controls.Select(c => c.Id)),
                        string.Join("; ", s.LapsedBecause),
                    ]),
                    $"{all.Count} judgements, {all.Count(s => !s.Active)} lapsed");
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }
}
