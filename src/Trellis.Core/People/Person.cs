namespace Trellis.Core.People;

/// <summary>A security-awareness training a person completed (ISO/IEC 27001 A.6.3, SOC 2 CC2.2).</summary>
/// <param name="Date">Day it was completed.</param>
/// <param name="Course">Course name, in our words.</param>
public sealed record TrainingCompletion(DateOnly Date, string Course);

/// <summary>
/// That background screening was done (A.6.1, CC1.4): the day and who did it. Never its content: the register
/// keeps only the fact.
/// </summary>
/// <param name="Date">Day the screening was completed.</param>
/// <param name="By">Who did it (a person or a screening provider).</param>
public sealed record ScreeningRecord(DateOnly Date, string By);

/// <summary>One line of a leaver's off-boarding checklist: access to one system removed, by whom and when.</summary>
/// <param name="System">The system (from the program's off-boarding systems).</param>
/// <param name="DoneOn">Day access was removed; null while open.</param>
/// <param name="DoneBy">Who checked it.</param>
/// <param name="Note">What shows it was done (a ticket, the admin console's record), in the checker's words; optional.</param>
public sealed record OffboardingItem(string System, DateOnly? DoneOn = null, string? DoneBy = null, string? Note = null)
{
    /// <summary>True when access was removed.</summary>
    public bool Done => DoneOn is not null;
}

/// <summary>
/// A member of staff in the register (issue 17, item 5). Personal data is minimal: e-mail, name, title, dates,
/// manager, and the facts of training and screening. <see cref="Id"/> is opaque and is what the audit trail and
/// evidence name, so erasing the person leaves no personal data behind them.
/// </summary>
public sealed record Person
{
    /// <summary>Opaque ID (<c>P-</c> and 12 hex digits), never derived from the e-mail.</summary>
    public required string Id { get; init; }

    /// <summary>E-mail, lower case: the register's key.</summary>
    public required string Email { get; init; }

    /// <summary>Full name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Role or job title.</summary>
    public string Title { get; init; } = "";

    /// <summary>First working day.</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>Last working day; set for a leaver, which opens the off-boarding checklist.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>The manager's e-mail.</summary>
    public string? Manager { get; init; }

    /// <summary>Security-awareness trainings completed, oldest first.</summary>
    public IReadOnlyList<TrainingCompletion> Training { get; init; } = [];

    /// <summary>Screening done, or null.</summary>
    public ScreeningRecord? Screening { get; init; }

    /// <summary>
    /// The off-boarding checklist of a leaver (empty while <see cref="EndDate"/> is unset). Policy acknowledgements
    /// live with the policies (issue 17, item 4) and are joined by e-mail there.
    /// </summary>
    public IReadOnlyList<OffboardingItem> Offboarding { get; init; } = [];

    /// <summary>True when the person has left, or leaves, on <see cref="EndDate"/>.</summary>
    public bool IsLeaver => EndDate is not null;

    /// <summary>True when the person works here on <paramref name="day"/>.</summary>
    public bool IsActiveOn(DateOnly day) => (StartDate is null || StartDate <= day) && (EndDate is null || EndDate >= day);
}
