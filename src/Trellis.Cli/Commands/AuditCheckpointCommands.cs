using System.CommandLine;
using System.Text;
using System.Text.Json;
using Trellis.Core.Common;
using Trellis.Data.AuditTrail;
using Trellis.Exchange.Json;
using Trellis.Web.Hosting;

namespace Trellis.Cli.Commands;

/// <summary>
/// <c>trellis audit-log checkpoint --out FILE</c> and <c>trellis audit-log verify --checkpoint FILE</c>: the chain's head
/// kept outside the database, so a cut at the end of the chain (or a rewrite re-hashed from some entry on) is detected.
/// </summary>
internal static class AuditCheckpointCommands
{
    /// <summary>The checkpoint file's format marker.</summary>
    public const string Format = "trellis-audit-checkpoint/1";

    public static Command Checkpoint(CliContext ctx, Func<Option<string?>> dbOption)
    {
        var db = dbOption();
        var output = new Option<string>("--out") { Description = "File to write the head (sequence and hash) to; keep it where the database's operators cannot change it.", Required = true };
        var cmd = new Command("checkpoint", "Verify the chain and write its head to a file kept elsewhere; verify --checkpoint FILE later detects entries removed from the end.") { db, output };
        cmd.SetAction(async (parse, ct) =>
        {
            var result = CliContext.Require(await OfflineTasks.VerifyAuditTrailAsync(parse.GetValue(db), null, ct).ConfigureAwait(false));
            if (!result.Ok)
            {
                ctx.Err.WriteLine($"error: audit trail broken, no checkpoint written: {result.Message} (first bad entry: {result.FirstBad})");
                return ExitCodes.Invalid;
            }

            var json = JsonSerializer.Serialize(new { format = Format, sequence = result.HeadSequence, hash = result.Head, at = ctx.Clock.GetUtcNow() });
            await File.WriteAllTextAsync(parse.GetValue(output)!, json + "\n", new UTF8Encoding(false), ct).ConfigureAwait(false);
            ctx.Out.WriteLine($"Checkpoint: entry {result.HeadSequence}, head {result.Head} written to {parse.GetValue(output)}.");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>Reads a checkpoint file; every defect is an error naming the file and the field.</summary>
    public static Result<AuditCheckpoint> Read(string path)
    {
        var parsed = SafeJson.ReadFile(path, new JsonLimits { MaxBytes = 4096 });
        if (!parsed.IsSuccess)
        {
            return parsed.Error!;
        }

        using var doc = parsed.Value;
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.GetString() != Format)
        {
            return new Error(ErrorCodes.InvalidFormat, $"{path} is not a Trellis audit checkpoint (format {Format} expected)", $"{path}: $.format");
        }

        if (!root.TryGetProperty("sequence", out var sequence) || sequence.ValueKind != JsonValueKind.Number || !sequence.TryGetInt64(out var n) || n < 0)
        {
            return new Error(ErrorCodes.InvalidField, "the checkpoint's sequence must be a whole number, 0 or more", $"{path}: $.sequence");
        }

        if (!root.TryGetProperty("hash", out var hash) || hash.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(hash.GetString()))
        {
            return new Error(ErrorCodes.InvalidField, "the checkpoint's hash is missing", $"{path}: $.hash");
        }

        return new AuditCheckpoint(n, hash.GetString()!);
    }
}
