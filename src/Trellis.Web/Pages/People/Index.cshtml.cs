using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.People;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Core.People;
using Trellis.Web.Api;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.People;

/// <summary>
/// <c>/people</c>: the staff register (issue 17, item 5) for admins and compliance managers only — leavers first with
/// their off-boarding checklist and a form per open item, then everyone else — and a CSV import (all or nothing).
/// Everything is done by <see cref="PeopleService"/>; this page only parses, calls and renders.
/// </summary>
[Authorize(Policy = Policies.ProgramSettingsWrite)]
public sealed class IndexModel(PeopleService people) : PageModel
{
    /// <summary>Leavers first (latest end date first), then everyone else by name.</summary>
    public IReadOnlyList<PersonView> People { get; private set; } = [];

    /// <summary>The register's counts today.</summary>
    public PeopleCoverage? Coverage { get; private set; }

    /// <summary>Staff gaps today (training past the interval, screening missing or late).</summary>
    public IReadOnlyList<StaffGap> Gaps { get; private set; } = [];

    /// <summary>Today.</summary>
    public DateOnly Today => people.Today;

    /// <summary>The CSV text posted, kept when the import fails so it can be corrected.</summary>
    [BindProperty]
    public string? Csv { get; set; }

    /// <summary>The outcome of the last action.</summary>
    public string? Message { get; private set; }

    /// <summary>True when <see cref="Message"/> says why the last action failed.</summary>
    public bool Failed { get; private set; }

    /// <summary>Lists.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ListAsync(ct);

    /// <summary>Ticks one item of a leaver's checklist as done today, with an optional note (what shows it).</summary>
    public async Task<IActionResult> OnPostOffboardAsync(string? email, string? system, string? note, CancellationToken ct)
    {
        var done = await people.CheckOffboardingAsync(HttpContext.Account(), email ?? "", system ?? "", null, note, ct);
        return done.IsSuccess
            ? await ListAsync(ct, done.Value.Offboarding?.CompletedOn is null
                ? $"Checked {system} for {done.Value.Person.Email}."
                : $"Checked {system} for {done.Value.Person.Email}: the checklist is complete and filed as evidence.")
            : await FailAsync(done.Error!, ct);
    }

    /// <summary>Imports a staff CSV pasted or uploaded (the file wins when both are given).</summary>
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        var text = Csv ?? "";
        if (file is { Length: > 0 })
        {
            if (file.Length > PeopleCsv.MaxChars * 4L)
            {
                return await FailAsync(new Error(ErrorCodes.FieldTooLong, $"a staff CSV may have up to {PeopleCsv.MaxChars} characters", "csv"), ct);
            }

            using var reader = new StreamReader(file.OpenReadStream());
            text = await reader.ReadToEndAsync(ct);
        }

        var imported = await people.ImportCsvAsync(HttpContext.Account(), text, ct);
        if (!imported.IsSuccess)
        {
            return await FailAsync(imported.Error!, ct);
        }

        Csv = null;
        return await ListAsync(ct, $"Imported: {imported.Value.Added} added, {imported.Value.Updated} updated.");
    }

    /// <summary>Files the training and screening register extracts as evidence today.</summary>
    public async Task<IActionResult> OnPostAttestAsync(CancellationToken ct)
    {
        var done = await people.AttestAsync(HttpContext.Account(), null, ct);
        if (!done.IsSuccess)
        {
            return await FailAsync(done.Error!, ct);
        }

        var filed = string.Join("; ", done.Value.Extracts.Select(e => e.EvidenceId is null
            ? $"{e.Subject}: no control covers it"
            : $"{e.Subject}: {e.EvidenceId} version {e.Version}{(e.Unchanged ? " (unchanged)" : "")}"));
        return await ListAsync(ct, $"Attested as of {CalendarDates.Format(done.Value.AsOf)}: {filed}; {done.Value.Exceptions.Count} exception(s).");
    }

    /// <summary>Adds a person (<paramref name="form"/>.Email new) or saves their fields (<paramref name="edit"/> true).</summary>
    public async Task<IActionResult> OnPostSaveAsync(PersonForm form, bool edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var person = form.ToPerson();
        if (!person.IsSuccess)
        {
            return await FailAsync(person.Error!, ct);
        }

        var account = HttpContext.Account();
        Result<PersonView> saved;
        if (edit)
        {
            var before = await people.GetAsync(account, form.Email ?? "", ct);
            saved = before.IsSuccess
                ? await people.EditAsync(account, form.Email ?? "", person.Value with
                {
                    Training = person.Value.Training.Count == 0 ? before.Value.Person.Training : [.. before.Value.Person.Training, .. person.Value.Training],
                    Screening = person.Value.Screening ?? before.Value.Person.Screening,
                }, ct)
                : before;
        }
        else
        {
            saved = await people.AddAsync(account, person.Value, ct);
        }

        return saved.IsSuccess
            ? await ListAsync(ct, $"{(edit ? "Saved" : "Added")} {saved.Value.Person.Email}.")
            : await FailAsync(saved.Error!, ct);
    }

    /// <summary>End-dates a person: their off-boarding checklist opens.</summary>
    public async Task<IActionResult> OnPostLeaveAsync(string? email, string? endDate, CancellationToken ct)
    {
        var parsed = CalendarDates.Parse(endDate, "end date");
        if (!parsed.IsSuccess)
        {
            return await FailAsync(parsed.Error! with { Location = "endDate" }, ct);
        }

        var end = parsed.Value;
        var done = await people.LeaveAsync(HttpContext.Account(), email ?? "", end, ct);
        return done.IsSuccess
            ? await ListAsync(ct, $"{done.Value.Person.Email} leaves {CalendarDates.Format(end)}: off-boarding due {CalendarDates.Format(done.Value.Offboarding!.Due)}.")
            : await FailAsync(done.Error!, ct);
    }

    private async Task<IActionResult> FailAsync(Error error, CancellationToken ct)
    {
        if (error.Code == ErrorCodes.Forbidden)
        {
            return Forbid();
        }

        var page = await ListAsync(ct, error.Message, true);
        if (page is PageResult)
        {
            Response.StatusCode = ApiErrors.StatusOf(error);
        }

        return page;
    }

    private async Task<IActionResult> ListAsync(CancellationToken ct, string? message = null, bool failed = false)
    {
        (Message, Failed) = (message, failed);
        var account = HttpContext.Account();
        var found = await people.ListAsync(account, ct);
        var coverage = await people.CoverageAsync(account, ct);
        if (!found.IsSuccess || !coverage.IsSuccess)
        {
            return Forbid();
        }

        Coverage = coverage.Value;
        Gaps = await people.ExceptionsAsync(account, ct);
        People = [.. found.Value
            .OrderBy(v => v.Person.IsLeaver ? 0 : 1)
            .ThenByDescending(v => v.Person.EndDate)
            .ThenBy(v => v.Person.Name, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(v => v.Person.Email, StringComparer.Ordinal)];
        return Page();
    }
}
