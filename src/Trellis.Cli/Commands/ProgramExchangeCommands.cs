using System.CommandLine;
using Trellis.Cli.Output;
using Trellis.Content.Demo;
using Trellis.Core.Common;
using Trellis.Core.Program;
using Trellis.Data;
using Trellis.Exchange.ProgramAsCode;

namespace Trellis.Cli.Commands;

/// <summary><c>trellis demo</c>, <c>import</c> and <c>export</c>: the program as code, in and out of the database.</summary>
internal static class ProgramExchangeCommands
{
    public static IEnumerable<Command> Create(CliContext ctx)
    {
        yield return Demo(ctx);
        yield return Import(ctx);
        yield return Export(ctx);
    }

    private static Command Demo(CliContext ctx)
    {
        var db = Db.Option();
        var replace = ReplaceGuard.Option();
        var cmd = new Command("demo", "Load the demo program (a SaaS company with ~60 controls, ~150 evidence items, ~20 risks and a full SoA); a program already in the database is replaced only with --replace, after a backup.") { db, replace };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var current = await useCases.Program.LoadAsync(ct).ConfigureAwait(false);
            if (!await ReplaceGuard.ConfirmAsync(ctx, current, null, "Loading the demo", parse.GetValue(replace), ct).ConfigureAwait(false)
                || !await ReplaceGuard.BackUpAsync(ctx, useCases, current, "demo", ct).ConfigureAwait(false))
            {
                return ExitCodes.Invalid;
            }

            await ctx.Err.WriteLineAsync($"Generating the demo program and writing it to {useCases.Database.Description}…").ConfigureAwait(false);
            var demo = CliContext.Require(await useCases.Imports.LoadDemoAsync(useCases.Actor, onlyIntoEmpty: false, ct).ConfigureAwait(false))!;
            await WriteCounts(ctx, $"Demo program '{demo.Organization}' loaded into {useCases.Database.Description}", demo.Counts).ConfigureAwait(false);
            await ctx.Out.WriteLineAsync($"Audit calendar: {demo.Engagements} engagements and {demo.Findings} findings added (trellis engagements, calendar, ledger <id>).").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Import(CliContext ctx)
    {
        var db = Db.Option();
        var file = new Argument<string>("program.yaml") { Description = "The program file; evidence paths are relative to its folder." };
        var replace = ReplaceGuard.Option();
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and show what would change; change nothing." };
        var cmd = new Command("import", "Import a program.yaml (and its evidence folder); all or nothing. A program already in the database is replaced only with --replace, after a backup.") { file, db, replace, dryRun };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var catalog = await useCases.Program.CatalogAsync(ct).ConfigureAwait(false);
            var read = await TerminalProgress.Run(ctx, quiet: false, progress => ProgramYamlReader.Read(parse.GetValue(file)!, catalog, progress: progress)).ConfigureAwait(false);
            if (!read.IsSuccess)
            {
                foreach (var error in read.Errors)
                {
                    await ctx.Err.WriteLineAsync($"error: {error}").ConfigureAwait(false);
                }

                await ctx.Err.WriteLineAsync($"{read.Errors.Count} problem(s); nothing was imported.").ConfigureAwait(false);
                return ExitCodes.Invalid;
            }

            var current = await useCases.Program.LoadAsync(ct).ConfigureAwait(false);
            if (parse.GetValue(dryRun))
            {
                await ctx.Out.WriteLineAsync($"Dry run: {read.Program!.Controls.Count} controls, {read.Program.Evidence.Count} evidence items, {read.Program.Risks.Count} risks would replace "
                    + $"{current.Controls.Count} controls, {current.Evidence.Count} evidence items, {current.Risks.Count} risks; nothing was changed.").ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            if (!await ReplaceGuard.ConfirmAsync(ctx, current, read.Program, $"Importing {Path.GetFileName(parse.GetValue(file))}", parse.GetValue(replace), ct).ConfigureAwait(false)
                || !await ReplaceGuard.BackUpAsync(ctx, useCases, current, "import", ct).ConfigureAwait(false))
            {
                return ExitCodes.Invalid;
            }

            var database = useCases.Database;
            var counts = CliContext.Require(await TerminalProgress.RunAsync(ctx, quiet: false, progress =>
            {
                progress?.Report(WorkProgress.Started($"Writing {read.Program!.Controls.Count:N0} controls and {read.Program.Evidence.Count:N0} evidence items to {database.Description}"));
                return useCases.Imports.ReplaceAsync(useCases.Actor, read.Program!, read.Blobs, Path.GetFileName(parse.GetValue(file)!), ct, read.Registers, read.Policies);
            }).ConfigureAwait(false));
            await WriteCounts(ctx, $"Imported into {database.Description}", counts).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Export(CliContext ctx)
    {
        var db = Db.Option();
        var output = new Option<string>("--out") { Description = "Folder to write program.yaml and evidence/ into.", Required = true };
        var cmd = new Command("export", "Export the program to program.yaml and an evidence folder (lossless: export, import, export gives identical bytes).") { output, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var (program, blobs, policies, path) = await TerminalProgress.RunAsync(ctx, quiet: false, async progress =>
            {
                progress?.Report(WorkProgress.Started("Reading the program and its evidence files"));
                var (program, blobs) = CliContext.Require(await useCases.Program.ExportAsync(useCases.Actor, ct).ConfigureAwait(false));
                var registers = await useCases.People.ForExportAsync(useCases.Actor, ct).ConfigureAwait(false);
                var policies = CliContext.Require(await useCases.Policies.ForExportAsync(useCases.Actor, ct).ConfigureAwait(false));
                progress?.Report(WorkProgress.Started($"Writing program.yaml and {blobs.Count:N0} evidence files"));
                var path = CliContext.Require(ProgramYamlWriter.Write(program, sha => blobs.GetValueOrDefault(sha), parse.GetValue(output)!, registers, policies));
                return (program, blobs, policies, path);
            }).ConfigureAwait(false);
            await ctx.Out.WriteLineAsync($"Exported {program.Controls.Count} controls, {program.Evidence.Count} evidence items ({blobs.Count} files), {program.Risks.Count} risks, {policies.Count} policies to {path}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Task WriteCounts(CliContext ctx, string what, ProgramCounts c) =>
        ctx.Out.WriteLineAsync($"{what}: {c.Controls} controls, {c.Evidence} evidence items ({c.EvidenceVersions} versions, {c.BlobsAdded} files added), {c.Risks} risks, {c.SoaDecisions} SoA decisions.");
}
