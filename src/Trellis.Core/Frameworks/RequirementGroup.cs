namespace Trellis.Core.Frameworks;

/// <summary>A display grouping of requirements (clause 6, Annex A theme A.8, SOC 2 series CC6). Not itself a requirement.</summary>
/// <param name="Id">Group identifier as the standard writes it.</param>
/// <param name="Title">Group title.</param>
public sealed record RequirementGroup(string Id, string Title);
