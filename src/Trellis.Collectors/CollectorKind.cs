using Trellis.Core.Common;

namespace Trellis.Collectors;

/// <summary>What a collector observes.</summary>
public enum CollectorKind
{
    /// <summary><c>json-api</c>: one HTTP request to a JSON endpoint; checks run on the response body.</summary>
    JsonApi,

    /// <summary><c>folder</c>: exports dropped in a folder (CSV, JSON, PDF), each new or changed file once.</summary>
    Folder,

    /// <summary><c>github</c>: repositories and the organization (not yet available).</summary>
    GitHub,

    /// <summary><c>identity</c>: an identity provider's user population (not yet available).</summary>
    Identity,
}

/// <summary>The one spelling of each <see cref="CollectorKind"/> in the CLI, JSON and the database.</summary>
public static class CollectorKinds
{
    private static readonly WireNames<CollectorKind> Wire = new(new Dictionary<CollectorKind, string>
    {
        [CollectorKind.JsonApi] = "json-api",
        [CollectorKind.Folder] = "folder",
        [CollectorKind.GitHub] = "github",
        [CollectorKind.Identity] = "identity",
    });

    /// <summary>Every spelling, in declaration order.</summary>
    public static IReadOnlyList<string> WireNames => Wire.All;

    /// <summary>The kind's spelling.</summary>
    public static string ToWire(this CollectorKind kind) => Wire[kind];

    /// <summary>Parses a spelling; false when unknown.</summary>
    public static bool TryParse(string? text, out CollectorKind kind) => Wire.TryParse(text, out kind);

    /// <summary>True for the kinds that can run today (json-api, folder).</summary>
    public static bool IsAvailable(this CollectorKind kind) => kind is CollectorKind.JsonApi or CollectorKind.Folder;
}
