namespace Trellis.Application.Engagements;

/// <summary>
/// An engagement to create or replace. Dates are ISO <c>YYYY-MM-DD</c>; a SOC 2 Type 2 needs a window, a Type 1
/// an as-of date. Categories apply to SOC 2 (Security is always included).
/// </summary>
public sealed record EngagementRequest(
    string Kind, string? Title, string? Framework, string? Firm, IReadOnlyList<string>? Categories, DateOnly? AsOf,
    DateOnly? WindowStart, DateOnly? WindowEnd, DateOnly? FieldworkStart, DateOnly? FieldworkEnd, DateOnly? ReportDate);

/// <summary>A finding to record: kind <c>major-nonconformity</c>, <c>minor-nonconformity</c>, <c>opportunity-for-improvement</c> or <c>soc2-exception</c>; requirements as <c>framework:id</c>.</summary>
public sealed record FindingRequest(
    string Id, string Kind, string Title, string? Engagement, string? Description, DateOnly? RaisedOn,
    IReadOnlyList<string>? Controls, IReadOnlyList<string>? Requirements);

/// <summary>
/// One lifecycle step: <c>plan-actions</c> (rootCause, actions), <c>complete-action</c> (actionId), <c>resolve</c>,
/// <c>verify</c> (effective, notes) or <c>close</c> (notes).
/// </summary>
public sealed record FindingStepRequest(
    string Step, string? RootCause, IReadOnlyList<CorrectiveActionRequest>? Actions, string? ActionId, bool? Effective, string? Notes);

/// <summary>A corrective action to plan (ISO/IEC 27001:2022 10.2 c).</summary>
public sealed record CorrectiveActionRequest(string Id, string Description, string Owner, DateOnly DueDate);

/// <summary>The engagements of a saved plan, and how many of them were new (the others were stored already and kept).</summary>
public sealed record PlannedEngagements(IReadOnlyList<Trellis.Core.Audits.Engagement> Engagements, int Added);
