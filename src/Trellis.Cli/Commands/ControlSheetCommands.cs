using System.CommandLine;
using Trellis.Application.Catalogs;
using Trellis.Core.Common;
using Trellis.Data;
using Trellis.Exchange.Spreadsheets;

namespace Trellis.Cli.Commands;

/// <summary><c>trellis controls template</c> and <c>trellis controls import</c>: controls in and out of an .xlsx workbook.</summary>
internal static class ControlSheetCommands
{
    /// <summary>Most IDs listed per line of the import summary.</summary>
    private const int ListedIds = 20;

    public static IEnumerable<Command> Create(CliContext ctx)
    {
        yield return Template(ctx);
        yield return Import(ctx);
    }

    private static Command Template(CliContext ctx)
    {
        var db = Db.Option();
        var output = new Option<string>("--out") { Description = "The .xlsx file to write (replaced if it exists).", Required = true };
        var cmd = new Command("template", "Write a controls workbook to fill in and import: drop-down lists, instructions, and the program's current controls when there is a database.") { output, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(output)!;
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            if (!Directory.Exists(folder))
            {
                throw new CliFailureException(new Core.Common.Error(ErrorCodes.MissingFolder, $"folder '{folder}' does not exist", "--out"));
            }

            // Never create a database just to write a template.
            var useCases = await Db.OpenIfPresentAsync(parse, db, ct).ConfigureAwait(false) is { } database ? UseCases.On(database, ctx) : null;
            var controls = useCases is null ? [] : (await useCases.Program.LoadAsync(ct).ConfigureAwait(false)).Controls;
            var catalog = await (useCases?.Library ?? FrameworkLibrary.ShippedOnly()).CatalogAsync(ct).ConfigureAwait(false);
            var bytes = ControlTemplate.Write(controls, ctx.Clock.GetUtcNow(), catalog);
            await File.WriteAllBytesAsync(path, bytes, ct).ConfigureAwait(false);
            await ctx.Out.WriteLineAsync($"Wrote {path}: {(controls.Count == 0 ? "an empty controls template" : $"{controls.Count} controls")}; fill it in and run: trellis controls import {path}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Import(CliContext ctx)
    {
        var db = Db.Option();
        var file = new Argument<string>("file.xlsx") { Description = "A controls workbook (see trellis controls template)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the workbook and say what would change, without writing." };
        var cmd = new Command("import", "Add and update controls from a workbook in one transaction; all or nothing (every problem is listed with its cell). Controls not in the workbook are kept.") { file, db, dryRun };
        cmd.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var database = useCases.Database;
            var read = ControlWorkbookReader.Read(path, await useCases.Program.CatalogAsync(ct).ConfigureAwait(false));
            if (!read.IsSuccess)
            {
                foreach (var error in read.Errors)
                {
                    await ctx.Err.WriteLineAsync($"error: {error}").ConfigureAwait(false);
                }

                await ctx.Err.WriteLineAsync($"{read.Errors.Count} problem(s); nothing was imported.").ConfigureAwait(false);
                return ExitCodes.Invalid;
            }

            var isDryRun = parse.GetValue(dryRun);
            var s = CliContext.Require(await useCases.Imports.ImportControlsAsync(useCases.Actor, read.Controls!, isDryRun, Path.GetFileName(path), ct).ConfigureAwait(false));
            await ctx.Out.WriteLineAsync(isDryRun
                ? $"Dry run, nothing written to {database.Description}: would add {s.Added.Count}, update {s.Updated.Count}, leave {s.Unchanged.Count} unchanged."
                : $"Imported {path} into {database.Description}: added {s.Added.Count}, updated {s.Updated.Count}, unchanged {s.Unchanged.Count}.").ConfigureAwait(false);
            await List(ctx, isDryRun ? "would add" : "added", s.Added).ConfigureAwait(false);
            await List(ctx, isDryRun ? "would update" : "updated", s.Updated).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static async Task List(CliContext ctx, string what, IReadOnlyList<string> ids)
    {
        if (ids.Count > 0)
        {
            var more = ids.Count > ListedIds ? $" and {ids.Count - ListedIds} more" : "";
            await ctx.Out.WriteLineAsync($"  {what}: {string.Join(", ", ids.Take(ListedIds))}{more}").ConfigureAwait(false);
        }
    }
}
