using Trellis.Collectors.Checks;

namespace Trellis.Collectors;

/// <summary>
/// A collector's configuration: what it observes, with which credentials, when, which controls its evidence feeds and
/// which checks it runs. The secret itself is never part of it (stored protected, handed to a run only).
/// </summary>
public sealed record CollectorDefinition
{
    /// <summary>Unique name: lower-case letters, digits and '-', 1–64 characters (<see cref="CollectorNames"/>).</summary>
    public required string Name { get; init; }

    /// <summary>What it observes.</summary>
    public required CollectorKind Kind { get; init; }

    /// <summary>Controls its evidence feeds and whose readiness its failed checks annotate (at least one).</summary>
    public required IReadOnlyList<string> Controls { get; init; }

    /// <summary>json-api: the absolute http(s) URL requested; its host is the only host requests may go to.</summary>
    public Uri? Url { get; init; }

    /// <summary>json-api: the HTTP method (default GET).</summary>
    public string Method { get; init; } = "GET";

    /// <summary>
    /// json-api: the request header that carries the secret (default <c>Authorization</c>, as <c>Bearer SECRET</c>; any
    /// other header gets the secret as it is).
    /// </summary>
    public string? SecretHeader { get; init; }

    /// <summary>Where the secret came from when it was entered (an environment variable's name), for people; never the secret.</summary>
    public string? SecretReference { get; init; }

    /// <summary>A cron expression (five fields, UTC) for runs inside <c>trellis serve</c>; null runs on demand only.</summary>
    public string? Schedule { get; init; }

    /// <summary>The checks, in order (json-api: on the response body).</summary>
    public IReadOnlyList<CollectorCheck> Checks { get; init; } = [];

    /// <summary>
    /// json-api: allow targets whose resolved address is private, loopback or link-local (an internal endpoint the admin
    /// named on purpose). Off by default (SSRF rule, docs/collectors.md).
    /// </summary>
    public bool AllowPrivateNetwork { get; init; }

    /// <summary>folder: the absolute path of the folder watched.</summary>
    public string? Path { get; init; }

    /// <summary>What a run's evidence names as its source: the method and URL, or the folder.</summary>
    public string Source => Kind == CollectorKind.Folder ? $"folder {Path}" : $"{Method} {Url}";
}

/// <summary>The rule for collector names.</summary>
public static class CollectorNames
{
    /// <summary>True for 1–64 characters of a-z, 0-9 and '-', starting with a letter or digit.</summary>
    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= 64 } n && n[0] != '-' && n.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
