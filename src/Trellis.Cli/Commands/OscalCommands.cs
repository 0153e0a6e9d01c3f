using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Trellis.Application.Catalogs;
using Trellis.Cli.Output;
using Trellis.Content;
using Trellis.Core.Common;
using Trellis.Data;
using Trellis.Exchange.Oscal;

namespace Trellis.Cli.Commands;

/// <summary>
/// <c>trellis oscal resolve</c>, <c>trellis oscal export &lt;mapping|component|ssp|assessment-results&gt;</c> and
/// <c>trellis framework import</c>.
/// </summary>
internal static class OscalCommands
{
    public static IEnumerable<Command> Create(CliContext ctx)
    {
        var oscal = new Command("oscal", "OSCAL JSON (NIST Open Security Controls Assessment Language, versions 1.0–1.2): resolve profiles, export the crosswalk, the program and engagements.");
        oscal.Subcommands.Add(Resolve(ctx));
        var export = new Command("export", "Export as OSCAL 1.2.1 JSON, checked against the OSCAL schema before it is written.");
        export.Subcommands.Add(ExportMapping(ctx));
        export.Subcommands.Add(ExportComponent(ctx));
        export.Subcommands.Add(ExportSsp(ctx));
        export.Subcommands.Add(ExportAssessmentResults(ctx));
        oscal.Subcommands.Add(export);
        yield return oscal;
    }

    /// <summary><c>trellis framework import</c>, a subcommand of <c>framework</c>.</summary>
    public static Command FrameworkImport(CliContext ctx)
    {
        var catalog = new Argument<string>("catalog") { Description = "An OSCAL catalog in JSON (e.g. NIST SP 800-53 rev5)." };
        var profile = new Option<string?>("--profile") { Description = "An OSCAL profile (baseline) to resolve against the catalog: only its controls are imported." };
        var id = new Option<string?>("--id") { Description = "Framework ID; by default derived from the catalog's (or profile's) title." };
        var format = Options.Format("table", "json");
        var db = Db.Option();
        var cmd = new Command("import", "Import an OSCAL catalog, optionally through a profile, as a framework (checked against the OSCAL schema) and store it.")
        {
            catalog, profile, id, format, db,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var (result, useCases) = await TerminalProgress.RunAsync(ctx, quiet: parse.GetValue(format) == "json", async progress =>
            {
                progress?.Report(WorkProgress.Started("Reading the catalog and checking it against the OSCAL schema"));
                var result = CliContext.Require(OscalFrameworkImport.Load(parse.GetValue(catalog)!, parse.GetValue(profile), parse.GetValue(id)));
                progress?.Report(WorkProgress.Started($"Storing {result.Framework.Requirements.Count:N0} requirements"));
                var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
                CliContext.Require(await useCases.Catalogs.ImportFrameworkAsync(useCases.Actor, result, ct).ConfigureAwait(false));
                return (result, useCases);
            }).ConfigureAwait(false);
            var fw = result.Framework;
            WriteWarnings(ctx, result.Warnings);
            if (parse.GetValue(format) == "json")
            {
                Render.WriteJson(ctx.Out, new
                {
                    id = fw.Id,
                    name = fw.Name,
                    version = fw.Version,
                    groups = result.Groups,
                    controls = result.Controls,
                    enhancements = result.Enhancements,
                    withdrawn = result.Withdrawn,
                    requirements = fw.Requirements.Count,
                });
            }
            else
            {
                static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
                Render.WriteTable(
                    ctx.Out,
                    ["id", "name", "version", "controls", "enhancements", "withdrawn", "groups"],
                    [[fw.Id, fw.Name, fw.Version, N(result.Controls), N(result.Enhancements), N(result.Withdrawn), N(result.Groups)]],
                    $"Imported into {useCases.Database.Description}: trellis framework show {fw.Id}");
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Resolve(CliContext ctx)
    {
        var profile = new Argument<string>("profile") { Description = "An OSCAL profile in JSON; its imports are read from local files." };
        var output = new Option<string>("--out", "-o") { Description = "Where to write the resolved catalog.", Required = true };
        var cmd = new Command("resolve", "Resolve an OSCAL profile into the catalog it defines (import, merge, modify).") { profile, output };
        cmd.SetAction(parse =>
        {
            var resolved = CliContext.Require(ProfileResolver.Resolve(parse.GetValue(profile)!));
            var path = parse.GetValue(output)!;
            Write(path, resolved.ToJson());
            WriteWarnings(ctx, resolved.Warnings);
            var catalog = resolved.Document["catalog"]!;
            var count = Count(JsonSerializer.SerializeToElement(catalog));
            ctx.Out.WriteLine($"Resolved {Path.GetFileName(parse.GetValue(profile))}: {count} controls written to {path}");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command ExportMapping(CliContext ctx)
    {
        var from = new Option<string>("--from") { Description = "Framework on the source side, e.g. iso27001-2022.", Required = true };
        var to = new Option<string>("--to") { Description = "Framework on the target side, e.g. soc2-2017.", Required = true };
        var inferred = new Option<bool>("--inferred") { Description = "Add links inferred through pivot frameworks (marked as such)." };
        var output = new Option<string>("--out", "-o") { Description = "Where to write the mapping collection.", Required = true };
        var db = Db.Option();
        var cmd = new Command("mapping", "The crosswalk between two frameworks (shipped and imported) as an OSCAL 1.2 mapping-collection.") { from, to, inferred, output, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var document = CliContext.Require(OscalMappingExport.Build(
                await Libraries.EngineAsync(parse, db, ctx, ct).ConfigureAwait(false), parse.GetValue(from)!, parse.GetValue(to)!, new MappingExportOptions { Inferred = parse.GetValue(inferred) }));
            var invalid = OscalSchema.Validate(JsonSerializer.SerializeToElement(document), OscalModel.MappingCollection, "export");
            if (invalid is not null)
            {
                throw new InvalidOperationException($"the exported mapping does not match the OSCAL schema: {invalid}");
            }

            var path = parse.GetValue(output)!;
            Write(path, OscalMappingExport.ToJson(document));
            var maps = document["mapping-collection"]!["mappings"]![0]!["maps"]!.AsArray().Count;
            ctx.Out.WriteLine($"Wrote {maps} mapping entries from {parse.GetValue(from)} to {parse.GetValue(to)} to {path}");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command ExportComponent(CliContext ctx)
    {
        var output = new Option<string>("--out", "-o") { Description = "Where to write the component definition.", Required = true };
        var db = Db.Option();
        var cmd = new Command("component", "The program as an OSCAL component-definition: the system as one component, a control implementation per framework its controls map to.") { output, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var program = await useCases.Program.LoadAsync(ct).ConfigureAwait(false);
            var document = CliContext.Require(OscalComponentExport.Build(program, await useCases.Program.EngineAsync(ct).ConfigureAwait(false), new OscalExportOptions { Time = ctx.Clock }));
            var implementations = document["component-definition"]!["components"]![0]!["control-implementations"]!.AsArray();
            var requirements = implementations.Sum(i => i!["implemented-requirements"]!.AsArray().Count);
            WriteExport(ctx, document, OscalModel.ComponentDefinition, parse.GetValue(output)!, $"{requirements} implemented requirements in {implementations.Count} frameworks");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command ExportSsp(CliContext ctx)
    {
        var framework = new Option<string>("--framework") { Description = "The framework the plan answers, e.g. soc2-2017 or iso27001-2022.", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "Where to write the system security plan.", Required = true };
        var db = Db.Option();
        var cmd = new Command("ssp", "The program as an OSCAL system-security-plan for one framework, with implementation status from readiness.") { framework, output, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var id = parse.GetValue(framework)!;
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var engine = await useCases.Program.EngineAsync(ct).ConfigureAwait(false);
            CliContext.Require(engine.Catalog.Framework(id));
            var program = await useCases.Program.LoadAsync(ct).ConfigureAwait(false);
            var document = CliContext.Require(OscalSspExport.Build(program, engine, id, new OscalExportOptions { Time = ctx.Clock }));
            var requirements = document["system-security-plan"]!["control-implementation"]!["implemented-requirements"]!.AsArray().Count;
            WriteExport(ctx, document, OscalModel.SystemSecurityPlan, parse.GetValue(output)!, $"{requirements} implemented requirements of {id}");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command ExportAssessmentResults(CliContext ctx)
    {
        var engagement = new Option<string>("--engagement") { Description = "The stored engagement whose results are exported (see trellis engagements).", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "Where to write the assessment results.", Required = true };
        var db = Db.Option();
        var cmd = new Command("assessment-results", "A stored engagement and its findings as OSCAL assessment-results.") { engagement, output, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var id = parse.GetValue(engagement)!;
            var chosen = CliContext.Require(await useCases.Engagements.GetAsync(useCases.Actor, id, ct).ConfigureAwait(false)).Value;
            var findings = await useCases.Engagements.FindingsAsync(useCases.Actor, null, ct).ConfigureAwait(false);
            var program = await useCases.Program.LoadAsync(ct).ConfigureAwait(false);
            var catalog = await useCases.Program.CatalogAsync(ct).ConfigureAwait(false);
            var document = CliContext.Require(OscalAssessmentResultsExport.Build(program, chosen, findings, catalog, new OscalExportOptions { Time = ctx.Clock }));
            var count = document["assessment-results"]!["results"]![0]!["findings"]?.AsArray().Count ?? 0;
            WriteExport(ctx, document, OscalModel.AssessmentResults, parse.GetValue(output)!, $"{count} finding{(count == 1 ? "" : "s")} of engagement {id}");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    // An export that does not match the schema is a bug in Trellis, not in the user's input.
    private static void WriteExport(CliContext ctx, JsonObject document, OscalModel model, string path, string what)
    {
        Write(path, OscalExport.ToValidatedJson(document, model));
        ctx.Out.WriteLine($"Wrote the {model.RootName()} ({what}) to {path}");
    }

    private static void Write(string path, string text)
    {
        try
        {
            File.WriteAllText(path, text);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliFailureException(new Error(ErrorCodes.CannotWrite, $"cannot write the file: {ex.Message}", path));
        }
    }

    private static void WriteWarnings(CliContext ctx, IEnumerable<string> warnings)
    {
        foreach (var w in warnings)
        {
            ctx.Err.WriteLine($"warning: {w}");
        }
    }

    private static int Count(JsonElement owner)
    {
        var n = 0;
        foreach (var key in new[] { "groups", "controls" })
        {
            if (owner.TryGetProperty(key, out var list))
            {
                foreach (var item in list.EnumerateArray())
                {
                    n += (key == "controls" ? 1 : 0) + Count(item);
                }
            }
        }

        return n;
    }
}
