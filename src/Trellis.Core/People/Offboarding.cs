namespace Trellis.Core.People;

/// <summary>State of a leaver's off-boarding checklist.</summary>
/// <param name="Due">The last day access may still exist: end date plus the program's off-boarding days.</param>
/// <param name="Open">Items not yet checked.</param>
/// <param name="CompletedOn">Day the last item was checked; null while any is open.</param>
/// <param name="Late">True when completed after <paramref name="Due"/>, or still open after it.</param>
public sealed record OffboardingState(DateOnly Due, int Open, DateOnly? CompletedOn, bool Late);

/// <summary>
/// Off-boarding (ISO/IEC 27001 A.5.18 access rights removed, A.6.5 responsibilities after termination; SOC 2 CC6.2,
/// CC6.3 removal of access): a leaver's access to each of the program's systems is removed within
/// <see cref="PeopleSettings.OffboardingDays"/> days of the end date. A completed checklist is evidence effective on
/// its completion day.
/// </summary>
public static class Offboarding
{
    /// <summary>The requirements a completed checklist is evidence for.</summary>
    public static IReadOnlyList<string> Requirements { get; } = ["A.5.18", "A.6.5", "CC6.2", "CC6.3"];

    /// <summary>The checklist a new leaver starts with: one open item per system, keeping items already there.</summary>
    public static IReadOnlyList<OffboardingItem> Open(Person person, PeopleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(settings);
        if (!person.IsLeaver)
        {
            return person.Offboarding;
        }

        var have = person.Offboarding.Select(i => i.System).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. person.Offboarding, .. settings.OffboardingSystems.Where(s => !have.Contains(s)).Select(s => new OffboardingItem(s))];
    }

    /// <summary>The state of a leaver's checklist on <paramref name="today"/>; null for someone who has not left.</summary>
    public static OffboardingState? StateOf(Person person, PeopleSettings settings, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(settings);
        if (person.EndDate is not { } end)
        {
            return null;
        }

        var due = end.AddDays(settings.OffboardingDays);
        var open = person.Offboarding.Count(i => !i.Done);
        DateOnly? completed = open == 0 && person.Offboarding.Count > 0 ? person.Offboarding.Max(i => i.DoneOn) : null;
        var late = completed is { } c ? c > due : today > due;
        return new OffboardingState(due, open, completed, late);
    }
}

/// <summary>The program's settings for the staff register: off-boarding and the training interval.</summary>
public sealed record PeopleSettings
{
    /// <summary>Default <see cref="OffboardingDays"/>: 1 (access removed by the day after the last working day).</summary>
    public const int DefaultOffboardingDays = 1;

    /// <summary>Days after the end date within which every access must be removed (default 1, 0 to 30).</summary>
    public int OffboardingDays { get; init; } = DefaultOffboardingDays;

    /// <summary>Default <see cref="TrainingMonths"/>: 12 (security-awareness training once a year).</summary>
    public const int DefaultTrainingMonths = 12;

    /// <summary>
    /// The program's training interval in months (default 12, 1 to 36): current staff whose last security-awareness
    /// training is older than this are exceptions on A.6.3 and CC2.2 (<see cref="StaffAttestation"/>).
    /// </summary>
    public int TrainingMonths { get; init; } = DefaultTrainingMonths;

    /// <summary>The systems whose access a leaver loses, one checklist item each.</summary>
    public IReadOnlyList<string> OffboardingSystems { get; init; } = ["Identity provider (SSO)", "E-mail", "Source code hosting", "Cloud console", "Laptop returned"];
}
