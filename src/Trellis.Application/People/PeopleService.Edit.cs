using Trellis.Application.Actors;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Core.People;

namespace Trellis.Application.People;

/// <summary>Creating, editing and end-dating one person (the forms, the API and <c>trellis people add|edit|leave</c>).</summary>
public sealed partial class PeopleService
{
    /// <summary>
    /// Adds a new person (refused when the e-mail is already in the register). Training and screening may not be dated
    /// in the future; an end date opens the off-boarding checklist. Audited as <c>person.add</c> under the new opaque ID.
    /// </summary>
    public async Task<Result<PersonView>> AddAsync(Account account, Person person, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (Refuse(account) is { } no)
        {
            return no;
        }

        var checkedPerson = CheckEdit(person);
        if (!checkedPerson.IsSuccess)
        {
            return checkedPerson.Error!;
        }

        var p = checkedPerson.Value;
        if ((await store.PeopleAsync(ct)).Any(x => x.Email == p.Email))
        {
            return new Error(ErrorCodes.DuplicateId, $"{p.Email} is already in the staff register: edit them instead", "email");
        }

        var settings = await store.PeopleSettingsAsync(ct);
        var saved = p with { Id = NewId(), Offboarding = [] };
        saved = saved with { Offboarding = Offboarding.Open(saved, settings) };
        await store.SavePeopleAsync(AuditRecords.Of(clock, account, "person.add", $"people/{saved.Id}", new { id = saved.Id, leaver = saved.IsLeaver }), [saved], ct);
        return View(saved, settings, Today);
    }

    /// <summary>
    /// Replaces a person's fields (name, title, dates, manager, training, screening); the e-mail is the key and stays,
    /// as do the opaque ID and the checklist. Setting an end date opens the checklist; clearing it is refused once an item
    /// is checked. Audited as <c>person.update</c>.
    /// </summary>
    public async Task<Result<PersonView>> EditAsync(Account account, string email, Person changes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var found = await FindAsync(account, email, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var before = found.Value;
        if (!string.IsNullOrWhiteSpace(changes.Email) && PersonRules.NormalizeEmail(changes.Email) != before.Email)
        {
            return new Error(ErrorCodes.InvalidPerson, $"the e-mail is the register's key: {before.Email} cannot become {changes.Email} (add the new address as a person)", "email");
        }

        var checkedPerson = CheckEdit(changes with { Email = before.Email });
        if (!checkedPerson.IsSuccess)
        {
            return checkedPerson.Error!;
        }

        var p = checkedPerson.Value;
        if (p.EndDate is null && before.Offboarding.Any(i => i.Done))
        {
            return new Error(ErrorCodes.InvalidPerson, $"{before.Email}'s off-boarding has begun: the end date cannot be cleared", "endDate");
        }

        var settings = await store.PeopleSettingsAsync(ct);
        var saved = p with { Id = before.Id, Offboarding = p.EndDate is null ? [] : before.Offboarding };
        saved = saved with { Offboarding = Offboarding.Open(saved, settings) };
        await store.SavePeopleAsync(AuditRecords.Of(clock, account, "person.update", $"people/{saved.Id}", new { id = saved.Id, leaver = saved.IsLeaver }), [saved], ct);
        return View(saved, settings, Today);
    }

    /// <summary>
    /// End-dates a person (their last working day, on or after the start date): the off-boarding checklist opens with one
    /// item per system, due <see cref="PeopleSettings.OffboardingDays"/> days later. Audited as <c>person.leave</c>.
    /// </summary>
    public async Task<Result<PersonView>> LeaveAsync(Account account, string email, DateOnly endDate, CancellationToken ct)
    {
        var found = await FindAsync(account, email, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var before = found.Value;
        if (before.StartDate is { } s && endDate < s)
        {
            return new Error(ErrorCodes.InvalidPerson, $"the end date {CalendarDates.Format(endDate)} is before the start date {CalendarDates.Format(s)}", "endDate");
        }

        var settings = await store.PeopleSettingsAsync(ct);
        var saved = before with { EndDate = endDate };
        saved = saved with { Offboarding = Offboarding.Open(saved, settings) };
        await store.SavePeopleAsync(AuditRecords.Of(clock, account, "person.leave", $"people/{saved.Id}", new { endDate }), [saved], ct);
        return View(saved, settings, Today);
    }

    // The shared rules (Check) plus those of a hand edit: no training or screening dated after today, trainings distinct.
    private Result<Person> CheckEdit(Person person)
    {
        var checkedPerson = Check(person);
        if (!checkedPerson.IsSuccess)
        {
            return checkedPerson;
        }

        var p = checkedPerson.Value;
        if (p.Training.Any(t => t.Date > Today))
        {
            return new Error(ErrorCodes.InvalidPerson, $"a training is dated after today ({CalendarDates.Format(Today)})", "training");
        }

        if (p.Screening is { } sc && sc.Date > Today)
        {
            return new Error(ErrorCodes.InvalidPerson, $"the screening is dated after today ({CalendarDates.Format(Today)})", "screening");
        }

        return p with
        {
            Training = [.. p.Training.Select(t => t with { Course = t.Course.Trim() }).Distinct().OrderBy(t => t.Date)],
            Screening = p.Screening is { } s ? s with { By = s.By.Trim() } : null,
        };
    }
}
