using System.CommandLine;
using Trellis.Application.Exports;
using Trellis.Core.Audits;
using Trellis.Core.Common;

namespace Trellis.Cli.Commands;

/// <summary>
/// <c>trellis bridge-letter &lt;engagement&gt; --until YYYY-MM-DD --format pdf|html --out FILE</c>: a draft bridge letter
/// for the days after a SOC 2 report's period (<see cref="BridgeLetters"/>).
/// </summary>
internal static class BridgeLetterCommands
{
    public static IEnumerable<Command> Create(CliContext ctx)
    {
        var engagement = new Argument<string>("engagement") { Description = "The SOC 2 engagement whose report is bridged (its window end, or Type 1 date, starts the bridge)." };
        var until = new Option<string>("--until") { Description = "The last day the letter covers (YYYY-MM-DD), after the report's period end; usually up to about 3 months after it.", Required = true };
        var format = Options.Format([.. BridgeLetters.Formats]);
        var output = new Option<FileInfo>("--out", "-o") { Description = "File to write.", Required = true };
        var db = Db.Option();
        var cmd = new Command("bridge-letter", "Draft a bridge (gap) letter for the days after a SOC 2 report's period: management's statement, the changes to controls recorded and the findings open, as PDF or HTML.")
        {
            engagement, until, format, output, db,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var last = CliContext.Require(CalendarDates.Parse(parse.GetValue(until), "--until"));
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var letters = new BridgeLetters(useCases.Program, useCases.Engagements, ctx.Clock);
            var result = await letters.RenderAsync(useCases.Actor, parse.GetValue(engagement)!, last, parse.GetValue(format), ct).ConfigureAwait(false);
            var file = CliContext.Require(result.IsSuccess || result.Error!.Location != "until" ? result : result.Error with { Location = "--until" });
            var path = parse.GetValue(output)!;
            try
            {
                await File.WriteAllBytesAsync(path.FullName, file.Content, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliFailureException(new Error(ErrorCodes.CannotWrite, $"cannot write {path.FullName}: {ex.Message}"));
            }

            ctx.Out.WriteLine($"wrote the draft bridge letter ({file.Content.Length:N0} bytes) to {path.FullName}");
            return ExitCodes.Ok;
        });
        yield return cmd;
    }
}
