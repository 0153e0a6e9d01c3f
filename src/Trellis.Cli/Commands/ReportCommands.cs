using System.CommandLine;
using Trellis.Application.Catalogs;
using Trellis.Cli.Output;
using Trellis.Content;
using Trellis.Core.Common;
using Trellis.Core.Program;
using Trellis.Exchange.Reports;

namespace Trellis.Cli.Commands;

/// <summary>
/// <c>trellis report &lt;soa|matrix|gap|crosswalk|readiness|evidence-index|system-description&gt; [--framework ID] [--to ID]
/// [--engagement ID] [--inferred] --format xlsx|pdf|html|csv|json --out FILE</c>. The program and engagement windows
/// come from delegates so the command does not know where they are stored; the crosswalk report never asks for
/// the program.
/// </summary>
internal static class ReportCommands
{
    /// <param name="ctx">Where to write.</param>
    /// <param name="program">Loads the program (called only for reports that need one).</param>
    /// <param name="engagementWindow">Resolves <c>--engagement ID</c> to its observation window (first and last day);
    /// null until engagements are stored, in which case <c>--engagement</c> is an error.</param>
    /// <param name="clock">The clock for "generated at" and today's date; the default is the system clock.</param>
    public static IEnumerable<Command> Create(
        CliContext ctx,
        Func<Result<ComplianceProgram>> program,
        Func<string, Result<(DateOnly Start, DateOnly End)>>? engagementWindow = null,
        TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        return Create(ctx, (_, _) => Task.FromResult(program()), (_, _) => Task.FromResult(FrameworkLibrary.ShippedEngine), engagementWindow is null ? null : (_, id, _) => Task.FromResult(engagementWindow(id)), (_, _) => Task.FromResult<IReadOnlyList<Core.Vendors.Vendor>>([]), clock, extra: [], policies: null);
    }

    /// <summary>The command reading the program and engagements from the database named by <c>--db</c>.</summary>
    public static IEnumerable<Command> Create(CliContext ctx)
    {
        var db = Db.Option();
        return Create(
            ctx,
            async (parse, ct) => Result<ComplianceProgram>.Ok(await (await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false)).Program.LoadAsync(ct).ConfigureAwait(false)),
            (parse, ct) => Libraries.EngineAsync(parse, db, ctx, ct),
            (parse, id, ct) => EngagementCommandsOnDatabase.WindowAsync(parse, db, id, ctx, ct),
            async (parse, ct) =>
            {
                var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
                return [.. CliContext.Require(await useCases.Vendors.ListAsync(useCases.Actor, ct).ConfigureAwait(false)).Select(v => v.Vendor)];
            },
            ctx.Clock,
            extra: [db],
            policies: async (parse, ct) =>
            {
                var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
                return [.. (await useCases.Policies.ListAsync(useCases.Actor, ct).ConfigureAwait(false)).Select(v => v.Policy)];
            });
    }

    private static IEnumerable<Command> Create(
        CliContext ctx,
        Func<ParseResult, CancellationToken, Task<Result<ComplianceProgram>>> program,
        Func<ParseResult, CancellationToken, Task<Core.Crosswalk.CrosswalkEngine>> engine,
        Func<ParseResult, string, CancellationToken, Task<Result<(DateOnly Start, DateOnly End)>>>? engagementWindow,
        Func<ParseResult, CancellationToken, Task<IReadOnlyList<Core.Vendors.Vendor>>> vendors,
        TimeProvider? clock,
        Option[] extra,
        Func<ParseResult, CancellationToken, Task<IReadOnlyList<Core.Policies.Policy>>>? policies)
    {
        clock ??= TimeProvider.System;
        var kind = new Argument<string>("kind") { Description = $"Report: {string.Join(", ", ReportNames.KindNames)}." };
        kind.AcceptOnlyFromAmong([.. ReportNames.KindNames]);
        var framework = new Option<string?>("--framework")
        {
            Description = "matrix: framework of the rows (default soc2-2017); gap, readiness: one framework (default iso27001-2022 and soc2-2017); crosswalk: left side.",
        };
        var to = new Option<string?>("--to") { Description = "crosswalk: the framework on the right." };
        var engagement = new Option<string?>("--engagement") { Description = "evidence-index: the engagement whose observation window is indexed (default: all evidence)." };
        var inferred = new Option<bool>("--inferred") { Description = "crosswalk: also list links inferred through pivot frameworks." };
        var format = Options.Format([.. ReportNames.FormatNames]);
        var output = new Option<FileInfo>("--out", "-o") { Description = "File to write.", Required = true };
        var cmd = new Command("report", "Write a report (SoA, SOC 2 control matrix, gap, crosswalk, readiness, evidence index, SOC 2 system description) as XLSX, PDF, HTML, CSV or JSON.")
        {
            kind, framework, to, engagement, inferred, format, output,
        };
        foreach (var option in extra)
        {
            cmd.Options.Add(option);
        }

        cmd.SetAction(async (parse, ct) =>
        {
            var k = parse.GetValue(kind)!;
            (DateOnly Start, DateOnly End)? window = null;
            if (parse.GetValue(engagement) is { } id)
            {
                if (k != ReportKind.EvidenceIndex.ToWire())
                {
                    throw new CliFailureException(new Error(ErrorCodes.InvalidOption, "--engagement applies only to the evidence-index report"));
                }

                window = engagementWindow is null
                    ? throw new CliFailureException(new Error(ErrorCodes.EngagementsUnavailable, "engagements are not available in this build; omit --engagement to index all evidence"))
                    : CliContext.Require(await engagementWindow(parse, id, ct).ConfigureAwait(false));
            }

            var options = new ReportOptions
            {
                Format = parse.GetValue(format)!,
                Framework = parse.GetValue(framework),
                To = parse.GetValue(to),
                WindowStart = window?.Start,
                WindowEnd = window?.End,
                IncludeInferred = parse.GetValue(inferred),
                Policies = policies is null || k == ReportKind.Crosswalk.ToWire() ? [] : await policies(parse, ct).ConfigureAwait(false),
                Vendors = k == ReportKind.SystemDescription.ToWire() ? await vendors(parse, ct).ConfigureAwait(false) : null,
            };
            var bytes = await TerminalProgress.RunAsync(ctx, quiet: false, async progress =>
            {
                progress?.Report(WorkProgress.Started("Reading the program"));
                var p = k == ReportKind.Crosswalk.ToWire() ? null : CliContext.Require(await program(parse, ct).ConfigureAwait(false));
                var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                var crosswalk = await engine(parse, ct).ConfigureAwait(false);
                progress?.Report(WorkProgress.Started($"Writing the {k} report ({options.Format})"));
                return CliContext.Require(new ReportService(clock).Render(k, options, p, crosswalk, today));
            }).ConfigureAwait(false);
            var file = parse.GetValue(output)!;
            try
            {
                await File.WriteAllBytesAsync(file.FullName, bytes, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliFailureException(new Error(ErrorCodes.CannotWrite, $"cannot write {file.FullName}: {ex.Message}"));
            }

            ctx.Out.WriteLine($"wrote the {k} report ({options.Format}, {bytes.Length:N0} bytes) to {file.FullName}");
            return ExitCodes.Ok;
        });
        return [cmd];
    }
}
