using Trellis.Core.Evidence;
using Trellis.Core.Program;
using Trellis.Core.Risks;

namespace Trellis.Data;

/// <summary>Which page of a list: <paramref name="Page"/> from 1, <paramref name="PageSize"/> rows.</summary>
public sealed record ListWindow(int Page, int PageSize)
{
    /// <summary>Rows before the page.</summary>
    public int Skip => (int)Math.Min(int.MaxValue, (long)(Math.Max(1, Page) - 1) * PageSize);
}

/// <summary>One page of rows and the number of rows in the whole (filtered) list.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Total);

/// <summary>
/// A filtered, sorted list of controls. <paramref name="Search"/>: ID or title contains it (case-insensitive);
/// <paramref name="Owner"/>: equal, case-insensitive (empty: controls without an owner); <paramref name="Sort"/>:
/// <c>program</c> (the program's order, the default), <c>id</c>, <c>title</c>, <c>owner</c>, <c>status</c>, <c>cadence</c>;
/// <paramref name="Framework"/>: mapped to a requirement of that framework, and with <paramref name="Requirement"/> to
/// that requirement (both exact, as the catalog spells them).
/// </summary>
public sealed record ControlQuery(
    string? Search = null, ImplementationStatus? Status = null, string? Owner = null, string Sort = "program", bool Descending = false,
    string? Framework = null, string? Requirement = null)
{
    /// <summary>The sort keys accepted.</summary>
    public static readonly IReadOnlyList<string> Sorts = ["program", "id", "title", "owner", "status", "cadence"];
}

/// <summary>A control of a list page with the evidence linked to it (ID and newest effective end of each).</summary>
public sealed record ControlListItem(Control Control, IReadOnlyList<ControlEvidence> Evidence);

/// <summary>An evidence item linked to a control and the last day it speaks for (its versions' newest effective end).</summary>
public sealed record ControlEvidence(string EvidenceId, DateOnly LatestEnd);

/// <summary>
/// A filtered, sorted list of evidence. <paramref name="Search"/>: ID or title contains it (case-insensitive);
/// <paramref name="Control"/>: linked to that control; <paramref name="Sort"/>: <c>effective</c> (newest effective end
/// first, the default), <c>id</c>, <c>title</c>.
/// </summary>
public sealed record EvidenceQuery(string? Search = null, string? Control = null, string Sort = "effective", bool Descending = false)
{
    /// <summary>The sort keys accepted.</summary>
    public static readonly IReadOnlyList<string> Sorts = ["effective", "id", "title"];
}

/// <summary>An evidence item of a list page with the cadences of the controls it supports (for its freshness).</summary>
public sealed record EvidenceListItem(EvidenceItem Item, IReadOnlyList<Cadence> ControlCadences);

/// <summary>
/// A filtered, sorted list of risks. <paramref name="Search"/>: ID or title contains it (case-insensitive);
/// <paramref name="Likelihood"/>/<paramref name="Impact"/>: the residual rating; <paramref name="Sort"/>:
/// <c>register</c> (the register's order, the default), <c>id</c>, <c>title</c>, <c>owner</c>, <c>residual</c>
/// (likelihood × impact, highest first).
/// </summary>
public sealed record RiskQuery(
    string? Search = null, string? Owner = null, RiskTreatment? Treatment = null, int? Likelihood = null, int? Impact = null, string Sort = "register", bool Descending = false)
{
    /// <summary>The sort keys accepted.</summary>
    public static readonly IReadOnlyList<string> Sorts = ["register", "id", "title", "owner", "residual"];
}

/// <summary>How many risks are rated at one residual likelihood and impact.</summary>
public sealed record RiskCell(int Likelihood, int Impact, int Count);

/// <summary>Something found by ID or title: its <paramref name="Kind"/> (<c>control</c>, <c>evidence</c>, <c>risk</c>), ID and title.</summary>
public sealed record SearchHit(string Kind, string Id, string Title);

/// <summary>The readiness counts of one framework on one day.</summary>
public sealed record ReadinessCounts(string Framework, DateOnly Day, int Covered, int Partial, int Gap, int NotApplicable);
