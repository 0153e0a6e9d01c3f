namespace Trellis.Web.Hosting;

/// <summary>
/// Settings of the web app, bound from the <c>Trellis</c> configuration section (<c>trellis serve</c> fills
/// them from its options; environment variables such as <c>Trellis__Database</c> work too).
/// </summary>
public sealed class TrellisWebOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Trellis";

    /// <summary>
    /// The database: a SQLite file path, a SQLite or PostgreSQL connection string, or a <c>postgres://</c> URI.
    /// The default (null) is the <c>TRELLIS_DB</c> environment variable, else <c>./trellis.db</c> — the same
    /// database the CLI uses.
    /// </summary>
    public string? Database { get; set; }

    /// <summary>Load the demo program into an empty database at start. The default is false.</summary>
    public bool Demo { get; set; }

    /// <summary>E-mail of the administrator created on first start when there is no account. The default is <c>admin@localhost</c>.</summary>
    public string FirstAdminEmail { get; set; } = "admin@localhost";

    /// <summary>Largest evidence upload, in bytes. The default is 50 MiB.</summary>
    public long MaxUploadBytes { get; set; } = Trellis.Application.Compliance.EvidenceFiles.DefaultMaxBytes;

    /// <summary>
    /// Evidence uploads received at the same time (API and upload page together); more wait for a slot. Each
    /// upload is streamed to a temporary file, then read once into memory to be stored, so this bounds the memory
    /// uploads take to about this many times <see cref="MaxUploadBytes"/>. The default is 2.
    /// </summary>
    public int MaxConcurrentUploads { get; set; } = 2;

    /// <summary>
    /// How long an upload waits for a slot before it is answered 503 with Retry-After (this long, in whole
    /// seconds, at least 1). The default is 10 seconds.
    /// </summary>
    public TimeSpan UploadQueueTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Sign-in attempts allowed per client address per minute. The default is 10.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>
    /// Failed password sign-ins for one e-mail (an account's or not) within <see cref="SignInThrottleWindow"/> after
    /// which password sign-in for it is refused, with the answer a wrong password gets, until the window ends. Counted
    /// in memory per instance (<see cref="Auth.SignInThrottle"/>); tokens, sessions and single sign-on are unaffected.
    /// The default is 10.
    /// </summary>
    public int SignInFailuresPerEmail { get; set; } = 10;

    /// <summary>As <see cref="SignInFailuresPerEmail"/>, counted per client address over every e-mail. The default is 20.</summary>
    public int SignInFailuresPerSource { get; set; } = 20;

    /// <summary>The window the failed sign-ins are counted in, from the first failure. The default is 15 minutes.</summary>
    public TimeSpan SignInThrottleWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a browser session lasts without activity. The default is 8 hours.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// How long an invitation link works after it was made (it also stops working once used, when the account is
    /// disabled or its sessions revoked, and when a newer invitation replaces it). The default is 7 days.
    /// </summary>
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// A PFX file whose certificate protects the Data Protection key ring at rest (keys are stored encrypted to it);
    /// required in production unless <see cref="AllowUnprotectedKeyRing"/>. <c>trellis keyring new</c> creates one.
    /// </summary>
    public string? KeyRingCertificate { get; set; }

    /// <summary>Password of <see cref="KeyRingCertificate"/> (set it through the environment, never a file in the repository).</summary>
    public string? KeyRingCertificatePassword { get; set; }

    /// <summary>Start in production with the key ring unencrypted in the database (the risk accepted). The default is false.</summary>
    public bool AllowUnprotectedKeyRing { get; set; }

    /// <summary>Serve the Scalar API reference at <c>/scalar/v1</c> (signed-in users only). The default is true.</summary>
    public bool ApiReference { get; set; } = true;
}

/// <summary>
/// Optional OpenID Connect sign-in, bound from the <c>Oidc</c> section. Registered only when
/// <see cref="Authority"/> is set. A person signing in this way must already have a local account with the
/// same e-mail (an administrator creates it and chooses its role).
/// </summary>
public sealed class OidcOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Oidc";

    /// <summary>The issuer URL; null (the default) disables OpenID Connect.</summary>
    public string? Authority { get; set; }

    /// <summary>Client ID registered with the identity provider.</summary>
    public string? ClientId { get; set; }

    /// <summary>Client secret, when the provider requires one.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Label of the sign-in button. The default is "Single sign-on".</summary>
    public string DisplayName { get; set; } = "Single sign-on";
}
