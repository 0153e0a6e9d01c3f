namespace Trellis.Exchange.Json;

/// <summary>Limits applied when reading untrusted JSON (OSCAL catalogs, profiles and other imports).</summary>
public sealed record JsonLimits
{
    /// <summary>The largest accepted document in bytes. The default is 50 MB (NIST SP 800-53 rev5 with its
    /// assessment objectives is about 10 MB).</summary>
    public long MaxBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>The deepest accepted nesting of objects and arrays; the root container is level 1. The default is 64
    /// (real OSCAL catalogs nest about 16 levels).</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>The defaults.</summary>
    public static JsonLimits Default { get; } = new();
}
