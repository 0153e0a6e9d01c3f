using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Core.Evidence;
using Trellis.Core.People;
using Trellis.Data;

namespace Trellis.Application.People;

/// <summary>A person as the register shows them: the record and, for a leaver, the state of their checklist.</summary>
/// <param name="Person">The record.</param>
/// <param name="Offboarding">The checklist's state; null for someone who has not left.</param>
/// <param name="TrainedWithinYear">True when a training was completed within the last 12 months.</param>
public sealed record PersonView(Person Person, OffboardingState? Offboarding, bool TrainedWithinYear);

/// <summary>Counts of the register on a day: what training and screening evidence says for A.6.3/CC2.2 and A.6.1/CC1.4.</summary>
/// <param name="Active">Staff working on the day.</param>
/// <param name="TrainedWithinYear">Of them, trained within the last 12 months.</param>
/// <param name="Screened">Of them, screened.</param>
/// <param name="OffboardingOpen">Leavers whose checklist is open.</param>
/// <param name="OffboardingLate">Leavers whose checklist is open past its due day or was completed late.</param>
public sealed record PeopleCoverage(int Active, int TrainedWithinYear, int Screened, int OffboardingOpen, int OffboardingLate);

/// <summary>What a CSV import did.</summary>
/// <param name="Added">People added.</param>
/// <param name="Updated">People updated.</param>
public sealed record PeopleImportResult(int Added, int Updated);

/// <summary>
/// The staff register (issue 17, item 5). Personal data: admins and compliance managers only (auditors and staff are
/// refused; auditors see off-boarding only as evidence summaries that name the opaque ID). Every write is one
/// transaction with its audit entry, and audit entries name a person by their opaque ID only, so that erasure
/// (deleting the row) leaves the hash-chained trail intact and free of the person's data.
/// </summary>
public sealed partial class PeopleService(ProgramService program, ProgramStore store, TimeProvider clock)
{
    /// <summary>Today's date (UTC) from the injected clock.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Everyone in the register, by e-mail.</summary>
    public async Task<Result<IReadOnlyList<PersonView>>> ListAsync(Account account, CancellationToken ct)
    {
        if (Refuse(account) is { } no)
        {
            return no;
        }

        var settings = await store.PeopleSettingsAsync(ct);
        var today = Today;
        return Result<IReadOnlyList<PersonView>>.Ok([.. (await store.PeopleAsync(ct)).Select(p => View(p, settings, today))]);
    }

    /// <summary>One person by e-mail.</summary>
    public async Task<Result<PersonView>> GetAsync(Account account, string email, CancellationToken ct)
    {
        var found = await FindAsync(account, email, ct);
        return found.IsSuccess ? View(found.Value, await store.PeopleSettingsAsync(ct), Today) : found.Error!;
    }

    /// <summary>
    /// The registers as program.yaml carries them: the staff register only for admins and compliance managers (others
    /// export the program without it), the vendor register and settings for everyone who exports.
    /// </summary>
    public async Task<Trellis.Exchange.ProgramAsCode.ProgramRegisters> ForExportAsync(Account account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var people = Refuse(account) is null ? await store.PeopleAsync(ct) : [];
        return new(people, await store.VendorsAsync(ct), await store.PeopleSettingsAsync(ct));
    }

    /// <summary>The register's counts today.</summary>
    public async Task<Result<PeopleCoverage>> CoverageAsync(Account account, CancellationToken ct)
    {
        var list = await ListAsync(account, ct);
        if (!list.IsSuccess)
        {
            return list.Error!;
        }

        var today = Today;
        var active = list.Value.Where(v => v.Person.IsActiveOn(today)).ToList();
        var leavers = list.Value.Where(v => v.Offboarding is not null).ToList();
        return new PeopleCoverage(
            active.Count,
            active.Count(v => v.TrainedWithinYear),
            active.Count(v => v.Person.Screening is not null),
            leavers.Count(v => v.Offboarding!.CompletedOn is null),
            leavers.Count(v => v.Offboarding!.Late));
    }

    /// <summary>The off-boarding settings.</summary>
    public async Task<Result<PeopleSettings>> SettingsAsync(Account account, CancellationToken ct) =>
        Refuse(account) is { } no ? no : await store.PeopleSettingsAsync(ct);

    /// <summary>Saves the register settings: 0 to 30 off-boarding days, a training interval of 1 to 36 months, 1 to 50 distinct systems.</summary>
    public async Task<Result<PeopleSettings>> SaveSettingsAsync(Account account, PeopleSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (Refuse(account) is { } no)
        {
            return no;
        }

        if (settings.OffboardingDays is < 0 or > 30)
        {
            return new Error(ErrorCodes.InvalidPerson, "off-boarding days must be 0 to 30", "offboardingDays");
        }

        if (settings.TrainingMonths is < 1 or > 36)
        {
            return new Error(ErrorCodes.InvalidPerson, "the training interval must be 1 to 36 months", "trainingMonths");
        }

        var systems = settings.OffboardingSystems.Select(s => s.Trim()).ToList();
        if (systems.Count is 0 or > 50 || systems.Any(s => s.Length is 0 or > 200) || systems.Distinct(StringComparer.OrdinalIgnoreCase).Count() != systems.Count)
        {
            return new Error(ErrorCodes.InvalidPerson, "give 1 to 50 distinct off-boarding systems (1 to 200 characters each)", "offboardingSystems");
        }

        var saved = settings with { OffboardingSystems = systems };
        await store.SavePeopleSettingsAsync(AuditRecords.Of(clock, account, "people.settings", "people/settings", saved), saved, ct);
        return saved;
    }

    /// <summary>
    /// Adds or updates a person by e-mail (the ID of an existing person is kept; a new one gets a fresh opaque ID). Setting
    /// an end date opens the off-boarding checklist with one item per system of the settings.
    /// </summary>
    public async Task<Result<PersonView>> SaveAsync(Account account, Person person, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (Refuse(account) is { } no)
        {
            return no;
        }

        var checkedPerson = Check(person);
        if (!checkedPerson.IsSuccess)
        {
            return checkedPerson.Error!;
        }

        var settings = await store.PeopleSettingsAsync(ct);
        var existing = (await store.PeopleAsync(ct)).FirstOrDefault(p => p.Email == checkedPerson.Value.Email);
        var saved = checkedPerson.Value with { Id = existing?.Id ?? NewId() };
        saved = saved with { Offboarding = Offboarding.Open(saved, settings) };
        await store.SavePeopleAsync(AuditRecords.Of(clock, account, existing is null ? "person.add" : "person.update", $"people/{saved.Id}", new { id = saved.Id, leaver = saved.IsLeaver }), [saved], ct);
        return View(saved, settings, Today);
    }

    /// <summary>
    /// Imports a staff CSV (<see cref="PeopleCsv"/>): all or nothing, one write and one audit entry. Existing people
    /// (by e-mail) keep their ID, training history and checklist; a row's training is added when new; screening is
    /// replaced when given.
    /// </summary>
    public async Task<Result<PeopleImportResult>> ImportCsvAsync(Account account, string csv, CancellationToken ct)
    {
        if (Refuse(account) is { } no)
        {
            return no;
        }

        var rows = PeopleCsv.Parse(csv);
        if (!rows.IsSuccess)
        {
            return rows.Error!;
        }

        var settings = await store.PeopleSettingsAsync(ct);
        var existing = (await store.PeopleAsync(ct)).ToDictionary(p => p.Email, StringComparer.Ordinal);
        var people = new List<Person>();
        var added = 0;
        foreach (var r in rows.Value)
        {
            var before = existing.GetValueOrDefault(r.Email);
            added += before is null ? 1 : 0;
            var training = before?.Training ?? [];
            if (r.Training is { } t && !training.Contains(t))
            {
                training = [.. training.Append(t).OrderBy(x => x.Date)];
            }

            var p = new Person
            {
                Id = before?.Id ?? NewId(),
                Email = r.Email,
                Name = r.Name,
                Title = r.Title,
                StartDate = r.StartDate,
                EndDate = r.EndDate,
                Manager = r.Manager,
                Training = training,
                Screening = r.Screening ?? before?.Screening,
                Offboarding = before?.Offboarding ?? [],
            };
            people.Add(p with { Offboarding = Offboarding.Open(p, settings) });
        }

        await store.SavePeopleAsync(AuditRecords.Of(clock, account, "people.import", "people", new { ids = people.Select(p => p.Id).ToList(), added }), people, ct);
        return new PeopleImportResult(added, people.Count - added);
    }

    /// <summary>Everything the register holds about one person (a subject access request), as a JSON-ready record.</summary>
    public async Task<Result<PersonView>> ExportAsync(Account account, string email, CancellationToken ct)
    {
        var found = await GetAsync(account, email, ct);
        if (found.IsSuccess)
        {
            await store.AppendAuditAsync(AuditRecords.Of(clock, account, "person.export", $"people/{found.Value.Person.Id}", null), ct);
        }

        return found;
    }

    /// <summary>
    /// Erases a person: their row is deleted; the audit entry names only the opaque ID. Evidence already filed for a
    /// completed checklist names the opaque ID too, so it stays as the program's record.
    /// </summary>
    public async Task<Result<string>> EraseAsync(Account account, string email, CancellationToken ct)
    {
        var found = await FindAsync(account, email, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        await store.ErasePersonAsync(AuditRecords.Of(clock, account, "person.erase", $"people/{found.Value.Id}", null), found.Value.Id, ct);
        return found.Value.Id;
    }

    /// <summary>
    /// Checks one item of a leaver's checklist (access to <paramref name="system"/> removed on <paramref name="on"/>,
    /// default today). When it completes the checklist, the completion is filed as evidence, effective that day, for
    /// every control mapped to <see cref="Offboarding.Requirements"/>.
    /// </summary>
    public Task<Result<PersonView>> CheckOffboardingAsync(Account account, string email, string system, DateOnly? on, CancellationToken ct) =>
        CheckOffboardingAsync(account, email, system, on, null, ct);

    /// <summary>
    /// <see cref="CheckOffboardingAsync(Account, string, string, DateOnly?, CancellationToken)"/> with a note saying what
    /// shows it was done (a ticket, the console's record; at most 500 characters), kept on the item and in the
    /// completed checklist's evidence.
    /// </summary>
    public async Task<Result<PersonView>> CheckOffboardingAsync(Account account, string email, string system, DateOnly? on, string? note, CancellationToken ct)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is { Length: > 500 } || (note?.Any(char.IsControl) ?? false))
        {
            return new Error(ErrorCodes.InvalidPerson, "the note has at most 500 characters and no control characters", "note");
        }

        var found = await FindAsync(account, email, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var person = found.Value;
        var index = person.Offboarding.ToList().FindIndex(i => string.Equals(i.System, system?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (!person.IsLeaver || index < 0)
        {
            return new Error(ErrorCodes.InvalidPerson, person.IsLeaver
                ? $"the checklist of {person.Email} has no system '{system}' (it has: {string.Join(", ", person.Offboarding.Select(i => i.System))})"
                : $"{person.Email} has no end date: set it to open the off-boarding checklist", "system");
        }

        var day = on ?? Today;
        if (day > Today || (person.StartDate is { } s && day < s))
        {
            return new Error(ErrorCodes.InvalidPerson, $"access is removed on a day between the start date and today, not {CalendarDates.Format(day)}", "on");
        }

        if (person.Offboarding[index].Done)
        {
            return new Error(ErrorCodes.InvalidPerson, $"{person.Offboarding[index].System} was already checked on {CalendarDates.Format(person.Offboarding[index].DoneOn!.Value)}", "system");
        }

        var items = person.Offboarding.ToList();
        items[index] = items[index] with { DoneOn = day, DoneBy = account.Email, Note = note };
        var saved = person with { Offboarding = items };
        await store.SavePeopleAsync(AuditRecords.Of(clock, account, "person.offboarding", $"people/{saved.Id}", new { system = items[index].System, on = day, note }), [saved], ct);
        var settings = await store.PeopleSettingsAsync(ct);
        var view = View(saved, settings, Today);
        if (view.Offboarding?.CompletedOn is { } completed)
        {
            var filed = await FileEvidenceAsync(account, saved, view.Offboarding, completed, ct);
            if (!filed.IsSuccess)
            {
                return filed.Error!;
            }
        }

        return view;
    }

    /// <summary>The controls a completed checklist is evidence for: those mapped to <see cref="Offboarding.Requirements"/>.</summary>
    public async Task<IReadOnlyList<string>> OffboardingControlsAsync(CancellationToken ct) =>
        [.. (await program.LoadAsync(ct)).Controls
            .Where(c => c.Mappings.Any(m => Offboarding.Requirements.Contains(m.Requirement.Requirement, StringComparer.Ordinal)))
            .Select(c => c.Id)];

    private async Task<Result<bool>> FileEvidenceAsync(Account account, Person person, OffboardingState state, DateOnly completed, CancellationToken ct)
    {
        var controls = await OffboardingControlsAsync(ct);
        if (controls.Count == 0)
        {
            return true;
        }

        // The summary names the opaque ID and systems only: it is what auditors see of the leaver.
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Off-boarding checklist of {person.Id}\n")
            .Append(CultureInfo.InvariantCulture, $"Last working day: {CalendarDates.Format(person.EndDate!.Value)}; access to be removed by {CalendarDates.Format(state.Due)}\n");
        foreach (var i in person.Offboarding)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {i.System}: removed {CalendarDates.Format(i.DoneOn!.Value)}{(i.Note is null ? "" : " — " + i.Note)}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"Completed {CalendarDates.Format(completed)}{(state.Late ? " (late)" : " (on time)")}\n");
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var item = new EvidenceItem
        {
            Id = "",
            Title = $"Off-boarding completed — {person.Id}",
            Source = $"people/{person.Id}",
            ControlIds = controls,
            Versions =
            [
                new EvidenceVersion
                {
                    Number = 1,
                    Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
                    FileName = $"offboarding-{person.Id}.txt",
                    Size = bytes.LongLength,
                    MediaType = "text/plain",
                    CollectedAt = clock.GetUtcNow(),
                    EffectiveFrom = completed,
                },
            ],
        };
        var added = await program.AddEvidenceAsync(account, item, bytes, ct);
        return added.IsSuccess ? true : added.Error!;
    }

    internal static PersonView View(Person p, PeopleSettings settings, DateOnly today) =>
        new(p, Offboarding.StateOf(p, settings, today), p.Training.Any(t => t.Date > today.AddMonths(-12) && t.Date <= today));

    internal static Error? Refuse(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.ManagesProgram && account.Scope is null
            ? null
            : new Error(ErrorCodes.Forbidden, "the staff register holds personal data: only admins and compliance managers see it");
    }

    internal async Task<Result<Person>> FindAsync(Account account, string email, CancellationToken ct)
    {
        if (Refuse(account) is { } no)
        {
            return no;
        }

        var key = PersonRules.NormalizeEmail(email);
        var person = key is null ? null : (await store.PeopleAsync(ct)).FirstOrDefault(p => p.Email == key);
        return person is null ? new Error(ErrorCodes.UnknownPerson, $"no person '{email}' in the staff register", "email") : person;
    }

    internal static Result<Person> Check(Person p)
    {
        var email = PersonRules.NormalizeEmail(p.Email);
        if (email is null)
        {
            return new Error(ErrorCodes.InvalidPerson, $"'{p.Email}' is not an e-mail address", "email");
        }

        if (p.Name.Trim().Length is 0 or > 200 || p.Title.Length > 200 || (p.Name + p.Title).Any(char.IsControl))
        {
            return new Error(ErrorCodes.InvalidPerson, "give a name (1 to 200 characters) and a title of at most 200, without control characters", "name");
        }

        if (p.StartDate is { } s && p.EndDate is { } e && e < s)
        {
            return new Error(ErrorCodes.InvalidPerson, "the end date is before the start date", "endDate");
        }

        string? manager = null;
        if (!string.IsNullOrWhiteSpace(p.Manager) && (manager = PersonRules.NormalizeEmail(p.Manager)) is null)
        {
            return new Error(ErrorCodes.InvalidPerson, $"manager '{p.Manager}' is not an e-mail address", "manager");
        }

        if (p.Training.Any(t => t.Course.Trim().Length is 0 or > 200) || p.Screening is { By.Length: 0 or > 200 })
        {
            return new Error(ErrorCodes.InvalidPerson, "each training needs a course and a screening who did it (1 to 200 characters)", "training");
        }

        return p with { Email = email, Name = p.Name.Trim(), Title = p.Title.Trim(), Manager = manager };
    }

    internal static string NewId() => "P-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
}
