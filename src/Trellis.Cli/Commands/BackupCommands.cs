using System.CommandLine;
using Trellis.Core.Common;
using Trellis.Core.Program;
using Trellis.Web.Backups;
using Trellis.Web.Hosting;

namespace Trellis.Cli.Commands;

/// <summary>
/// <c>trellis backup --out FILE</c> and <c>trellis restore FILE --replace</c>: the whole database (program, evidence
/// files, accounts, audit trail), checked on the way out and on the way in (docs/operations.md).
/// </summary>
internal static class BackupCommands
{
    public static IEnumerable<Command> Create(CliContext ctx)
    {
        yield return Backup(ctx);
        yield return Restore(ctx);
    }

    private static Command Backup(CliContext ctx)
    {
        var db = Db.Option();
        var output = new Option<string>("--out") { Description = "File to write (never overwritten): a SQLite database file, or a pg_dump archive for PostgreSQL.", Required = true };
        var cmd = new Command("backup", "Back the whole database up while it is in use (SQLite online backup, PostgreSQL pg_dump), then check the copy: audit chain and every evidence file's SHA-256.") { output, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var database = new WebDatabase(await Db.OpenAsync(parse, db, ct).ConfigureAwait(false));
            await ctx.Err.WriteLineAsync($"Backing up {database.Description}…").ConfigureAwait(false);
            var check = CliContext.Require(await DatabaseBackups.BackupAsync(database, parse.GetValue(output)!, ct).ConfigureAwait(false));
            await ctx.Out.WriteLineAsync($"Backup written to {parse.GetValue(output)} and checked: {check.Describe()}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Restore(CliContext ctx)
    {
        var db = Db.Option();
        var file = new Argument<string>("FILE") { Description = "A file written by trellis backup." };
        var replace = ReplaceGuard.Option();
        var cmd = new Command("restore", "Restore a backup: checked first (a damaged one is refused and nothing changes), the current database kept, then switched over. Stop serve processes first.") { file, db, replace };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var current = await useCases.Program.LoadAsync(ct).ConfigureAwait(false);
            if (!await ReplaceGuard.ConfirmAsync(ctx, current, null, $"restoring {parse.GetValue(file)}", parse.GetValue(replace), ct).ConfigureAwait(false))
            {
                return ExitCodes.Invalid;
            }

            var database = new WebDatabase(useCases.Database);
            await ctx.Err.WriteLineAsync($"Checking {parse.GetValue(file)}…").ConfigureAwait(false);
            var check = CliContext.Require(await DatabaseBackups.RestoreAsync(database, parse.GetValue(file)!, AutomaticBackups.DefaultFolder(database), ct).ConfigureAwait(false));
            await ctx.Out.WriteLineAsync($"Restored into {database.Description}: {check.Describe()}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }
}

/// <summary>
/// What every command that replaces the program asks first (issue 14, reliability 1): it shows what would change, goes on
/// only with <c>--replace</c> (or a yes typed on a terminal) when the database holds a program, and backs it up first.
/// </summary>
internal static class ReplaceGuard
{
    public static Option<bool> Option() => new("--replace")
    {
        Description = "Replace the program the database holds (it is backed up first, keeping the newest $TRELLIS_BACKUPS_KEEP, default 5).",
    };

    /// <summary>True to go on; false when refused (the reason written to standard error, exit 2).</summary>
    public static async Task<bool> ConfirmAsync(CliContext ctx, ComplianceProgram current, ComplianceProgram? incoming, string what, bool replace, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.Controls.Count == 0 && current.Evidence.Count == 0 && current.Risks.Count == 0)
        {
            return true;
        }

        var change = incoming is null
            ? $"{current.Controls.Count} controls, {current.Evidence.Count} evidence items and {current.Risks.Count} risks"
            : $"controls {current.Controls.Count} → {incoming.Controls.Count}, evidence items {current.Evidence.Count} → {incoming.Evidence.Count}, risks {current.Risks.Count} → {incoming.Risks.Count}";
        await ctx.Err.WriteLineAsync($"{what} replaces the program '{current.Organization}' in the database: {change}.").ConfigureAwait(false);
        if (replace || await AskAsync(ctx, ct).ConfigureAwait(false))
        {
            return true;
        }

        await ctx.Err.WriteLineAsync($"error: [{ErrorCodes.ReplaceNotConfirmed}] nothing was changed; pass --replace to replace it (the database is backed up first).").ConfigureAwait(false);
        return false;
    }

    /// <summary>Backs the database up before a replace of a program that holds data; false (with the reason) when that fails.</summary>
    public static async Task<bool> BackUpAsync(CliContext ctx, UseCases useCases, ComplianceProgram current, string reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(useCases);
        if (current.Controls.Count == 0 && current.Evidence.Count == 0 && current.Risks.Count == 0)
        {
            return true;
        }

        var database = new WebDatabase(useCases.Database);
        var kept = await AutomaticBackups.KeepAsync(database, AutomaticBackups.DefaultFolder(database), reason, ct).ConfigureAwait(false);
        if (!kept.IsSuccess)
        {
            await ctx.Err.WriteLineAsync($"error: {kept.Error}").ConfigureAwait(false);
            return false;
        }

        await ctx.Err.WriteLineAsync($"The current database was backed up to {kept.Value}.").ConfigureAwait(false);
        return true;
    }

    // Only a person at a terminal is asked; scripts and pipes must say --replace.
    private static async Task<bool> AskAsync(CliContext ctx, CancellationToken ct)
    {
        if (Console.IsInputRedirected || Console.IsErrorRedirected || !ReferenceEquals(ctx.Err, Console.Error))
        {
            return false;
        }

        await ctx.Err.WriteAsync("Replace it? [y/N] ").ConfigureAwait(false);
        var answer = await Console.In.ReadLineAsync(ct).ConfigureAwait(false);
        return string.Equals(answer?.Trim(), "y", StringComparison.OrdinalIgnoreCase) || string.Equals(answer?.Trim(), "yes", StringComparison.OrdinalIgnoreCase);
    }
}
