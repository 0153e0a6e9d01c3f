namespace Trellis.Collectors.JsonApi;

/// <summary>Limits of the json-api collector's requests (defaults in parentheses).</summary>
public sealed record JsonApiOptions
{
    /// <summary>The largest response body read (5 MiB); a larger one fails the run.</summary>
    public long MaxResponseBytes { get; init; } = 5L * 1024 * 1024;

    /// <summary>The whole run, retries included, must end within this (30 s).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a 429 Too Many Requests is retried (2).</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>The longest Retry-After waited for (60 s); a longer one fails the run at once.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The wait before retrying a 429 that gives no Retry-After (2 s).</summary>
    public TimeSpan DefaultRetryAfter { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Redirects followed on the configured host, scheme and port (3); one to another host fails the run.</summary>
    public int MaxRedirects { get; init; } = 3;
}
