using System.Globalization;
using System.Text;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Core.Readiness;

namespace Trellis.Core.People;

/// <summary>One gap in the staff register on a day: a current member of staff untrained or not screened.</summary>
/// <param name="Kind"><see cref="StaffAttestation.TrainingOverdue"/>, <see cref="StaffAttestation.NotScreened"/> or <see cref="StaffAttestation.ScreenedLate"/>.</param>
/// <param name="PersonId">The person's opaque ID (what readiness, the dashboard and evidence name).</param>
/// <param name="Text">One line naming the opaque ID, the role and the day that matters.</param>
public sealed record StaffGap(string Kind, string PersonId, string Text)
{
    /// <summary>True for a training gap (A.6.3, CC2.2); false for a screening gap (A.6.1, CC1.4).</summary>
    public bool IsTraining => Kind == StaffAttestation.TrainingOverdue;
}

/// <summary>A register extract: its text (the evidence file) and the period it is effective for.</summary>
/// <param name="Text">The extract, naming opaque IDs and roles only.</param>
/// <param name="From">First day it speaks for.</param>
/// <param name="To">Last day it speaks for (the as-of day).</param>
public sealed record StaffExtract(string Text, DateOnly From, DateOnly To);

/// <summary>
/// Training and screening as evidence (issue 17, item 5). On an as-of day the current staff (working that day) are
/// checked: each must have completed security-awareness training within the program's training interval
/// (<see cref="PeopleSettings.TrainingMonths"/>; ISO/IEC 27001 A.6.3, SOC 2 CC2.2) — a new starter without any
/// training has <see cref="NewStarterDays"/> days from the start date — and must have been screened on or before their
/// start date (A.6.1, CC1.4). The extracts (one per subject) are the evidence; the gaps are exceptions shown as reasons
/// on those requirements in readiness, as vendor exceptions are on CC9.2. Extracts and reasons name the opaque ID and
/// the role, never the name or e-mail, so erasing a person leaves no personal data in evidence.
/// </summary>
public static class StaffAttestation
{
    /// <summary>The requirements the training extract is evidence for.</summary>
    public static IReadOnlyList<string> TrainingRequirements { get; } = ["A.6.3", "CC2.2"];

    /// <summary>The requirements the screening extract is evidence for.</summary>
    public static IReadOnlyList<string> ScreeningRequirements { get; } = ["A.6.1", "CC1.4"];

    /// <summary>Kind: no training within the interval (or a new starter untrained after <see cref="NewStarterDays"/>).</summary>
    public const string TrainingOverdue = "training-overdue";

    /// <summary>Kind: no screening recorded.</summary>
    public const string NotScreened = "not-screened";

    /// <summary>Kind: screened after the start date.</summary>
    public const string ScreenedLate = "screened-after-start";

    /// <summary>Days a new starter has for their first training: 30 (onboarding).</summary>
    public const int NewStarterDays = 30;

    /// <summary>The prefix of every reason added to readiness.</summary>
    public const string ReasonPrefix = "staff exception: ";

    /// <summary>The training window ending on <paramref name="asOf"/>: the interval's first day to the as-of day.</summary>
    public static (DateOnly From, DateOnly To) TrainingWindow(PeopleSettings settings, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return (asOf.AddMonths(-settings.TrainingMonths).AddDays(1), asOf);
    }

    /// <summary>The newest training on or before <paramref name="asOf"/>, if any.</summary>
    public static TrainingCompletion? LastTraining(Person person, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.Training.Where(t => t.Date <= asOf).MaxBy(t => t.Date);
    }

    /// <summary>True when the person meets the training rule on <paramref name="asOf"/>.</summary>
    public static bool IsTrained(Person person, PeopleSettings settings, DateOnly asOf)
    {
        var last = LastTraining(person, asOf);
        if (last is not null)
        {
            return last.Date >= TrainingWindow(settings, asOf).From;
        }

        return person.StartDate is { } s && asOf <= s.AddDays(NewStarterDays);
    }

    /// <summary>True when screening is recorded on or before the start date (or the start date is unknown).</summary>
    public static bool IsScreenedBeforeStart(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.Screening is { } s && (person.StartDate is null || s.Date <= person.StartDate);
    }

    /// <summary>The current staff on <paramref name="asOf"/> (working that day), by opaque ID.</summary>
    public static IReadOnlyList<Person> CurrentStaff(IEnumerable<Person> people, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(people);
        return [.. people.Where(p => p.IsActiveOn(asOf)).OrderBy(p => p.Id, StringComparer.Ordinal)];
    }

    /// <summary>Every gap on <paramref name="asOf"/>: training gaps first, then screening gaps, each by opaque ID.</summary>
    public static IReadOnlyList<StaffGap> Exceptions(IEnumerable<Person> people, PeopleSettings settings, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var staff = CurrentStaff(people, asOf);
        var result = new List<StaffGap>();
        foreach (var p in staff.Where(p => !IsTrained(p, settings, asOf)))
        {
            var last = LastTraining(p, asOf);
            result.Add(new(TrainingOverdue, p.Id, last is null
                ? $"{Who(p)} has no security-awareness training recorded{Started(p)}"
                : $"{Who(p)} last trained {CalendarDates.Format(last.Date)}, more than {settings.TrainingMonths} months before {CalendarDates.Format(asOf)}"));
        }

        foreach (var p in staff.Where(p => !IsScreenedBeforeStart(p)))
        {
            result.Add(p.Screening is null
                ? new(NotScreened, p.Id, $"{Who(p)} has no screening recorded")
                : new(ScreenedLate, p.Id, $"{Who(p)} was screened {CalendarDates.Format(p.Screening.Date)}, after starting {CalendarDates.Format(p.StartDate!.Value)}"));
        }

        return result;
    }

    /// <summary>
    /// The training extract on <paramref name="asOf"/>: every current member of staff with their last training and
    /// whether it is within the interval; effective for the training window.
    /// </summary>
    public static StaffExtract TrainingExtract(IEnumerable<Person> people, PeopleSettings settings, DateOnly asOf)
    {
        var staff = CurrentStaff(people, asOf);
        var (from, to) = TrainingWindow(settings, asOf);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Security-awareness training (A.6.3, CC2.2): staff register extract as of {CalendarDates.Format(asOf)}\n")
            .Append(CultureInfo.InvariantCulture, $"Training interval: {settings.TrainingMonths} months ({CalendarDates.Format(from)} to {CalendarDates.Format(to)}); new starters within {NewStarterDays} days of starting\n")
            .Append(CultureInfo.InvariantCulture, $"Current staff: {staff.Count}; trained within the interval: {staff.Count(p => IsTrained(p, settings, asOf))}\n\n")
            .Append("id,title,start_date,last_training,course,within_interval\n");
        foreach (var p in staff)
        {
            var last = LastTraining(p, asOf);
            text.Append(CultureInfo.InvariantCulture, $"{p.Id},{Cell(p.Title)},{D(p.StartDate)},{D(last?.Date)},{Cell(last?.Course ?? "")},{(IsTrained(p, settings, asOf) ? "yes" : "no")}\n");
        }

        return new StaffExtract(text.ToString(), from, to);
    }

    /// <summary>
    /// The screening extract on <paramref name="asOf"/>: every current member of staff with the day and provider of
    /// their screening and whether it was done before they started; effective on the as-of day.
    /// </summary>
    public static StaffExtract ScreeningExtract(IEnumerable<Person> people, DateOnly asOf)
    {
        var staff = CurrentStaff(people, asOf);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Background screening (A.6.1, CC1.4): staff register extract as of {CalendarDates.Format(asOf)}\n")
            .Append(CultureInfo.InvariantCulture, $"Current staff: {staff.Count}; screened on or before their start date: {staff.Count(IsScreenedBeforeStart)}\n\n")
            .Append("id,title,start_date,screened_on,screened_by,before_start\n");
        foreach (var p in staff)
        {
            text.Append(CultureInfo.InvariantCulture, $"{p.Id},{Cell(p.Title)},{D(p.StartDate)},{D(p.Screening?.Date)},{Cell(p.Screening?.By ?? "")},{(IsScreenedBeforeStart(p) ? "yes" : "no")}\n");
        }

        return new StaffExtract(text.ToString(), asOf, asOf);
    }

    /// <summary>
    /// The report with each exception added as a reason: training gaps on <see cref="TrainingRequirements"/>, screening
    /// gaps on <see cref="ScreeningRequirements"/>. The status is left as the controls' evidence makes it (as with
    /// vendor exceptions): the gap is a named warning to act on.
    /// </summary>
    public static ReadinessReport Annotate(ReadinessReport report, IReadOnlyList<StaffGap> exceptions)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(exceptions);
        if (exceptions.Count == 0)
        {
            return report;
        }

        var training = exceptions.Where(e => e.IsTraining).Select(e => ReasonPrefix + e.Text).ToList();
        var screening = exceptions.Where(e => !e.IsTraining).Select(e => ReasonPrefix + e.Text).ToList();
        return report with
        {
            Requirements = [.. report.Requirements.Select(r =>
                TrainingRequirements.Contains(r.Id) && training.Count > 0 ? r with { Reasons = [.. r.Reasons, .. training] }
                : ScreeningRequirements.Contains(r.Id) && screening.Count > 0 ? r with { Reasons = [.. r.Reasons, .. screening] }
                : r)],
        };
    }

    private static string Who(Person p) => p.Title.Length > 0 ? $"{p.Id} ({p.Title})" : p.Id;

    private static string Started(Person p) => p.StartDate is { } s ? $" (started {CalendarDates.Format(s)})" : "";

    private static string D(DateOnly? d) => d is { } x ? CalendarDates.Format(x) : "";

    // A CSV cell: quoted when it holds a comma, quote or line break (RFC 4180).
    private static string Cell(string s) =>
        s.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
