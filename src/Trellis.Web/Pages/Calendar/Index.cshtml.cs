using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Core.Audits;
using Trellis.Web.Api;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.Calendar;

/// <summary>The audit calendar of both regimes as a timeline (proposed by the planner from two anchors).</summary>
[Authorize(Policy = Policies.InternalRead)]
public sealed class IndexModel(TimeProvider clock) : PageModel
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

    /// <summary>The plan.</summary>
    public AuditPlan? Plan { get; private set; }

    /// <summary>Why planning failed.</summary>
    public string? Message { get; private set; }

    /// <summary>First day shown.</summary>
    public DateOnly From { get; private set; }

    /// <summary>Days shown.</summary>
    public int Days { get; private set; } = 1;

    /// <summary>Plans.</summary>
    public void OnGet()
    {
        var plan = CalendarEndpoints.Plan(clock, CertificationDecision, Soc2Start, Years);
        if (!plan.IsSuccess)
        {
            Message = plan.Error!.Message;
            return;
        }

        Plan = plan.Value;
        if (Plan.Events.Count > 0)
        {
            From = Plan.Events.Min(e => e.Start);
            Days = Math.Max(1, Plan.Events.Max(e => e.End).DayNumber - From.DayNumber + 1);
        }
    }
}
