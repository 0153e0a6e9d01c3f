using System.CommandLine;
using System.Globalization;
using System.Text;
using Trellis.Application.Catalogs;
using Trellis.Cli.Output;
using Trellis.Content;
using Trellis.Core.Advice;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Readiness;
using Trellis.Exchange.Spreadsheets;

namespace Trellis.Cli.Commands;

/// <summary><c>trellis advise</c>, <c>trellis compare</c> and <c>trellis roadmap</c> (issue 7).</summary>
internal static class AdviceCommands
{
    public static IEnumerable<Command> Create(CliContext ctx)
    {
        yield return Advise(ctx);
        yield return Compare(ctx);
        yield return RoadmapCommand(ctx);
    }

    private static Command Advise(CliContext ctx)
    {
        var market = Choice("--market", "Target market", AdvisorWire.Markets);
        var buyers = Choice("--buyers", "What buyers ask for", AdvisorWire.Buyers);
        var maturity = Choice("--maturity", "Organizational maturity", AdvisorWire.Maturities);
        var architecture = Choice("--architecture", "Product architecture", AdvisorWire.Architectures);
        var deadline = new Option<string?>("--deadline") { Description = "Date buyers need the first report or certificate by (YYYY-MM-DD)." };
        var has = HasOption();
        var format = Options.Format("table", "json");
        var db = Db.Option();
        var cmd = new Command("advise", "Recommend SOC 2 or ISO/IEC 27001 first from the guide's decision criteria, with reasons and what the second adds (and, when a program exists, what it has of the second today).")
        {
            market, buyers, maturity, architecture, deadline, has, format, db,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var answers = new AdvisorAnswers
            {
                Market = Parse<TargetMarket>(parse.GetValue(market)),
                Buyers = Parse<BuyerExpectation>(parse.GetValue(buyers)),
                Maturity = Parse<OrganizationalMaturity>(parse.GetValue(maturity)),
                Architecture = Parse<ProductArchitecture>(parse.GetValue(architecture)),
                Deadline = parse.GetValue(deadline) is { } text ? CliContext.Require(ParseDate(text)) : null,
                Existing = CliContext.Require(ParseExisting(parse.GetValue(has) ?? [])),
            };
            var advice = CliContext.Require(Advisor.Advise(answers, FrameworkLibrary.ShippedEngine, ctx.Clock));
            var (decision, overlap) = (advice.Decision, advice.Overlap);
            var program = await ProgramOverlap(ctx, parse, db, overlap.To, overlap.From, ct).ConfigureAwait(false);
            if (parse.GetValue(format) == "json")
            {
                Render.WriteJson(ctx.Out, new
                {
                    recommendation = decision.Recommendation.ToWire(),
                    held = answers.Existing.Order().Select(e => e.ToWire()),
                    first = decision.First,
                    second = decision.Second,
                    decidedBy = decision.DecidedBy,
                    scores = new { soc2 = decision.Soc2Score, iso = decision.IsoScore },
                    reasons = decision.Reasons.Select(r => new { criterion = r.Criterion.ToWire(), answer = r.Answer, effect = r.Effect }),
                    overlap = new
                    {
                        from = overlap.From,
                        to = overlap.To,
                        full = overlap.Full,
                        partial = overlap.Partial,
                        gap = overlap.Gap,
                        fullIds = overlap.FullIds,
                        partialIds = overlap.PartialIds,
                        gapIds = overlap.GapIds,
                    },
                    program = program is null ? null : new
                    {
                        framework = program.Framework,
                        creditedFrom = program.CreditedFrom,
                        asOf = program.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        summary = program.Summary.ToDictionary(kv => kv.Key.ToWire(), kv => kv.Value),
                    },
                });
            }
            else
            {
                Render.WriteTable(
                    ctx.Out,
                    ["criterion", "answer", "effect"],
                    decision.Reasons.Select(r => (IReadOnlyList<string?>)[r.Criterion.ToWire(), r.Answer, r.Effect]),
                    $"Recommendation: {decision.Recommendation.ToWire()} ({decision.DecidedBy})");
                if (decision.Recommendation is Recommendation.AddSoc2 or Recommendation.AddIso)
                {
                    var total = overlap.Full + overlap.Partial + overlap.Gap;
                    ctx.Out.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"You hold {overlap.From}: add {overlap.To}. The crosswalk says {overlap.Full} of its {total} requirements are already fully met, {overlap.Partial} partly, {overlap.Gap} not at all (trellis roadmap --has {string.Join(",", answers.Existing.Order().Select(e => e.ToWire()))}; trellis plan with what you hold)."));
                }

                ctx.Out.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{overlap.To} if every requirement of {overlap.From} were implemented: full {overlap.Full}, partial {overlap.Partial}, gap {overlap.Gap}"));
                ctx.Out.WriteLine($"  full: {string.Join(" ", overlap.FullIds)}");
                ctx.Out.WriteLine($"  gap:  {string.Join(" ", overlap.GapIds)}");
                if (program is not null)
                {
                    var counts = program.Summary.Where(kv => kv.Value > 0 || !kv.Key.IsOutOfScope()).Select(kv => $"{kv.Key.ToWire()} {kv.Value}");
                    ctx.Out.WriteLine($"Your program today ({program.Framework} crediting only {program.CreditedFrom}; trellis readiness {program.Framework} --from {program.CreditedFrom}): {string.Join(", ", counts)}");
                }
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Compare(CliContext ctx)
    {
        var left = new Argument<string>("left") { Description = "Framework ID on the left, e.g. iso27001-2022." };
        var right = new Argument<string>("right") { Description = "Framework ID on the right, e.g. soc2-2017." };
        var format = Options.Format("table", "json");
        var cmd = new Command("compare", "Compare two frameworks side by side: issuer, assurance model, authority, scope, cycle, disclosure…") { left, right, format };
        cmd.SetAction(parse =>
        {
            var a = CliContext.Require(FrameworkLibrary.ShippedEngine.Catalog.Framework(parse.GetValue(left)!));
            var b = CliContext.Require(FrameworkLibrary.ShippedEngine.Catalog.Framework(parse.GetValue(right)!));
            var rows = FrameworkComparison.Compare(a, b);
            if (parse.GetValue(format) == "json")
            {
                Render.WriteJson(ctx.Out, new { left = new { a.Id, a.Name }, right = new { b.Id, b.Name }, rows });
            }
            else
            {
                Render.WriteTable(ctx.Out, ["dimension", a.Id, b.Id], rows.Select(r => (IReadOnlyList<string?>)[r.Dimension, r.Left, r.Right]), $"{a.Name} vs {b.Name}");
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command RoadmapCommand(CliContext ctx)
    {
        var categories = new Option<string?>("--categories")
        {
            Description = "Trust Services categories your service commitments bring in, comma-separated: availability, confidentiality, processing-integrity, privacy (security is always in).",
        };
        var format = Options.Format("md", "json", "xlsx");
        var output = new Option<string?>("--out", "-o") { Description = "File to write; required for xlsx, otherwise standard output." };
        var has = HasOption();
        var db = Db.Option();
        var cmd = new Command("roadmap", "The guide's four combined-implementation steps as an ordered plan of tasks, each with what it produces and the requirements it satisfies; progress from the program when a database exists, and from what is already held (--has).")
        {
            categories, format, output, has, db,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var commitments = CliContext.Require(RoadmapWire.ParseCategories(parse.GetValue(categories)));
            var held = RoadmapProgress.Held(FrameworkLibrary.ShippedEngine, CliContext.Require(ParseExisting(parse.GetValue(has) ?? [])));
            var satisfied = (await Satisfied(ctx, parse, db, ct).ConfigureAwait(false) ?? new HashSet<RequirementRef>()).Union(held).ToHashSet();
            var roadmap = CliContext.Require(RoadmapPlanner.Plan(FrameworkLibrary.ShippedEngine, commitments, satisfied));
            var path = parse.GetValue(output);
            var kind = parse.GetValue(format);
            if (kind == "xlsx")
            {
                var file = path ?? throw new CliFailureException(new Error(ErrorCodes.MissingOption, "--out FILE is required with --format xlsx"));
                Write(file, () => RoadmapWorkbook.Save(roadmap, file));
                return ExitCodes.Ok;
            }

            var text = new StringWriter();
            if (kind == "json")
            {
                Render.WriteJson(text, new
                {
                    categories = roadmap.Categories,
                    steps = roadmap.Steps,
                    tasks = roadmap.Tasks.Select(t => new
                    {
                        t.Id,
                        t.Step,
                        t.Title,
                        t.Produces,
                        satisfies = t.Satisfies.Select(r => r.ToString()),
                        t.Basis,
                        status = t.Status.ToWire(),
                    }),
                    reuse = roadmap.Reuse.Select(r => new
                    {
                        iso = r.Iso.Requirement,
                        criterion = r.Criterion.Requirement,
                        relationship = r.Relationship.ToWire(),
                        r.CountsFully,
                    }),
                });
            }
            else
            {
                text.Write(Markdown(roadmap));
            }

            if (path is null)
            {
                ctx.Out.Write(text.ToString());
            }
            else
            {
                Write(path, () => File.WriteAllText(path, text.ToString(), new UTF8Encoding(false)));
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    // The program's own answer to the advisor's question, from the same readiness every other screen shows; null without a program.
    private static async Task<ReadinessReport?> ProgramOverlap(CliContext ctx, ParseResult parse, Option<string?> db, string framework, string from, CancellationToken ct)
    {
        if (await Db.OpenIfPresentAsync(parse, db, ct).ConfigureAwait(false) is not { } database)
        {
            return null;
        }

        var useCases = UseCases.On(database, ctx);
        if ((await useCases.Program.ReadinessViewAsync(ct).ConfigureAwait(false)).Program.Controls.Count == 0)
        {
            return null;
        }

        return CliContext.Require(await useCases.Program.ReadinessAsync(useCases.Actor, framework, from, ct).ConfigureAwait(false));
    }

    // Progress comes from the program: a requirement counts as satisfied when readiness says covered.
    private static async Task<IReadOnlySet<RequirementRef>?> Satisfied(CliContext ctx, ParseResult parse, Option<string?> db, CancellationToken ct)
    {
        if (await Db.OpenIfPresentAsync(parse, db, ct).ConfigureAwait(false) is not { } database)
        {
            return null;
        }

        var useCases = UseCases.On(database, ctx);
        return await useCases.Program.CoveredAsync(ct).ConfigureAwait(false);
    }

    private static string Markdown(Roadmap roadmap)
    {
        var md = new StringBuilder();
        md.Append("# Roadmap: one program for ISO/IEC 27001 and SOC 2\n\n");
        md.Append("Trust Services categories in scope: ").Append(string.Join(", ", roadmap.Categories)).Append(".\n");
        foreach (var step in roadmap.Steps)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n## Step {step.Number}. {step.Title}\n\n_Guide: \"{step.Guide}\"_\n\n");
            foreach (var t in roadmap.Tasks.Where(t => t.Step == step.Number))
            {
                md.Append(CultureInfo.InvariantCulture, $"- [{(t.Status == TaskProgress.Done ? "x" : " ")}] **{t.Id}** {t.Title} ({t.Status.ToWire()})\n");
                md.Append(CultureInfo.InvariantCulture, $"  - Produces: {t.Produces}\n");
                md.Append(CultureInfo.InvariantCulture, $"  - Satisfies: {string.Join(", ", t.Satisfies)}\n");
                md.Append(CultureInfo.InvariantCulture, $"  - Basis: {t.Basis}\n");
            }
        }

        return md.ToString();
    }

    private static Option<string[]> HasOption() => new("--has")
    {
        Description = $"Reports or certificates already held: {string.Join(", ", AdvisorWire.Existing)} (repeat or comma-separate).",
        AllowMultipleArgumentsPerToken = true,
    };

    private static Option<string> Choice(string name, string what, IReadOnlyList<string> values)
    {
        var option = new Option<string>(name) { Description = $"{what}: {string.Join(", ", values)}.", Required = true };
        option.AcceptOnlyFromAmong([.. values]);
        return option;
    }

    // AcceptOnlyFromAmong has already rejected anything else, so a miss here is a bug.
    private static T Parse<T>(string? text)
        where T : struct, Enum =>
        WireNames.Of<T>().TryParse(text, out var value) ? value : throw new InvalidOperationException($"unparsed {typeof(T).Name} '{text}'");

    private static Result<DateOnly> ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : new Error(ErrorCodes.InvalidDate, $"invalid date '{text}'; expected YYYY-MM-DD, e.g. 2027-03-31");

    private static Result<IReadOnlySet<ExistingAssurance>> ParseExisting(IEnumerable<string> values)
    {
        var set = new HashSet<ExistingAssurance>();
        foreach (var name in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!AdvisorWire.TryParse(name, out ExistingAssurance existing))
            {
                return new Error(ErrorCodes.UnknownReport, $"unknown report or certificate '{name}'; expected one of {string.Join(", ", AdvisorWire.Existing)}");
            }

            set.Add(existing);
        }

        return set;
    }

    private static void Write(string path, Action write)
    {
        try
        {
            write();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliFailureException(new Error(ErrorCodes.CannotWrite, $"cannot write '{path}': {ex.Message}"));
        }
    }
}
