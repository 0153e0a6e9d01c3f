using Trellis.Core.Common;

namespace Trellis.Core.Crosswalk;

/// <summary>
/// What is implemented, as <see cref="CoverageAnalysis.Compute"/> takes it: all of a framework, or some of its
/// requirements. Written <c>&lt;framework&gt;</c> or <c>&lt;framework&gt;:&lt;id&gt;,&lt;id&gt;…</c> (the
/// <c>implemented</c> query parameter of <c>/api/v1/coverage</c> and <c>trellis coverage --implemented</c>).
/// </summary>
/// <param name="Framework">The framework whose requirements are implemented.</param>
/// <param name="Ids">The implemented requirement IDs, in the order written; null means all of the framework.</param>
public sealed record ImplementedSpec(string Framework, IReadOnlyCollection<string>? Ids)
{
    /// <summary>
    /// Reads a spec. The framework and each ID are trimmed and empty IDs between commas are skipped, so
    /// <c>soc2-2017: CC6.1, CC6.2</c> names two criteria. Whether the framework and IDs exist is not checked
    /// here (<see cref="CoverageAnalysis.Compute"/> does, against the catalog).
    /// </summary>
    /// <returns>The spec, or an <c>invalid-implemented</c> error (location <c>implemented</c>) when the text, the
    /// framework before the colon or the ID list after it is empty.</returns>
    public static Result<ImplementedSpec> Parse(string? text)
    {
        const string Form = "write <framework> or <framework>:<id>,<id>…";
        if (string.IsNullOrWhiteSpace(text))
        {
            return Invalid($"nothing is named as implemented; {Form}");
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var framework = (colon < 0 ? text : text[..colon]).Trim();
        if (framework.Length == 0)
        {
            return Invalid($"'{text}' names no framework before the colon; {Form}");
        }

        if (colon < 0)
        {
            return new ImplementedSpec(framework, null);
        }

        var ids = text[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Length == 0)
        {
            return Invalid($"'{text}' names no requirement after the colon; write {framework} for all of it or {framework}:<id>,<id>…");
        }

        return new ImplementedSpec(framework, ids);
    }

    private static Error Invalid(string message) => new(ErrorCodes.InvalidImplemented, message, "implemented");
}
