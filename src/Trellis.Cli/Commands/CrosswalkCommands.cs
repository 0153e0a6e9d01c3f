using System.CommandLine;
using System.Globalization;
using Trellis.Application.Catalogs;
using Trellis.Cli.Output;
using Trellis.Content;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;

namespace Trellis.Cli.Commands;

/// <summary><c>trellis crosswalk</c>, <c>trellis coverage</c> and <c>trellis guide-table</c>.</summary>
internal static class CrosswalkCommands
{
    /// <summary>The CSV header of <c>trellis crosswalk --format csv</c> (a stable contract).</summary>
    public static readonly string[] CsvHeader = ["source", "target", "relationship", "rationale", "strength", "origin", "path"];

    public static IEnumerable<Command> Create(CliContext ctx)
    {
        yield return Crosswalk(ctx);
        yield return Coverage(ctx);
        yield return GuideTable(ctx);
    }

    private static Command Crosswalk(CliContext ctx)
    {
        var from = new Argument<string>("from") { Description = "Framework whose requirements are on the left." };
        var to = new Argument<string>("to") { Description = "Framework whose requirements are on the right." };
        var inferred = new Option<bool>("--inferred") { Description = "Add links inferred through pivot frameworks (depth ≤ 3)." };
        var format = Options.Format("table", "csv", "json");
        var db = Db.Option();
        var cmd = new Command("crosswalk", "Links between two frameworks (shipped and imported): curated, inverted and (optionally) inferred.") { from, to, inferred, format, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var engine = await Libraries.EngineAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var a = CliContext.Require(engine.Catalog.Framework(parse.GetValue(from)!));
            var b = CliContext.Require(engine.Catalog.Framework(parse.GetValue(to)!));
            var links = parse.GetValue(inferred) ? engine.All(a.Id, b.Id) : engine.Direct(a.Id, b.Id);
            var rows = links.Select(l => (IReadOnlyList<string?>)
            [
                l.From.Requirement, l.To?.Requirement ?? "", l.Relationship.ToWire(), l.Rationale.ToWire(),
                l.Strength.ToString(CultureInfo.InvariantCulture), l.Origin.ToWire(), l.PathText,
            ]);
            switch (parse.GetValue(format))
            {
                case "csv":
                    Render.WriteCsv(ctx.Out, CsvHeader, rows);
                    break;
                case "json":
                    Render.WriteJson(ctx.Out, links.Select(LinkView.From));
                    break;
                default:
                    Render.WriteTable(ctx.Out, CsvHeader, rows, $"{a.Name} → {b.Name}: {links.Count} links");
                    break;
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Coverage(CliContext ctx)
    {
        var target = new Argument<string>("target") { Description = "Framework whose requirements are classified." };
        var implemented = new Option<string>("--implemented")
        {
            Description = "What is implemented: <framework> (all of it) or <framework>:<id>,<id>…",
            Required = true,
        };
        var format = Options.Format("table", "json");
        var db = Db.Option();
        var cmd = new Command("coverage", "Classify every requirement of a framework as full, partial or none from what is implemented in another.") { target, implemented, format, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var spec = parse.GetValue(implemented)!;
            var what = CliContext.Require(ImplementedSpec.Parse(spec));
            var result = CliContext.Require(CoverageAnalysis.Compute(await Libraries.EngineAsync(parse, db, ctx, ct).ConfigureAwait(false), parse.GetValue(target)!, what.Framework, what.Ids));
            if (parse.GetValue(format) == "json")
            {
                Render.WriteJson(ctx.Out, result.Select(c => new
                {
                    id = c.Requirement,
                    coverage = c.Level.ToWire(),
                    sources = c.Sources.Select(LinkView.From),
                    candidates = c.Candidates.Select(LinkView.From),
                }));
            }
            else
            {
                var counts = result.GroupBy(c => c.Level).ToDictionary(g => g.Key, g => g.Count());
                Render.WriteTable(
                    ctx.Out,
                    ["id", "coverage", "sources"],
                    result.Select(c => (IReadOnlyList<string?>)[c.Requirement, c.Level.ToWire(), string.Join(" ", c.Sources.Select(s => $"{s.From.Requirement}({s.Relationship.ToWire()})"))]),
                    $"{parse.GetValue(target)} from {spec}: full {counts.GetValueOrDefault(CoverageLevel.Full)}, partial {counts.GetValueOrDefault(CoverageLevel.Partial)}, none {counts.GetValueOrDefault(CoverageLevel.None)}");
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command GuideTable(CliContext ctx)
    {
        var format = Options.Format("table", "json");
        var cmd = new Command("guide-table", "The seed guide's ISO 2013 section → SOC 2 table, recomputed from the curated crosswalk with each claim judged.") { format };
        cmd.SetAction(parse =>
        {
            var rows = LegacyGuideView.Build(FrameworkLibrary.ShippedEngine, FrameworkLibrary.GuideClaims);
            if (parse.GetValue(format) == "json")
            {
                Render.WriteJson(ctx.Out, rows.Select(r => new
                {
                    section = r.Section,
                    title = r.Title,
                    reached = r.Reached,
                    claims = r.Claims.Select(c => new { criterion = c.Criterion, verdict = c.Verdict.ToWire() }),
                    missed = r.Missed,
                }));
            }
            else
            {
                Render.WriteTable(
                    ctx.Out,
                    ["section", "title", "guide claims (verdict)", "criteria our mapping reaches"],
                    rows.Select(r => (IReadOnlyList<string?>)
                    [
                        r.Section, r.Title,
                        string.Join(" ", r.Claims.Select(c => $"{c.Criterion}:{c.Verdict.ToWire()}")),
                        string.Join(" ", r.Reached),
                    ]),
                    "The guide's mapping table, checked against the curated crosswalk");
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }
}
