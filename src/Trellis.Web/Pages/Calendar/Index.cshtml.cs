using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Core.Audits;
using Trellis.Web.Api;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.Calendar;

/// <summary>The audit calendar of both regimes as a timeline (proposed by the planner from two anchors).</summary>
[Authorize(Policy = Policies.InternalRead)]
public sealed class IndexModel(TimeProvider clock, Trellis.Application.Engagements.EngagementService engagements) : PageModel
{
    /// <summary>ISO certification decision date.</summary>
    [BindProperty(SupportsGet = true)]
    public string? CertificationDecision { get; set; }

    /// <summary>First SOC 2 Type 2 window start.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Soc2Start { get; set; }

    /// <summary>Already certified: the decision that started the current cycle.</summary>
    [BindProperty(SupportsGet = true)]
    public string? IsoCertifiedOn { get; set; }

    /// <summary>The held certificate's cycle stage (wire name), or empty to infer it.</summary>
    [BindProperty(SupportsGet = true)]
    public string? IsoStage { get; set; }

    /// <summary>Already reported: the last SOC 2 report period's start.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Soc2LastStart { get; set; }

    /// <summary>Already reported: the last SOC 2 report period's end (the as-of date of a Type 1).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Soc2LastEnd { get; set; }

    /// <summary>Years.</summary>
    [BindProperty(SupportsGet = true)]
    public int Years { get; set; } = 3;

    /// <summary>The events shown: the recorded engagements', or a proposed plan's.</summary>
    public IReadOnlyList<PlanEvent>? Events { get; private set; }

    /// <summary>True when the events are the recorded engagements' (no anchors given and engagements exist).</summary>
    public bool Recorded { get; private set; }

    /// <summary>Why planning failed.</summary>
    public string? Message { get; private set; }

    /// <summary>First day shown.</summary>
    public DateOnly From { get; private set; }

    /// <summary>Days shown.</summary>
    public int Days { get; private set; } = 1;

    /// <summary>Shows the recorded engagements, or plans from the anchors given.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        var last = Blank(Soc2LastEnd) is { } end ? $"{Blank(Soc2LastStart) ?? end}..{end}" : null;
        if (Blank(CertificationDecision) is null && Blank(Soc2Start) is null && Blank(IsoCertifiedOn) is null && last is null)
        {
            var recorded = await engagements.ListAsync(HttpContext.Account(), ct);
            if (recorded.Count > 0)
            {
                Recorded = true;
                Show(EngagementCalendar.ToEvents(recorded.Select(e => e.Value), engagements.Today));
                return;
            }
        }

        var plan = CalendarEndpoints.Plan(clock, Blank(CertificationDecision), Blank(Soc2Start), Years, Blank(IsoCertifiedOn), Blank(IsoStage), last);
        if (!plan.IsSuccess)
        {
            Message = plan.Error!.Location is { } field ? $"{field}: {plan.Error.Message}" : plan.Error.Message;
            Response.StatusCode = Api.ApiErrors.StatusOf(plan.Error);
            return;
        }

        Show(plan.Value.Events);
    }

    // Empty form fields mean "not given".
    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private void Show(IReadOnlyList<PlanEvent> events)
    {
        Events = events;
        if (events.Count > 0)
        {
            From = events.Min(e => e.Start);
            Days = Math.Max(1, events.Max(e => e.End).DayNumber - From.DayNumber + 1);
        }
    }
}
