using Trellis.Application.Compliance;
using Trellis.Core.Evidence;
using Trellis.Core.Program;
using Trellis.Core.Readiness;

namespace Trellis.Web.Api;

/// <summary>A control's mapping to a requirement.</summary>
public sealed record MappingView(string Framework, string Requirement, string Relationship, string? Title);

/// <summary>A control.</summary>
public sealed record ControlView(
    string Id, string Title, string Description, string Owner, string Cadence, string Status, IReadOnlyList<MappingView> Mappings, IReadOnlyList<string> Evidence)
{
    internal static ControlView From(Control c, IEnumerable<EvidenceItem> evidence, Core.Crosswalk.FrameworkCatalog catalog) =>
        From(c, [.. evidence.Where(e => e.ControlIds.Contains(c.Id)).Select(e => e.Id)], catalog);

    internal static ControlView From(Control c, IReadOnlyList<string> evidence, Core.Crosswalk.FrameworkCatalog catalog) => new(
        c.Id, c.Title, c.Description, c.Owner, c.Cadence.ToWire(), c.Status.ToWire(),
        [.. c.Mappings.Select(m => new MappingView(
            m.Requirement.Framework, m.Requirement.Requirement, Core.Crosswalk.Relationships.ToWire(m.Relationship),
            catalog.Framework(m.Requirement.Framework) is { IsSuccess: true } f ? f.Value.Find(m.Requirement.Requirement)?.Title : null))],
        evidence);
}

/// <summary>Request body of a control update: everything but the ID (from the path).</summary>
public sealed record ControlRequest(string Title, string? Description, string? Owner, string Cadence, string Status, IReadOnlyList<MappingRequest>? Mappings);

/// <summary>Request body of a control creation: the ID is optional (the next free <c>AC-NN</c> when absent).</summary>
public sealed record NewControlRequest(string? Id, string Title, string? Description, string? Owner, string Cadence, string Status, IReadOnlyList<MappingRequest>? Mappings);

/// <summary>Request body of an SoA approval: the version label, or none for the one after the previous approval.</summary>
public sealed record SoaApprovalRequest(string? Version);

/// <summary>The recorded approval of the Statement of Applicability.</summary>
public sealed record SoaApprovalView(string Version, string ApprovedBy, DateOnly ApprovedOn);

/// <summary>One mapping in a control update.</summary>
public sealed record MappingRequest(string Framework, string Requirement, string Relationship);

/// <summary>A version of an evidence item.</summary>
public sealed record EvidenceVersionView(
    int Number, string? Sha256, string? FileName, long Size, string? MediaType, string? Url, DateTimeOffset CollectedAt, DateOnly EffectiveFrom, DateOnly? EffectiveTo, string? Download);

/// <summary>An evidence item and the versions the account may see.</summary>
public sealed record EvidenceView(string Id, string Title, string Source, IReadOnlyList<string> Controls, IReadOnlyList<EvidenceVersionView> Versions)
{
    internal static EvidenceView From(EvidenceItem e) => new(
        e.Id, e.Title, e.Source, e.ControlIds,
        [.. e.Versions.Select(v => new EvidenceVersionView(
            v.Number, v.Sha256, v.FileName, v.Size, v.MediaType, v.Url, v.CollectedAt, v.EffectiveFrom, v.EffectiveTo,
            v.IsFile ? $"/api/v1/evidence/{Uri.EscapeDataString(e.Id)}/versions/{v.Number}/content" : null))]);
}

/// <summary>A row of the Statement of Applicability.</summary>
public sealed record SoaRowView(
    string Control, string Title, bool Applicable, string Justification, IReadOnlyList<string> Reasons, string Status, bool Decided,
    IReadOnlyList<string> Controls, IReadOnlyList<string> Risks, IReadOnlyList<string> Drift)
{
    internal static SoaRowView From(SoaRow r) => new(
        r.Control, r.Title, r.Applicable, r.Justification, [.. r.Reasons.Select(x => x.ToWire())], r.Status.ToWire(), r.Decided, r.Controls, r.Risks, r.Drift);
}

/// <summary>Request body of an SoA row update.</summary>
public sealed record SoaRequest(bool Applicable, string? Justification, IReadOnlyList<string>? Reasons, string? DeclaredStatus);

/// <summary>Readiness counts of one framework.</summary>
public sealed record ReadinessSummaryView(string Framework, string Name, DateOnly AsOf, int Covered, int Partial, int Gap, int NotApplicable, int NotRelevant)
{
    /// <summary>Requirements in scope (all but not-applicable and not-relevant).</summary>
    public int InScope => Covered + Partial + Gap;

    internal static ReadinessSummaryView From(ReadinessReport r, string name)
    {
        var s = r.Summary;
        return new(r.Framework, name, r.AsOf, s[ReadinessStatus.Covered], s[ReadinessStatus.Partial], s[ReadinessStatus.Gap], s[ReadinessStatus.NotApplicable], s[ReadinessStatus.NotRelevant]);
    }
}

/// <summary>The readiness counts of one framework kept for one day (not-applicable includes judged not relevant).</summary>
public sealed record ReadinessCountsView(DateOnly Day, int Covered, int Partial, int Gap, int NotApplicable);

/// <summary>Readiness of one requirement.</summary>
public sealed record RequirementReadinessView(
    string Id, string Title, string Status, IReadOnlyList<string> Controls, IReadOnlyList<string> Evidence, IReadOnlyList<string> Reasons, IReadOnlyList<string> Closers,
    IReadOnlyList<PointOfFocusReadinessView> PointsOfFocus, JudgementView? Judgement)
{
    internal static RequirementReadinessView From(RequirementReadiness r) =>
        new(r.Id, r.Title, r.Status.ToWire(), r.Controls, r.Evidence, r.Reasons, r.Closers, [.. r.PointsOfFocus.Select(PointOfFocusReadinessView.From)], JudgementView.From(r.Judgement));
}

/// <summary>The readiness of one point of focus of a SOC 2 criterion.</summary>
public sealed record PointOfFocusReadinessView(string Id, string Title, string Status, IReadOnlyList<string> Controls, IReadOnlyList<string> Reasons, JudgementView? Judgement)
{
    internal static PointOfFocusReadinessView From(RequirementReadiness r) => new(r.Id, r.Title, r.Status.ToWire(), r.Controls, r.Reasons, JudgementView.From(r.Judgement));
}


/// <summary>Readiness of a framework: the counts and one page of requirements.</summary>
public sealed record ReadinessView(ReadinessSummaryView Summary, string? CreditedFrom, Paged<RequirementReadinessView> Requirements);
