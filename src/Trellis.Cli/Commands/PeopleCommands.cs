using System.CommandLine;
using System.Text;
using Trellis.Application.People;
using Trellis.Cli.Output;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Core.People;

namespace Trellis.Cli.Commands;

/// <summary>
/// <c>trellis people [--format table|json|csv]</c>, <c>people import FILE.csv</c>, <c>people export EMAIL</c>,
/// <c>people erase EMAIL</c>, <c>people offboard EMAIL --system NAME [--on DATE]</c>, <c>people attest [--as-of DATE]</c>, <c>people add|edit|leave</c> (<see cref="PeopleEditCommands"/>): the staff register
/// (docs/operations.md, "Staff register").
/// </summary>
internal static class PeopleCommands
{
    public static IEnumerable<Command> Create(CliContext ctx)
    {
        var format = Options.Format("table", "json", "csv");
        var db = Db.Option();
        var cmd = new Command("people", "The staff register: role, dates, manager, training, screening, leavers' off-boarding (personal data: admins and compliance managers).")
        {
            format, db,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var people = CliContext.Require(await useCases.People.ListAsync(useCases.Actor, ct).ConfigureAwait(false));
            switch (parse.GetValue(format))
            {
                case "json":
                    Render.WriteJson(ctx.Out, people.Select(Json));
                    break;
                case "csv":
                    Render.WriteCsv(ctx.Out, PeopleCsv.Columns, people.Select(v => Row(v.Person)));
                    break;
                default:
                    var c = CliContext.Require(await useCases.People.CoverageAsync(useCases.Actor, ct).ConfigureAwait(false));
                    Render.WriteTable(
                        ctx.Out,
                        ["email", "name", "title", "start", "end", "manager", "trained (12 months)", "screened", "off-boarding"],
                        people.Select(v => (IReadOnlyList<string?>)
                        [
                            v.Person.Email, v.Person.Name, v.Person.Title, D(v.Person.StartDate), D(v.Person.EndDate), v.Person.Manager,
                            v.TrainedWithinYear ? "yes" : "no", v.Person.Screening is null ? "no" : "yes", Offboarding(v.Offboarding),
                        ]),
                        $"{c.Active} active: {c.TrainedWithinYear} trained within 12 months, {c.Screened} screened; {c.OffboardingOpen} off-boarding open, {c.OffboardingLate} late");
                    break;
            }

            return ExitCodes.Ok;
        });
        cmd.Subcommands.Add(Import(ctx));
        cmd.Subcommands.Add(Export(ctx));
        cmd.Subcommands.Add(Erase(ctx));
        cmd.Subcommands.Add(Offboard(ctx));
        cmd.Subcommands.Add(Attest(ctx));
        foreach (var edit in PeopleEditCommands.Create(ctx))
        {
            cmd.Subcommands.Add(edit);
        }

        yield return cmd;
    }

    /// <summary>The JSON of a person: the record plus the state of a leaver's checklist.</summary>
    internal static object Json(PersonView v) => new
    {
        id = v.Person.Id,
        email = v.Person.Email,
        name = v.Person.Name,
        title = v.Person.Title,
        startDate = v.Person.StartDate,
        endDate = v.Person.EndDate,
        manager = v.Person.Manager,
        training = v.Person.Training.Select(t => new { date = t.Date, course = t.Course }),
        trainedWithinYear = v.TrainedWithinYear,
        screening = v.Person.Screening is { } s ? new { date = s.Date, by = s.By } : null,
        offboarding = v.Offboarding is { } o ? new
        {
            due = o.Due,
            open = o.Open,
            completedOn = o.CompletedOn,
            late = o.Late,
            items = v.Person.Offboarding.Select(i => new { system = i.System, doneOn = i.DoneOn, doneBy = i.DoneBy, note = i.Note }),
        } : null,
    };

    private static Command Import(CliContext ctx)
    {
        var file = new Argument<string>("file") { Description = $"CSV with a header row: {string.Join(",", PeopleCsv.Columns)} (email and name required)." };
        var db = Db.Option();
        var cmd = new Command("import", "Add or update people from a CSV, all or nothing; each error names its line and column.") { file, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new CliFailureException(new Error(ErrorCodes.MissingFile, $"no file '{path}'"));
            }

            if (info.Length > PeopleCsv.MaxChars * 2L)
            {
                throw new CliFailureException(new Error(ErrorCodes.FieldTooLong, $"{path} is {info.Length} bytes; a staff CSV may have up to {PeopleCsv.MaxChars} characters"));
            }

            var text = await File.ReadAllTextAsync(path, new UTF8Encoding(false, true), ct).ConfigureAwait(false);
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var result = CliContext.Require(await useCases.People.ImportCsvAsync(useCases.Actor, text, ct).ConfigureAwait(false));
            await ctx.Out.WriteLineAsync($"imported {path}: {result.Added} added, {result.Updated} updated").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Export(CliContext ctx)
    {
        var email = new Argument<string>("email") { Description = "The person." };
        var db = Db.Option();
        var cmd = new Command("export", "Everything the register holds about one person, as JSON (a subject access request); audited.") { email, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            Render.WriteJson(ctx.Out, Json(CliContext.Require(await useCases.People.ExportAsync(useCases.Actor, parse.GetValue(email)!, ct).ConfigureAwait(false))));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Erase(CliContext ctx)
    {
        var email = new Argument<string>("email") { Description = "The person." };
        var db = Db.Option();
        var cmd = new Command("erase", "Erase one person's data; the audit trail keeps the erasure under their opaque ID.") { email, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var id = CliContext.Require(await useCases.People.EraseAsync(useCases.Actor, parse.GetValue(email)!, ct).ConfigureAwait(false));
            await ctx.Out.WriteLineAsync($"erased {id}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Offboard(CliContext ctx)
    {
        var email = new Argument<string>("email") { Description = "The leaver." };
        var system = new Option<string>("--system") { Description = "The system whose access was removed.", Required = true };
        var on = new Option<string?>("--on") { Description = "Day access was removed (default today)." };
        var note = new Option<string?>("--note") { Description = "What shows it was done (a ticket, the console's record)." };
        var db = Db.Option();
        var cmd = new Command("offboard", "Check one item of a leaver's off-boarding checklist; the completed checklist is filed as evidence.") { email, system, on, note, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var day = parse.GetValue(on) is { } s ? ProgramCommands.ParseDate(s, "--on") : (DateOnly?)null;
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var v = CliContext.Require(await useCases.People.CheckOffboardingAsync(useCases.Actor, parse.GetValue(email)!, parse.GetValue(system)!, day, parse.GetValue(note), ct).ConfigureAwait(false));
            await ctx.Out.WriteLineAsync($"{v.Person.Email}: {Offboarding(v.Offboarding)}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Attest(CliContext ctx)
    {
        var asOf = new Option<string?>("--as-of") { Description = "The day the extracts describe (default today)." };
        var format = Options.Format("table", "json");
        var db = Db.Option();
        var cmd = new Command("attest", "File the training and screening register extracts as evidence (A.6.3/CC2.2, A.6.1/CC1.4) and list the gaps.") { asOf, format, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var day = parse.GetValue(asOf) is { } s ? ProgramCommands.ParseDate(s, "--as-of") : (DateOnly?)null;
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var r = CliContext.Require(await useCases.People.AttestAsync(useCases.Actor, day, ct).ConfigureAwait(false));
            if (parse.GetValue(format) == "json")
            {
                Render.WriteJson(ctx.Out, AttestationJson(r));
                return ExitCodes.Ok;
            }

            Render.WriteTable(
                ctx.Out,
                ["subject", "evidence", "version", "controls", "effective", "filed"],
                r.Extracts.Select(e => (IReadOnlyList<string?>)
                [
                    e.Subject, e.EvidenceId ?? "(no control covers it)", e.EvidenceId is null ? null : e.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    string.Join(' ', e.Controls), $"{D(e.From)}..{D(e.To)}", e.EvidenceId is null ? "no" : e.Unchanged ? "unchanged" : "yes",
                ]),
                $"as of {D(r.AsOf)}: {r.Exceptions.Count} exception(s)");
            foreach (var x in r.Exceptions)
            {
                await ctx.Out.WriteLineAsync($"exception: {x.Text}").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>The JSON of an attestation: the extracts filed and the gaps.</summary>
    internal static object AttestationJson(StaffAttestationResult r) => new
    {
        asOf = r.AsOf,
        extracts = r.Extracts.Select(e => new { subject = e.Subject, evidenceId = e.EvidenceId, version = e.Version, sha256 = e.Sha256, controls = e.Controls, effectiveFrom = e.From, effectiveTo = e.To, unchanged = e.Unchanged }),
        exceptions = r.Exceptions.Select(x => new { kind = x.Kind, personId = x.PersonId, text = x.Text }),
    };

    private static IReadOnlyList<string?> Row(Person p) =>
    [
        p.Email, p.Name, p.Title, D(p.StartDate), D(p.EndDate), p.Manager, D(p.Screening?.Date), p.Screening?.By,
        p.Training.Count > 0 ? p.Training[^1].Course : null, D(p.Training.Count > 0 ? p.Training[^1].Date : null),
    ];

    private static string Offboarding(OffboardingState? o) => o switch
    {
        null => "",
        { CompletedOn: { } c } => $"completed {CalendarDates.Format(c)}{(o.Late ? " (late)" : "")}",
        _ => $"{o.Open} open, due {CalendarDates.Format(o.Due)}{(o.Late ? " (late)" : "")}",
    };

    private static string? D(DateOnly? d) => d is { } x ? CalendarDates.Format(x) : null;
}
