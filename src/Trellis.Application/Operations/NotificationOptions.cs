namespace Trellis.Application.Operations;

/// <summary>
/// The SMTP server digests are mailed through (<c>Trellis:Smtp</c>). No <see cref="Host"/>: no mail is attempted (the
/// in-app lists still fill). The password is never a setting stored in the database: it comes from the environment
/// variable <see cref="PasswordVariable"/> or the file <see cref="PasswordFile"/>, and is never logged.
/// </summary>
public sealed class SmtpOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Trellis:Smtp";

    /// <summary>The environment variable holding the SMTP password.</summary>
    public const string PasswordVariable = "TRELLIS_SMTP_PASSWORD";

    /// <summary>SMTP server host name; null or empty: mail is off.</summary>
    public string? Host { get; set; }

    /// <summary>Port; default 587 (submission).</summary>
    public int Port { get; set; } = 587;

    /// <summary>The sender address; default <c>trellis@localhost</c>.</summary>
    public string From { get; set; } = "trellis@localhost";

    /// <summary>
    /// True (default): TLS is required (implicit TLS on port 465, else STARTTLS). False: plain SMTP, for a relay on the
    /// same host or a test server on a loopback port.
    /// </summary>
    public bool UseTls { get; set; } = true;

    /// <summary>User name to authenticate with; none: no authentication.</summary>
    public string? User { get; set; }

    /// <summary>A file whose content (trimmed) is the password, used when <see cref="PasswordVariable"/> is not set.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>How long one SMTP conversation may take; default 30 seconds (shorter than the scheduler's lease).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when a host is set.</summary>
    public bool Configured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>
/// The scheduler inside <c>trellis serve</c> (<c>Trellis:Scheduler</c>): cron schedules (five fields, Cronos) in
/// <see cref="TimeZone"/>, and the lease an instance holds on a run.
/// </summary>
public sealed class SchedulerOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Trellis:Scheduler";

    /// <summary>False: no job runs inside <c>serve</c> (<c>trellis notify</c> still runs the digest). Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>IANA or Windows time-zone ID the schedules are read in; default <c>UTC</c>.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The daily digest; default <c>0 6 * * *</c> (06:00 every day).</summary>
    public string Digest { get; set; } = "0 6 * * *";

    /// <summary>The stale-evidence sweep; default <c>30 6 * * *</c> (06:30 every day).</summary>
    public string StaleEvidenceSweep { get; set; } = "30 6 * * *";

    /// <summary>How long a claim on a run or a delivery lasts without renewal; default 2 minutes. A crashed instance's run is taken over after it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often an instance looks for a due or unfinished run between occurrences; default 1 minute.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many times a mail the SMTP server or the network refuses is attempted in all; default 4, at most 10.</summary>
    public int MailAttempts { get; set; } = 4;

    /// <summary>The wait before the second attempt of a refused mail, doubling for each later one; default 10 minutes.</summary>
    public TimeSpan MailRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>In-app lines and finished runs older than this many days are deleted after each digest; default 180, at least 30.</summary>
    public int KeepDays { get; set; } = 180;

    /// <summary>The public address of the web app (e.g. <c>https://trellis.example.com</c>); set, mails link to /notifications.</summary>
    public string? PublicUrl { get; set; }
}
