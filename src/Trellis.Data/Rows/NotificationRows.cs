namespace Trellis.Data.Rows;

/// <summary>
/// One run of a scheduled job for one slot (the scheduled occurrence): claimed by one instance with a lease, so
/// several instances on one database run each slot once, and a crashed holder's run is taken over after its lease.
/// Instants are Unix milliseconds (UTC), which compare the same on every provider.
/// </summary>
public sealed class NotificationJobRunRow
{
    /// <summary>Job name (<c>digest</c>, <c>stale-evidence-sweep</c>); with <see cref="Slot"/> the primary key.</summary>
    public string Job { get; set; } = "";

    /// <summary>The scheduled occurrence, Unix milliseconds.</summary>
    public long Slot { get; set; }

    /// <summary>The instance holding the lease.</summary>
    public string Holder { get; set; } = "";

    /// <summary>The lease ends at this instant (Unix ms); after it another instance may take the run over.</summary>
    public long LeaseUntil { get; set; }

    /// <summary>When the outbox of the run was filled (Unix ms); null until then.</summary>
    public long? PlannedAt { get; set; }

    /// <summary>When every delivery of the run was done (Unix ms); null until then.</summary>
    public long? CompletedAt { get; set; }
}

/// <summary>
/// The outbox: one person's delivery of one run, keyed by (job, slot, person). Holds what they are told (fixed when
/// the run is planned), the in-app delivery mark and the state of the mail, so a run taken over after a crash goes on
/// with the people not yet done and never writes a delivered one again.
/// </summary>
public sealed class NotificationDeliveryRow
{
    /// <summary>Job name.</summary>
    public string Job { get; set; } = "";

    /// <summary>The run's slot (Unix ms).</summary>
    public long Slot { get; set; }

    /// <summary>The person's e-mail (lower case).</summary>
    public string Person { get; set; } = "";

    /// <summary>Subject line of the mail.</summary>
    public string Subject { get; set; } = "";

    /// <summary>The lines, as JSON (kind, subject, text, on, key).</summary>
    public string Lines { get; set; } = "[]";

    /// <summary>Deterministic Message-Id of the mail: the same for every attempt of this (job, slot, person).</summary>
    public string MessageId { get; set; } = "";

    /// <summary>
    /// <c>pending</c> (to send; after a refused attempt, again once the retry delay passed), <c>sending</c> (claimed
    /// before the SMTP conversation), <c>sent</c>, <c>failed</c> (refused on every attempt), <c>off</c> (no mail: turned
    /// off or no SMTP server).
    /// </summary>
    public string MailState { get; set; } = "pending";

    /// <summary>The instance working on it, if any.</summary>
    public string? Holder { get; set; }

    /// <summary>Its lease end (Unix ms).</summary>
    public long LeaseUntil { get; set; }

    /// <summary>When the lines were written to the person's in-app list (Unix ms); null until then.</summary>
    public long? InAppAt { get; set; }

    /// <summary>When the delivery was finished (Unix ms); null until then.</summary>
    public long? DoneAt { get; set; }

    /// <summary>How many times the SMTP server or the network refused the mail.</summary>
    public int MailAttempts { get; set; }

    /// <summary>Why the last attempt failed (the exception's message, no credentials), or null.</summary>
    public string? MailError { get; set; }
}

/// <summary>One line in a person's in-app notification list.</summary>
public sealed class NotificationRow
{
    /// <summary>Database-generated ID.</summary>
    public long Id { get; set; }

    /// <summary>Whose list (e-mail, lower case).</summary>
    public string Person { get; set; } = "";

    /// <summary>What delivered it, and once-only key: unique per person.</summary>
    public string DedupeKey { get; set; } = "";

    /// <summary>Job that delivered it.</summary>
    public string Job { get; set; } = "";

    /// <summary>Digest kind (<c>task-overdue</c>, …).</summary>
    public string Kind { get; set; } = "";

    /// <summary>The object's ID.</summary>
    public string Subject { get; set; } = "";

    /// <summary>One line in words.</summary>
    public string Text { get; set; } = "";

    /// <summary>The day that matters, if any.</summary>
    public DateOnly? Day { get; set; }

    /// <summary>Delivered at (Unix ms).</summary>
    public long CreatedAt { get; set; }

    /// <summary>Read at (Unix ms); null while unread.</summary>
    public long? ReadAt { get; set; }
}

/// <summary>One person's notification preferences; a person without a row has the defaults.</summary>
public sealed class NotificationSettingsRow
{
    /// <summary>E-mail (lower case), primary key.</summary>
    public string Person { get; set; } = "";

    /// <summary>Whether the digest is also mailed.</summary>
    public bool Email { get; set; } = true;

    /// <summary>Kinds wanted, comma-separated; null: every kind.</summary>
    public string? Kinds { get; set; }

    /// <summary>Evidence going stale within this many days is listed.</summary>
    public int StaleWithinDays { get; set; }
}
