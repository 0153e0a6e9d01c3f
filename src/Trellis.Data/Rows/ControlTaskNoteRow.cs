namespace Trellis.Data.Rows;

/// <summary>
/// What people decided about one occurrence of a control's recurring work (reassigned, snoozed, did not occur);
/// occurrences without a row follow their control. Deleted with the control.
/// </summary>
public sealed class ControlTaskNoteRow
{
    /// <summary>Control ID (with <see cref="PeriodStart"/>, the primary key).</summary>
    public string ControlId { get; set; } = "";

    /// <summary>First day of the occurrence's period.</summary>
    public DateOnly PeriodStart { get; set; }

    /// <summary>Reassigned to; null: the control's owner.</summary>
    public string? Assignee { get; set; }

    /// <summary>Snoozed until this day (inclusive).</summary>
    public DateOnly? SnoozedUntil { get; set; }

    /// <summary>Why it was snoozed.</summary>
    public string? SnoozeReason { get; set; }

    /// <summary>Why the control did not operate in the period.</summary>
    public string? DidNotOccurReason { get; set; }
}
