using Trellis.Core.Common;

namespace Trellis.Core.Program;

/// <summary>Where a control stands.</summary>
public enum ImplementationStatus
{
    /// <summary>Decided, not started.</summary>
    Planned,

    /// <summary>Being put in place.</summary>
    InProgress,

    /// <summary>Operating.</summary>
    Implemented,

    /// <summary>Deliberately not implemented (for example the requirement is out of scope).</summary>
    NotApplicable,
}

/// <summary>Wire names of <see cref="ImplementationStatus"/>.</summary>
public static class ImplementationStatuses
{
    private static readonly WireNames<ImplementationStatus> Wire = new(new Dictionary<ImplementationStatus, string>
    {
        [ImplementationStatus.Planned] = "planned",
        [ImplementationStatus.InProgress] = "in-progress",
        [ImplementationStatus.Implemented] = "implemented",
        [ImplementationStatus.NotApplicable] = "not-applicable",
    });

    /// <summary>All wire names, in declaration order: <c>planned</c>, <c>in-progress</c>, <c>implemented</c>, <c>not-applicable</c>.</summary>
    public static IReadOnlyList<string> WireNames => Wire.All;

    /// <summary><c>planned</c>, <c>in-progress</c>, <c>implemented</c>, <c>not-applicable</c>.</summary>
    public static string ToWire(this ImplementationStatus s) => Wire[s];

    /// <summary>Parses a wire name (exact, lowercase); false when unknown.</summary>
    public static bool TryParse(string? text, out ImplementationStatus status) => Wire.TryParse(text, out status);
}
