using System.CommandLine;
using System.Text;
using Trellis.Cli.Output;
using Trellis.Content;
using Trellis.Core.Program;
using Trellis.Core.Readiness;
using Trellis.Data;

namespace Trellis.Cli.Commands;

/// <summary><c>trellis soa</c>, <c>readiness</c> and <c>gap</c>: the program judged against a framework.</summary>
internal static class ReadinessCommands
{
    public static IEnumerable<Command> Create(CliContext ctx)
    {
        yield return Soa(ctx);
        yield return Readiness(ctx, gapOnly: false);
        yield return Readiness(ctx, gapOnly: true);
    }

    private static Command Soa(CliContext ctx)
    {
        var db = Db.Option();
        var format = Options.Format("md", "csv", "json");
        var cmd = new Command("soa", "The Statement of Applicability: all 93 Annex A controls with applicability, justification, status, controls, risks and drift.") { db, format };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var rows = CliContext.Require(await useCases.Program.SoaAsync(useCases.Actor, ct).ConfigureAwait(false));
            switch (parse.GetValue(format))
            {
                case "json":
                    Render.WriteJson(ctx.Out, rows.Select(r => new
                    {
                        control = r.Control,
                        title = r.Title,
                        applicable = r.Applicable,
                        justification = r.Justification,
                        reasons = r.Reasons.Select(x => x.ToWire()),
                        status = r.Status.ToWire(),
                        controls = r.Controls,
                        risks = r.Risks,
                        drift = r.Drift,
                    }));
                    break;
                case "csv":
                    Render.WriteCsv(ctx.Out, ["control", "title", "applicable", "justification", "reasons", "status", "controls", "risks", "drift"], rows.Select(Cells));
                    break;
                default:
                    WriteMarkdown(ctx.Out, await useCases.Program.LoadAsync(ct).ConfigureAwait(false), rows);
                    break;
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static IReadOnlyList<string?> Cells(SoaRow r) =>
    [
        r.Control, r.Title, r.Applicable ? "yes" : "no", r.Justification, string.Join("; ", r.Reasons.Select(x => x.ToWire())),
        r.Status.ToWire(), string.Join(" ", r.Controls), string.Join(" ", r.Risks), string.Join("; ", r.Drift),
    ];

    private static void WriteMarkdown(TextWriter o, ComplianceProgram program, IReadOnlyList<SoaRow> rows)
    {
        static string Md(string? s) => (s ?? string.Empty).Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        o.WriteLine($"# Statement of Applicability — {Md(program.Organization)}");
        o.WriteLine();
        o.WriteLine(program.SoaApproval is { } a ? $"Version {Md(a.Version)}, approved by {Md(a.ApprovedBy)} on {a.ApprovedOn:yyyy-MM-dd}." : "Not approved.");
        o.WriteLine();
        o.WriteLine($"{rows.Count(r => r.Applicable)} applicable, {rows.Count(r => !r.Applicable)} excluded, {rows.Count(r => r.Drift.Count > 0)} with drift.");
        o.WriteLine();
        o.WriteLine("| Control | Title | Applicable | Justification | Reasons | Status | Controls | Risks | Drift |");
        o.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            o.WriteLine("| " + string.Join(" | ", Cells(r).Select(Md)) + " |");
        }
    }

    private static Command Readiness(CliContext ctx, bool gapOnly)
    {
        var db = Db.Option();
        var framework = new Argument<string>("framework") { Description = "Framework to judge, e.g. soc2-2017 or iso27001-2022." };
        var from = new Option<string?>("--from")
        {
            Description = "Credit only controls mapped into this framework (e.g. iso27001-2022: what remains for SOC 2 after the ISMS).",
        };
        var format = Options.Format("table", "json");
        var cmd = gapOnly
            ? new Command("gap", "What is not covered for a framework, and what would close it.") { framework, from, format, db }
            : new Command("readiness", "Per requirement: covered, partial, gap or not-applicable, with controls, evidence and reasons.") { framework, from, format, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var fw = CliContext.Require((await useCases.Program.CatalogAsync(ct).ConfigureAwait(false)).Framework(parse.GetValue(framework)!));
            var report = CliContext.Require(await useCases.Program.ReadinessAsync(useCases.Actor, fw.Id, parse.GetValue(from), ct).ConfigureAwait(false));
            if (gapOnly && parse.GetValue(format) == "json")
            {
                var gaps = CliContext.Require(await useCases.Program.GapsAsync(useCases.Actor, fw.Id, parse.GetValue(from), ct).ConfigureAwait(false));
                Render.WriteJson(ctx.Out, gaps.Select(g => new
                {
                    id = g.Requirement.Id,
                    title = g.Requirement.Title,
                    status = g.Requirement.Status.ToWire(),
                    reasons = g.Requirement.Reasons,
                    closers = g.Requirement.Closers,
                    missingPointsOfFocus = g.MissingPointsOfFocus.Select(m => new
                    {
                        id = m.Id,
                        title = m.Title,
                        status = m.Status.ToWire(),
                        suggestedRequirements = m.SuggestedRequirements,
                        suggestedControls = m.SuggestedControls,
                        freshControls = m.FreshControls,
                        note = m.Note,
                    }),
                }));
                return ExitCodes.Ok;
            }

            var requirements = gapOnly
                ? report.Requirements.Where(r => r.Status is ReadinessStatus.Partial or ReadinessStatus.Gap).ToList()
                : report.Requirements;
            var summary = report.Summary.ToDictionary(kv => kv.Key.ToWire(), kv => kv.Value);
            if (parse.GetValue(format) == "json")
            {
                Render.WriteJson(ctx.Out, new
                {
                    framework = report.Framework,
                    asOf = report.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    creditedFrom = report.CreditedFrom,
                    summary,
                    requirements = requirements.Select(r => new
                    {
                        id = r.Id,
                        title = r.Title,
                        status = r.Status.ToWire(),
                        controls = r.Controls,
                        evidence = r.Evidence,
                        reasons = r.Reasons,
                        closers = r.Closers,
                        pointsOfFocus = r.PointsOfFocus.Select(p => new
                        {
                            id = p.Id,
                            title = p.Title,
                            status = p.Status.ToWire(),
                            controls = p.Controls,
                            judgement = Application.Compliance.JudgementView.From(p.Judgement),
                        }),
                        judgement = Application.Compliance.JudgementView.From(r.Judgement),
                    }),
                });
            }
            else
            {
                var title = new StringBuilder($"{fw.Name} as of {report.AsOf:yyyy-MM-dd}");
                if (report.CreditedFrom is not null)
                {
                    title.Append($", crediting only {report.CreditedFrom}");
                }

                title.Append(": ").Append(string.Join(", ", summary.Select(kv => $"{kv.Key} {kv.Value}")));
                Render.WriteTable(
                    ctx.Out,
                    gapOnly ? ["id", "status", "why", "what would close it"] : ["id", "status", "controls", "why"],
                    requirements.Select(r => gapOnly
                        ? (IReadOnlyList<string?>)[r.Id, r.Status.ToWire(), string.Join("; ", r.Reasons.Take(3)), string.Join("; ", r.Closers)]
                        : [r.Id, r.Status.ToWire(), string.Join(" ", r.Controls), string.Join("; ", r.Reasons.Take(2))]),
                    title.ToString());
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }
}
