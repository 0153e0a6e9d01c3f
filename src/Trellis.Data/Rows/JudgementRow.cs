using Trellis.Core.Program;

namespace Trellis.Data.Rows;

/// <summary>A judgement of sufficiency or relevance on one requirement or point of focus (docs/crosswalk-rules.md, rule 8).</summary>
public sealed class JudgementRow
{
    /// <summary>Framework of the requirement judged, e.g. <c>soc2-2017</c> (primary key with <see cref="Requirement"/>).</summary>
    public string Framework { get; set; } = "";

    /// <summary>Requirement or point of focus judged, e.g. <c>CC1.2-POF3</c>.</summary>
    public string Requirement { get; set; } = "";

    /// <summary>Position in the program's list of judgements.</summary>
    public int Ordinal { get; set; }

    /// <summary>Sufficient or not relevant (wire name).</summary>
    public JudgementKind Kind { get; set; }

    /// <summary>The controls relied on as they stood, JSON (<c>[{"id":…,"status":"implemented","mappings":[…]}]</c>).</summary>
    public string ControlsJson { get; set; } = "[]";

    /// <summary>The evidence versions relied on, JSON (<c>[{"evidence":…,"version":2}]</c>).</summary>
    public string EvidenceJson { get; set; } = "[]";

    /// <summary>Who judged (<c>judged_by</c>: <c>by</c> is an SQL keyword).</summary>
    public string JudgedBy { get; set; } = "";

    /// <summary>When, as UTC ticks (exact on both providers).</summary>
    public long JudgedAtUtcTicks { get; set; }

    /// <summary>Why, in the judge's words.</summary>
    public string Rationale { get; set; } = "";

    /// <summary>Concurrency token, incremented on every update.</summary>
    public int Version { get; set; } = 1;
}
