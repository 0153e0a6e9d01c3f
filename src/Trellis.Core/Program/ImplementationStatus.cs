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
    /// <summary><c>planned</c>, <c>in-progress</c>, <c>implemented</c>, <c>not-applicable</c>.</summary>
    public static string ToWire(this ImplementationStatus s) => s switch
    {
        ImplementationStatus.Planned => "planned",
        ImplementationStatus.InProgress => "in-progress",
        ImplementationStatus.Implemented => "implemented",
        ImplementationStatus.NotApplicable => "not-applicable",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    /// <summary>Parses a wire name.</summary>
    public static bool TryParse(string? text, out ImplementationStatus status)
    {
        foreach (var s in Enum.GetValues<ImplementationStatus>())
        {
            if (s.ToWire() == text)
            {
                status = s;
                return true;
            }
        }

        status = default;
        return false;
    }
}
