using Trellis.Core.Common;

namespace Trellis.Core.Policies;

/// <summary>Where one version of a policy stands in its lifecycle (ISO/IEC 27001:2022 A.5.1; SOC 2 CC5.3).</summary>
public enum PolicyStatus
{
    /// <summary>Being written; its text can still change.</summary>
    Draft,

    /// <summary>Submitted to its named approvers; the text is frozen while they approve.</summary>
    InReview,

    /// <summary>Every named approver has approved it; not yet published.</summary>
    Approved,

    /// <summary>The policy's current version: staff acknowledge it and it is evidence for the mapped requirements.</summary>
    Published,

    /// <summary>Was published; a later version replaced it.</summary>
    Superseded,
}

/// <summary>Wire names of <see cref="PolicyStatus"/>.</summary>
public static class PolicyStatuses
{
    private static readonly WireNames<PolicyStatus> Wire = new(new Dictionary<PolicyStatus, string>
    {
        [PolicyStatus.Draft] = "draft",
        [PolicyStatus.InReview] = "in-review",
        [PolicyStatus.Approved] = "approved",
        [PolicyStatus.Published] = "published",
        [PolicyStatus.Superseded] = "superseded",
    });

    /// <summary>All wire names: <c>draft</c>, <c>in-review</c>, <c>approved</c>, <c>published</c>, <c>superseded</c>.</summary>
    public static IReadOnlyList<string> WireNames => Wire.All;

    /// <summary>The wire name, e.g. <c>in-review</c>.</summary>
    public static string ToWire(this PolicyStatus status) => Wire[status];

    /// <summary>Parses a wire name (exact, lowercase); false when unknown.</summary>
    public static bool TryParse(string? text, out PolicyStatus status) => Wire.TryParse(text, out status);
}
