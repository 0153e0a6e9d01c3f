namespace Trellis.Core.Crosswalk;

/// <summary>A requirement named by its framework and its ID, e.g. <c>soc2-2017:CC6.1</c>.</summary>
/// <param name="Framework">Framework ID.</param>
/// <param name="Requirement">Requirement ID within the framework.</param>
public readonly record struct RequirementRef(string Framework, string Requirement)
{
    /// <inheritdoc />
    public override string ToString() => $"{Framework}:{Requirement}";
}
