namespace Trellis.Core.Crosswalk;

/// <summary>A curated mapping file: links from one framework to another, with the sources they cite.</summary>
/// <param name="Id">Mapping set ID, e.g. <c>iso27001-2022_to_soc2-2017</c>.</param>
/// <param name="From">Framework on the left of every link.</param>
/// <param name="To">Framework on the right of every link.</param>
/// <param name="Revision">Revision of the data file.</param>
/// <param name="Description">What the mapping is.</param>
/// <param name="Sources">Citation keys and their full text.</param>
/// <param name="Links">The curated links.</param>
public sealed record MappingSet(
    string Id,
    string From,
    string To,
    int Revision,
    string Description,
    IReadOnlyDictionary<string, string> Sources,
    IReadOnlyList<MappingLink> Links);
