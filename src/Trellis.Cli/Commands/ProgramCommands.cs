using System.CommandLine;
using System.Globalization;
using Trellis.Application.Compliance;
using Trellis.Cli.Output;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Evidence;
using Trellis.Core.Program;
using Trellis.Core.Risks;
using Trellis.Data;

namespace Trellis.Cli.Commands;

/// <summary><c>trellis init</c>, <c>controls</c> (with <c>template</c> and <c>import</c>), <c>risks</c> and <c>evidence add</c>.</summary>
internal static class ProgramCommands
{
    public static IEnumerable<Command> Create(CliContext ctx)
    {
        yield return Init(ctx);
        yield return Controls(ctx);
        yield return Risks(ctx);
        var evidence = new Command("evidence", "Work with evidence.");
        evidence.Subcommands.Add(AddEvidence(ctx));
        yield return evidence;
    }

    private static Command Init(CliContext ctx)
    {
        var db = Db.Option();
        var cmd = new Command("init", "Create the database (or bring it up to date) and print where it is.") { db };
        cmd.SetAction(async (parse, ct) =>
        {
            var database = await Db.OpenAsync(parse, db, ct).ConfigureAwait(false);
            await ctx.Out.WriteLineAsync($"Trellis database ready: {database.Description} ({database.Provider})").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Controls(CliContext ctx)
    {
        var db = Db.Option();
        var format = Options.Format("table", "json");
        var cmd = new Command("controls", "List the program's controls with status, cadence, owner and mapped requirements.") { db, format };
        foreach (var sub in ControlSheetCommands.Create(ctx))
        {
            cmd.Subcommands.Add(sub);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var program = await useCases.Program.LoadAsync(ct).ConfigureAwait(false);
            if (parse.GetValue(format) == "json")
            {
                Render.WriteJson(ctx.Out, program.Controls.Select(c => new
                {
                    id = c.Id,
                    title = c.Title,
                    description = c.Description,
                    owner = c.Owner,
                    cadence = c.Cadence.ToWire(),
                    status = c.Status.ToWire(),
                    mappings = c.Mappings.Select(m => new { framework = m.Requirement.Framework, requirement = m.Requirement.Requirement, relationship = m.Relationship.ToWire() }),
                }));
            }
            else
            {
                Render.WriteTable(
                    ctx.Out,
                    ["id", "title", "status", "cadence", "owner", "maps to"],
                    program.Controls.Select(c => (IReadOnlyList<string?>)[c.Id, c.Title, c.Status.ToWire(), c.Cadence.ToWire(), c.Owner, string.Join(" ", c.Mappings.Select(m => m.Requirement.Requirement))]),
                    $"{program.Controls.Count} controls");
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Risks(CliContext ctx)
    {
        var db = Db.Option();
        var format = Options.Format("table", "json");
        var cmd = new Command("risks", "The risk register: inherent and residual level on the risk matrix, treatment, plan and acceptance.") { db, format };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var program = await useCases.Program.LoadAsync(ct).ConfigureAwait(false);
            var matrix = program.RiskMatrix;
            if (parse.GetValue(format) == "json")
            {
                Render.WriteJson(ctx.Out, program.Risks.Select(r => new
                {
                    id = r.Id,
                    title = r.Title,
                    asset = r.Asset,
                    threat = r.Threat,
                    vulnerability = r.Vulnerability,
                    owner = r.Owner,
                    inherent = new { likelihood = r.InherentLikelihood, impact = r.InherentImpact, score = r.InherentLikelihood * r.InherentImpact, level = matrix.LevelName(r.InherentLikelihood, r.InherentImpact) },
                    residual = new { likelihood = r.ResidualLikelihood, impact = r.ResidualImpact, score = r.ResidualLikelihood * r.ResidualImpact, level = matrix.LevelName(r.ResidualLikelihood, r.ResidualImpact) },
                    treatment = r.Treatment.ToWire(),
                    controls = r.ControlIds,
                    requirements = r.RequirementIds,
                    plan = r.Plan.Select(a => new { description = a.Description, controls = a.ControlIds, due = a.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), done = a.Done }),
                    acceptance = r.Acceptance is null ? null : new
                    {
                        approver = r.Acceptance.Approver,
                        acceptedOn = r.Acceptance.AcceptedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        expires = r.Acceptance.Expires?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        expired = r.Acceptance.Expires < ctx.Today,
                    },
                }));
            }
            else
            {
                Render.WriteTable(
                    ctx.Out,
                    ["id", "risk", "owner", "inherent", "residual", "treatment", "controls"],
                    program.Risks.Select(r => (IReadOnlyList<string?>)
                    [
                        r.Id, r.Title, r.Owner,
                        $"{r.InherentLikelihood}x{r.InherentImpact} {matrix.LevelName(r.InherentLikelihood, r.InherentImpact)}",
                        $"{r.ResidualLikelihood}x{r.ResidualImpact} {matrix.LevelName(r.ResidualLikelihood, r.ResidualImpact)}",
                        r.Treatment.ToWire(), string.Join(" ", r.ControlIds),
                    ]),
                    $"{program.Risks.Count} risks on a {matrix.LikelihoodLevels}x{matrix.ImpactLevels} matrix");
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command AddEvidence(CliContext ctx)
    {
        var db = Db.Option();
        var control = new Argument<string>("control-id") { Description = "The control the evidence supports, e.g. AC-01." };
        var target = new Argument<string>("file-or-url") { Description = "A file to store (content-addressed by SHA-256) or an http(s) URL." };
        var effective = new Option<string>("--effective") { Description = "The day the evidence shows, or the first day of the period (YYYY-MM-DD).", Required = true };
        var periodEnd = new Option<string?>("--period-end") { Description = "Last day of the period it covers (YYYY-MM-DD)." };
        var title = new Option<string?>("--title") { Description = "Title (default: the file name or URL)." };
        var cmd = new Command("add", "Attach evidence to a control, with the date or period it covers.") { control, target, effective, periodEnd, title, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var from = ParseDate(parse.GetValue(effective)!, "--effective");
            DateOnly? to = parse.GetValue(periodEnd) is { } pe ? ParseDate(pe, "--period-end") : null;
            if (to < from)
            {
                throw new CliFailureException(new Error(ErrorCodes.InvalidPeriod, $"--period-end {to:yyyy-MM-dd} is before --effective {from:yyyy-MM-dd}"));
            }

            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var controlId = parse.GetValue(control)!;
            var where = parse.GetValue(target)!;
            var (version, content) = await ReadTargetAsync(where, from, to, ctx.Clock.GetUtcNow(), ct).ConfigureAwait(false);
            var item = new EvidenceItem
            {
                Id = "", // the store gives the next free EV- ID inside the write
                Title = parse.GetValue(title) ?? version.FileName ?? where,
                Source = "trellis evidence add",
                ControlIds = [controlId],
                Versions = [version],
            };
            var saved = CliContext.Require(await useCases.Program.AddEvidenceAsync(useCases.Actor, item, content, ct).ConfigureAwait(false));
            await ctx.Out.WriteLineAsync($"{saved.Value.Id} added to {controlId}: effective {version.EffectiveFrom:yyyy-MM-dd}{(version.EffectiveTo is { } e ? $"..{e:yyyy-MM-dd}" : "")}{(version.Sha256 is { } h ? $", sha256 {h}" : "")}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static async Task<(EvidenceVersion Version, byte[]? Content)> ReadTargetAsync(string where, DateOnly from, DateOnly? to, DateTimeOffset now, CancellationToken ct)
    {
        var target = await ReadFileOrLinkAsync(where, ct).ConfigureAwait(false);
        return (new EvidenceVersion
        {
            Number = 1,
            Sha256 = target.Content is null ? null : target.Sha256,
            FileName = target.FileName,
            Size = target.Content?.LongLength ?? 0,
            MediaType = target.MediaType,
            Url = target.Url,
            CollectedAt = now,
            EffectiveFrom = from,
            EffectiveTo = to,
        }, target.Content);
    }

    /// <summary>
    /// An http(s) link, or a file read under the web upload's rules (one size limit, hashed while read, one file-name
    /// rule, one media-type rule); exit 2 when it is neither.
    /// </summary>
    internal static async Task<(byte[]? Content, string? Sha256, string? FileName, string? MediaType, string? Url)> ReadFileOrLinkAsync(string where, CancellationToken ct)
    {
        if (EvidenceFiles.HttpLink(where) is { } uri)
        {
            return (null, null, null, null, uri.ToString());
        }

        var file = new FileInfo(where);
        if (!file.Exists)
        {
            throw new CliFailureException(new Error(ErrorCodes.MissingFile, $"no file '{where}' (give a file path or an http(s) URL)"));
        }

        await using var stream = file.OpenRead();
        var received = CliContext.Require(await EvidenceFiles.ReceiveAsync(stream, file.Name, mediaType: null, EvidenceFiles.DefaultMaxBytes, ct).ConfigureAwait(false));
        await using var held = received.ConfigureAwait(false);
        return (await received.ReadAllBytesAsync(ct).ConfigureAwait(false), received.Sha256, received.FileName, received.MediaType, null);
    }

    /// <summary>Parses a calendar date, rejecting dates that do not exist (2026-02-30) with exit code 2.</summary>
    internal static DateOnly ParseDate(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new CliFailureException(new Error(ErrorCodes.InvalidDate, $"{option} '{text}' is not a real date as YYYY-MM-DD"));
}
