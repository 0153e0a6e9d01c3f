using System.CommandLine;
using Trellis.Core.Common;
using Trellis.Core.People;

namespace Trellis.Cli.Commands;

/// <summary>
/// <c>trellis people add EMAIL --name N [...]</c>, <c>people edit EMAIL [...]</c> (only the options given change;
/// a training given is added), <c>people leave EMAIL --end DATE</c>: one person at a time, through
/// <see cref="Application.People.PeopleService"/> (sub-commands of <see cref="PeopleCommands"/>).
/// </summary>
internal static class PeopleEditCommands
{
    public static IEnumerable<Command> Create(CliContext ctx)
    {
        yield return Edit(ctx, add: true);
        yield return Edit(ctx, add: false);
        yield return Leave(ctx);
    }

    private static Command Edit(CliContext ctx, bool add)
    {
        var email = new Argument<string>("email") { Description = "The person's e-mail (the register's key)." };
        var name = new Option<string?>("--name") { Description = "Full name.", Required = add };
        var title = new Option<string?>("--title") { Description = "Role or job title." };
        var start = new Option<string?>("--start") { Description = "First working day (YYYY-MM-DD)." };
        var end = new Option<string?>("--end") { Description = "Last working day (YYYY-MM-DD); opens the off-boarding checklist." };
        var manager = new Option<string?>("--manager") { Description = "The manager's e-mail." };
        var screenedOn = new Option<string?>("--screened-on") { Description = "Day screening was completed (with --screened-by)." };
        var screenedBy = new Option<string?>("--screened-by") { Description = "Who did the screening." };
        var trainingDate = new Option<string?>("--training-date") { Description = "Day a security-awareness training was completed (with --training-course); added to the history." };
        var trainingCourse = new Option<string?>("--training-course") { Description = "The course." };
        var db = Db.Option();
        var cmd = new Command(add ? "add" : "edit", add
            ? "Add one person to the staff register; audited under their new opaque ID."
            : "Change one person: only the options given change, a training given is added; audited.")
        {
            email, name, title, start, end, manager, screenedOn, screenedBy, trainingDate, trainingCourse, db,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var key = parse.GetValue(email)!;
            var before = add
                ? new Person { Id = "", Email = key }
                : CliContext.Require(await useCases.People.GetAsync(useCases.Actor, key, ct).ConfigureAwait(false)).Person;
            var person = before with
            {
                Name = parse.GetValue(name) ?? before.Name,
                Title = parse.GetValue(title) ?? before.Title,
                StartDate = Date(parse.GetValue(start), "--start") ?? before.StartDate,
                EndDate = Date(parse.GetValue(end), "--end") ?? before.EndDate,
                Manager = parse.GetValue(manager) ?? before.Manager,
                Screening = Pair(parse.GetValue(screenedOn), parse.GetValue(screenedBy), "--screened-on", "--screened-by") is { } s ? new ScreeningRecord(s.Day, s.Text) : before.Screening,
                Training = Pair(parse.GetValue(trainingDate), parse.GetValue(trainingCourse), "--training-date", "--training-course") is { } t
                    ? [.. before.Training, new TrainingCompletion(t.Day, t.Text)]
                    : before.Training,
            };
            var saved = CliContext.Require(add
                ? await useCases.People.AddAsync(useCases.Actor, person, ct).ConfigureAwait(false)
                : await useCases.People.EditAsync(useCases.Actor, key, person, ct).ConfigureAwait(false));
            await ctx.Out.WriteLineAsync($"{(add ? "added" : "updated")} {saved.Person.Email} ({saved.Person.Id})").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Leave(CliContext ctx)
    {
        var email = new Argument<string>("email") { Description = "The leaver." };
        var end = new Option<string>("--end") { Description = "Last working day (YYYY-MM-DD).", Required = true };
        var db = Db.Option();
        var cmd = new Command("leave", "End-date a person: their off-boarding checklist opens, due within the program's off-boarding days.") { email, end, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var day = ProgramCommands.ParseDate(parse.GetValue(end)!, "--end");
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var v = CliContext.Require(await useCases.People.LeaveAsync(useCases.Actor, parse.GetValue(email)!, day, ct).ConfigureAwait(false));
            await ctx.Out.WriteLineAsync($"{v.Person.Email} leaves {CalendarDates(day)}: off-boarding due {CalendarDates(v.Offboarding!.Due)}, {v.Offboarding.Open} item(s) open").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static DateOnly? Date(string? text, string option) => text is null ? null : ProgramCommands.ParseDate(text, option);

    // A date option and its text option go together, as the CSV's columns do.
    private static (DateOnly Day, string Text)? Pair(string? date, string? text, string dateOption, string textOption)
    {
        if (date is null && text is null)
        {
            return null;
        }

        if (date is null || text is null)
        {
            throw new CliFailureException(new Error(ErrorCodes.InvalidPerson, $"{dateOption} and {textOption} go together: give both or neither", date is null ? dateOption : textOption));
        }

        return (ProgramCommands.ParseDate(date, dateOption), text);
    }

    private static string CalendarDates(DateOnly d) => Core.Audits.CalendarDates.Format(d);
}
