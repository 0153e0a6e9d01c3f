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
internal static class AuditCommandsOnDatabase
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
    public static async Task<Result<(DateOnly Start, DateOnly End)>> WindowAsync(ParseResult parse, Option<string?> db, string id, CancellationToken ct)
    {
        var database = await Db.OpenAsync(parse, db, ct).ConfigureAwait(false);
        var engagements = await new AuditStore(database).EngagementsAsync(ct).ConfigureAwait(false);
        var e = engagements.Select(v => v.Value).FirstOrDefault(x => x.Id == id);
        if (e is null)
        {
            return Unknown(id, engagements.Select(v => v.Value.Id));
        }

        return e.Window is { } w ? (w.Start, w.End)
            : e.AsOf is { } d ? (d, d)
            : e.Fieldwork is { } f ? (f.Start, f.End)
            : new Error("invalid-engagement", $"engagement '{id}' has no window or dates");
    }

    /// <summary>The error for an engagement ID that is not stored, naming the nearest stored IDs.</summary>
    internal static Error Unknown(string id, IEnumerable<string> known) =>
        new("unknown-engagement", $"unknown engagement '{id}'; nearest: {string.Join(", ", Suggestions.Nearest(id, known))}");

    private static async Task<IReadOnlyList<Engagement>> LoadAsync(ParseResult parse, Option<string?> db, CancellationToken ct) =>
        (await new AuditStore(await Db.OpenAsync(parse, db, ct).ConfigureAwait(false)).EngagementsAsync(ct).ConfigureAwait(false)).Select(v => v.Value).ToList();

    private static Command Engagements(CliContext ctx)
    {
        var db = Db.Option();
        var format = Options.Format("table", "json");
        var cmd = new Command("engagements", "Stored engagements (SOC 2 Type 1/2, ISO stage 1/2, surveillance, recertification, internal audits, management reviews) with rule warnings.") { db, format };
        cmd.SetAction(async (parse, ct) =>
        {
            AuditRender.WriteEngagements(ctx.Out, await LoadAsync(parse, db, ct).ConfigureAwait(false), parse.GetValue(format)!, ctx.Today);
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
            var events = EngagementCalendar.ToEvents(await LoadAsync(parse, db, ct).ConfigureAwait(false), ctx.Today);
            AuditRender.WriteCalendar(ctx.Out, events, parse.GetValue(format)!, ctx.Clock);
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
            var database = await Db.OpenAsync(parse, db, ct).ConfigureAwait(false);
            var engagements = await LoadAsync(parse, db, ct).ConfigureAwait(false);
            var wanted = parse.GetValue(id)!;
            var engagement = engagements.FirstOrDefault(e => e.Id == wanted) ?? throw new CliFailureException(Unknown(wanted, engagements.Select(e => e.Id)));
            var program = await new ProgramStore(database).LoadAsync(ct).ConfigureAwait(false);
            var ledger = CliContext.Require(OperationLedger.ForEngagement(engagement, program.Controls, program.Evidence, ctx.Today));
            AuditRender.WriteLedger(ctx.Out, ledger, parse.GetValue(format)!);
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
            var database = await Db.OpenAsync(parse, db, ct).ConfigureAwait(false);
            var program = await new ProgramStore(database).LoadAsync(ct).ConfigureAwait(false);
            var ledgers = (await LoadAsync(parse, db, ct).ConfigureAwait(false))
                .Select(e => OperationLedger.ForEngagement(e, program.Controls, program.Evidence, ctx.Today))
                .Where(r => r.IsSuccess).Select(r => r.Value).ToList();
            AuditRender.WriteRequests(ctx.Out, RequestList.Build(ledgers, ctx.Today), parse.GetValue(format)!);
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
            var findings = await new AuditStore(await Db.OpenAsync(parse, db, ct).ConfigureAwait(false)).FindingsAsync(ct).ConfigureAwait(false);
            AuditRender.WriteFindings(ctx.Out, findings.Select(f => f.Value), parse.GetValue(format)!, ctx.Today);
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
