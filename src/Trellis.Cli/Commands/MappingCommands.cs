using System.CommandLine;
using System.Globalization;
using Trellis.Cli.Output;
using Trellis.Exchange.Json;
using Trellis.Exchange.Oscal;

namespace Trellis.Cli.Commands;

/// <summary>
/// <c>trellis mapping import &lt;mapping-collection.json&gt; [--source ID --target ID]</c>: brings an OSCAL 1.2 mapping
/// collection (for example one of NIST's OLIR mappings) into the crosswalk, and <c>trellis mapping list</c>.
/// </summary>
internal static class MappingCommands
{
    public static IEnumerable<Command> Create(CliContext ctx)
    {
        var mapping = new Command("mapping", "Mappings between frameworks imported into the database (the shipped crosswalk is in trellis crosswalk).");
        mapping.Subcommands.Add(Import(ctx));
        mapping.Subcommands.Add(List(ctx));
        yield return mapping;
    }

    private static Command Import(CliContext ctx)
    {
        var file = new Argument<string>("mapping-collection") { Description = "An OSCAL 1.2 mapping-collection in JSON." };
        var source = new Option<string?>("--source") { Description = "The framework of every map's sources, when the document's source-resource does not name one Trellis knows." };
        var target = new Option<string?>("--target") { Description = "The framework of every map's targets, likewise." };
        var skipMissing = new Option<bool>("--skip-missing")
        {
            Description = "List maps naming a control that is not in its framework as ignored instead of refusing the file: for a baseline imported through a profile, which holds part of the catalog the mapping covers.",
        };
        var format = Options.Format("table", "json");
        var db = Db.Option();
        var cmd = new Command(
            "import",
            "Import an OSCAL mapping collection (checked against the OSCAL 1.2.1 schema; all or nothing) into the crosswalk that coverage and readiness use. Re-importing a file changes nothing.")
        {
            file, source, target, skipMissing, format, db,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var name = Path.GetFileName(path);
            var bytes = CliContext.Require(SafeJson.ReadBytes(path, JsonLimits.Default, name));
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var options = new MappingImportOptions { SourceFramework = parse.GetValue(source), TargetFramework = parse.GetValue(target), SkipMissing = parse.GetValue(skipMissing) };
            var summary = CliContext.Require(await useCases.Catalogs.ImportMappingAsync(useCases.Actor, bytes, name, options, ct).ConfigureAwait(false));
            if (parse.GetValue(format) == "json")
            {
                Render.WriteJson(ctx.Out, new
                {
                    source = summary.Source,
                    target = summary.Target,
                    links = summary.Links,
                    updated = summary.Updated,
                    unchanged = summary.Unchanged,
                    ignored = summary.Ignored.Select(i => new { path = i.Path, reason = i.Reason }),
                    revision = summary.Revision,
                });
                return ExitCodes.Ok;
            }

            static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
            Render.WriteTable(
                ctx.Out,
                ["source", "target", "links", "updated", "unchanged", "ignored"],
                [[summary.Source, summary.Target, N(summary.Links), N(summary.Updated), N(summary.Unchanged), N(summary.Ignored.Count)]],
                $"Imported into {useCases.Database.Description}: trellis crosswalk {summary.Source} {summary.Target}");
            foreach (var ignored in summary.Ignored)
            {
                await ctx.Out.WriteLineAsync($"ignored {ignored.Path}: {ignored.Reason}").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command List(CliContext ctx)
    {
        var format = Options.Format("table", "json");
        var db = Db.Option();
        var cmd = new Command("list", "The mappings imported into the database, one per pair of frameworks.") { format, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var library = await Libraries.OpenAsync(parse, db, ct).ConfigureAwait(false);
            var shipped = Application.Catalogs.FrameworkLibrary.ShippedMappings.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
            var sets = (await library.CatalogAsync(ct).ConfigureAwait(false)).Mappings.Where(m => !shipped.Contains(m.Id)).ToList();
            if (parse.GetValue(format) == "json")
            {
                Render.WriteJson(ctx.Out, sets.Select(s => new { id = s.Id, source = s.From, target = s.To, links = s.Links.Count, revision = s.Revision, description = s.Description }));
            }
            else
            {
                Render.WriteTable(
                    ctx.Out,
                    ["id", "source", "target", "links", "revision"],
                    sets.Select(s => (IReadOnlyList<string?>)[s.Id, s.From, s.To, s.Links.Count.ToString(CultureInfo.InvariantCulture), s.Revision.ToString(CultureInfo.InvariantCulture)]),
                    sets.Count == 0 ? "No imported mappings: trellis mapping import <mapping-collection.json>" : null);
            }

            foreach (var problem in await library.ProblemsAsync(ct).ConfigureAwait(false))
            {
                await ctx.Err.WriteLineAsync($"warning: {problem}").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }
}
