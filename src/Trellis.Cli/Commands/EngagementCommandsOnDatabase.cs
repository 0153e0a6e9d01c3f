using System.CommandLine;
using Trellis.Cli.Output;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Data;

namespace Trellis.Cli.Commands;

/// <summary>
/// The audit commands that read stored engagements: <c>engagements</c>, <c>calendar</c>, <c>ledger</c>,
/// <c>requests</c> and <c>findings</c>.
/// </summary>
internal static class EngagementCommandsOnDatabase
{
    public static IEnumerable<Command> Create(CliContext ctx)
    {
        yield return Engagements(ctx);
        yield return Calendar(ctx);
        yield return Ledger(ctx);
        yield return Requests(ctx);
        yield return Findings(ctx);
    }

    /// <summary>The observation window (or the audited period) of a stored engagement, for reports.</summary>
    public static async Task<Result<(DateOnly Start, DateOnly End)>> WindowAsync(ParseResult parse, Option<string?> db, string id, CliContext ctx, CancellationToken ct)
    {
        var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
        var found = await useCases.Engagements.GetAsync(useCases.Actor, id, ct).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var e = found.Value.Value;
        return e.Window is { } w ? (w.Start, w.End)
            : e.AsOf is { } d ? (d, d)
            : e.Fieldwork is { } f ? (f.Start, f.End)
            : new Error(ErrorCodes.InvalidEngagement, $"engagement '{id}' has no window or dates");
    }

    private static async Task<IReadOnlyList<Engagement>> LoadAsync(ParseResult parse, Option<string?> db, CliContext ctx, CancellationToken ct)
    {
        var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
        return [.. (await useCases.Engagements.ListAsync(useCases.Actor, ct).ConfigureAwait(false)).Select(v => v.Value)];
    }

    private static Command Engagements(CliContext ctx)
    {
        var db = Db.Option();
        var format = Options.Format("table", "json");
        var cmd = new Command("engagements", "Stored engagements (SOC 2 Type 1/2, ISO stage 1/2, surveillance, recertification, internal audits, management reviews) with rule warnings.") { db, format };
        cmd.SetAction(async (parse, ct) =>
        {
            EngagementRender.WriteEngagements(ctx.Out, await LoadAsync(parse, db, ctx, ct).ConfigureAwait(false), parse.GetValue(format)!, ctx.Today);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Calendar(CliContext ctx)
    {
        var db = Db.Option();
        var format = Options.Format("table", "json", "ics");
        var cmd = new Command("calendar", "Every engagement, fieldwork, deadline and review of both regimes on one calendar (ics imports into Google Calendar and Outlook).") { db, format };
        cmd.SetAction(async (parse, ct) =>
        {
            var events = EngagementCalendar.ToEvents(await LoadAsync(parse, db, ctx, ct).ConfigureAwait(false), ctx.Today);
            EngagementRender.WriteCalendar(ctx.Out, events, parse.GetValue(format)!, ctx.Clock);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Ledger(CliContext ctx)
    {
        var db = Db.Option();
        var id = new Argument<string>("engagement-id") { Description = "The engagement whose window is examined." };
        var format = Options.Format("table", "json");
        var cmd = new Command("ledger", "Expected vs observed control occurrences in an engagement's window, with missing ones flagged.") { id, db, format };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var ledger = CliContext.Require(await useCases.Engagements.LedgerAsync(useCases.Actor, parse.GetValue(id)!, ct).ConfigureAwait(false));
            EngagementRender.WriteLedger(ctx.Out, ledger, parse.GetValue(format)!);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Requests(CliContext ctx)
    {
        var db = Db.Option();
        var format = Options.Format("table", "json");
        var cmd = new Command("requests", "The PBC request list across all engagements, deduplicated: one evidence item answers both audits.") { db, format };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var requests = CliContext.Require(await useCases.Engagements.RequestsAsync(useCases.Actor, null, ct).ConfigureAwait(false));
            EngagementRender.WriteRequests(ctx.Out, requests, parse.GetValue(format)!);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Findings(CliContext ctx)
    {
        var db = Db.Option();
        var format = Options.Format("table", "json");
        var cmd = new Command("findings", "ISO nonconformities and SOC 2 exceptions in one lifecycle, with corrective actions.") { db, format };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var findings = await useCases.Engagements.FindingsAsync(useCases.Actor, null, ct).ConfigureAwait(false);
            EngagementRender.WriteFindings(ctx.Out, findings, parse.GetValue(format)!, ctx.Today);
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
