using System.CommandLine;
using Trellis.Cli.Output;
using Trellis.Core.Audits;
using Trellis.Core.Common;

namespace Trellis.Cli.Commands;

/// <summary>
/// <c>trellis plan</c>: proposes a synchronized SOC 2 + ISO/IEC 27001 calendar — a first certification and first report,
/// or forward from a certificate and a report already held — as a table, JSON or an RFC 5545 calendar. Database-free; it
/// stores nothing unless <c>--save</c>.
/// The calendar, ledger, findings and engagements commands render stored records with <see cref="EngagementRender"/>
/// once the database exists.
/// </summary>
internal static class EngagementCommands
{
    public static IEnumerable<Command> Create(CliContext ctx) => Create(ctx, ctx.Clock);

    /// <summary>The commands, with "today" taken from <paramref name="clock"/> unless <c>--today</c> is given.</summary>
    internal static IEnumerable<Command> Create(CliContext ctx, TimeProvider clock)
    {
        yield return Plan(ctx, clock);
    }

    private static Command Plan(CliContext ctx, TimeProvider clock)
    {
        var decision = new Option<string?>("--certification-decision") { Description = "ISO/IEC 27001 certification decision date (YYYY-MM-DD): starts the 3-year cycle." };
        var soc2Start = new Option<string?>("--soc2-start") { Description = "Start of the first SOC 2 Type 2 window (YYYY-MM-DD)." };
        var type1 = new Option<string?>("--soc2-type1") { Description = "As-of date of a SOC 2 Type 1 report before the first Type 2 window (YYYY-MM-DD)." };
        var years = new Option<int>("--years") { Description = "Years to plan (1–10). The default is 3: one certification cycle.", DefaultValueFactory = _ => 3 };
        var blackout = new Option<string[]>("--blackout")
        {
            Description = "Days with no audit activity, YYYY-MM-DD..YYYY-MM-DD (or one date); repeat for several.",
            AllowMultipleArgumentsPerToken = false,
        };
        var spacing = new Option<int>("--min-spacing") { Description = "Minimum days between two external fieldworks. The default is 30.", DefaultValueFactory = _ => 30 };
        var firstWindow = new Option<int?>("--first-window-months") { Description = "Length of the first Type 2 window (3–12); by default chosen to align with the ISO cycle." };
        var certifiedOn = new Option<string?>("--iso-certified-on")
        {
            Description = "Already certified: the decision that started the current cycle (YYYY-MM-DD; the certificate's issue date, or the last recertification's). Plans forward from it.",
        };
        var stage = new Option<string?>("--iso-stage")
        {
            Description = $"With --iso-certified-on, the audits of the current cycle already done: {string.Join(", ", CycleStages.WireNames)}. By default those whose due date has passed.",
        };
        stage.AcceptOnlyFromAmong([.. CycleStages.WireNames]);
        var lastPeriod = new Option<string?>("--soc2-last-period")
        {
            Description = "Already reported: the last SOC 2 report's period, YYYY-MM-DD..YYYY-MM-DD (one date for a Type 1). The next Type 2 window starts the day after.",
        };
        var today = new Option<string?>("--today") { Description = "Plan as if today were this date (YYYY-MM-DD). The default is the current UTC date." };
        var format = Options.Format("table", "json", "ics");
        var save = new Option<bool>("--save") { Description = "Store the proposed engagements (replacing stored ones with the same IDs) in the database." };
        var db = Db.Option();
        var cmd = new Command("plan", "Propose a synchronized SOC 2 and ISO/IEC 27001 audit plan, with every rule at risk cited. Stores nothing unless --save.")
        {
            decision, soc2Start, type1, certifiedOn, stage, lastPeriod, years, blackout, spacing, firstWindow, today, format, save, db,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var request = new PlanRequest
            {
                CertificationDecision = OptionalDate(parse.GetValue(decision), "--certification-decision"),
                Soc2Start = OptionalDate(parse.GetValue(soc2Start), "--soc2-start"),
                Soc2Type1AsOf = OptionalDate(parse.GetValue(type1), "--soc2-type1"),
                IsoCertificate = Held(parse.GetValue(certifiedOn), parse.GetValue(stage)),
                Soc2LastPeriod = parse.GetValue(lastPeriod) is { } period ? CliContext.Require(DateRange.Parse(period, "--soc2-last-period")) : null,
                Years = parse.GetValue(years),
                Blackouts = (parse.GetValue(blackout) ?? []).Select(b => CliContext.Require(DateRange.Parse(b, "--blackout"))).ToList(),
                MinimumFieldworkSpacingDays = parse.GetValue(spacing),
                FirstWindowMonths = parse.GetValue(firstWindow),
                Today = OptionalDate(parse.GetValue(today), "--today") ?? CalendarDates.Today(clock),
            };
            var plan = CliContext.Require(NamingOptions(AuditPlanner.Plan(request)));
            EngagementRender.WriteCalendar(ctx.Out, plan.Events, parse.GetValue(format)!, clock);
            if (parse.GetValue(save))
            {
                var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
                var engagements = PlanEngagements.FromPlan(plan.Events);
                var added = CliContext.Require(await useCases.Engagements.SavePlanAsync(useCases.Actor, engagements, ct).ConfigureAwait(false));
                await ctx.Err.WriteLineAsync($"saved {added} of {engagements.Count} engagements (those already stored are kept)").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    // The planner locates a bad date at its request field; the CLI names the option that set it.
    private static Result<AuditPlan> NamingOptions(Result<AuditPlan> plan) =>
        plan.IsSuccess || plan.Error!.Location is not { } field || !OptionOf.TryGetValue(field, out var option) ? plan : plan.Error with { Location = option };

    private static readonly Dictionary<string, string> OptionOf = new(StringComparer.Ordinal)
    {
        ["certificationDecision"] = "--certification-decision",
        ["soc2Start"] = "--soc2-start",
        ["soc2Type1AsOf"] = "--soc2-type1",
        ["today"] = "--today",
        ["isoCertifiedOn"] = "--iso-certified-on",
        ["soc2LastPeriod"] = "--soc2-last-period",
        ["blackouts"] = "--blackout",
    };

    private static HeldCertificate? Held(string? certifiedOn, string? stage)
    {
        if (certifiedOn is null)
        {
            return stage is null ? null : throw new CliFailureException(new Error(ErrorCodes.MissingOption, "--iso-stage needs --iso-certified-on", "--iso-stage"));
        }

        return new HeldCertificate
        {
            IssuedOn = CliContext.Require(CalendarDates.Parse(certifiedOn, "--iso-certified-on")),
            Stage = stage is not null && CycleStages.TryParse(stage, out var s) ? s : null,
        };
    }

    private static DateOnly? OptionalDate(string? text, string option) =>
        text is null ? null : CliContext.Require(CalendarDates.Parse(text, option));
}
