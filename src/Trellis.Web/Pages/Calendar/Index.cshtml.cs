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
        if (CertificationDecision is null && Soc2Start is null)
        {
            var recorded = await engagements.ListAsync(HttpContext.Account(), ct);
            if (recorded.Count > 0)
            {
                Recorded = true;
                Show(EngagementCalendar.ToEvents(recorded.Select(e => e.Value), engagements.Today));
                return;
            }
        }

        var plan = CalendarEndpoints.Plan(clock, CertificationDecision, Soc2Start, Years);
        if (!plan.IsSuccess)
        {
            Message = plan.Error!.Location is { } field ? $"{field}: {plan.Error.Message}" : plan.Error.Message;
            Response.StatusCode = Api.ApiErrors.StatusOf(plan.Error);
            return;
        }

        Show(plan.Value.Events);
    }

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
