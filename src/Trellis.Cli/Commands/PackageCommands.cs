using System.CommandLine;
using Trellis.Core.Audits;

namespace Trellis.Cli.Commands;

/// <summary>
/// <c>trellis package freeze ENGAGEMENT --out FILE.zip</c> freezes and records the engagement's package and writes it;
/// <c>trellis package verify FILE.zip</c> re-hashes every file against the manifest (exit 0, or 2 naming the first altered file).
/// </summary>
internal static class PackageCommands
{
    public static IEnumerable<Command> Create(CliContext ctx)
    {
        var db = Db.Option();
        var engagement = new Argument<string>("engagement") { Description = "The engagement." };
        var output = new Option<string>("--out") { Description = "Where to write the zip.", Required = true };
        var freeze = new Command("freeze", "Freeze the engagement's populations, samples, requests and accepted evidence into an immutable zip with a SHA-256 manifest.") { engagement, output, db };
        freeze.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var (record, zip) = CliContext.Require(await useCases.Engagements.FreezePackageAsync(useCases.Actor, parse.GetValue(engagement)!, ct).ConfigureAwait(false));
            await File.WriteAllBytesAsync(parse.GetValue(output)!, zip, ct).ConfigureAwait(false);
            await ctx.Out.WriteLineAsync($"package of {record.EngagementId}: {record.Files.Count} files, sha256 {record.Sha256}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });

        var file = new Argument<string>("file") { Description = "The package zip." };
        var verify = new Command("verify", "Re-hash every file of a frozen package against its manifest; exit 2 naming the first altered file.") { file };
        verify.SetAction(async (parse, ct) =>
        {
            await using var stream = File.OpenRead(parse.GetValue(file)!);
            var count = CliContext.Require(AuditPackage.Verify(stream));
            await ctx.Out.WriteLineAsync($"ok: {count} files match the manifest").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        yield return new Command("package", "Freeze and verify an engagement's audit package.") { freeze, verify };
    }
}
