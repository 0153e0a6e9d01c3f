using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Trellis.Application.Actors;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Web.Auth;

namespace Trellis.Web.Api;

/// <summary><c>/api/v1/calendar</c>: a synchronized SOC 2 + ISO/IEC 27001 audit calendar (the planner; nothing is stored).</summary>
public static class CalendarEndpoints
{
    /// <summary>Maps the area.</summary>
    public static RouteGroupBuilder MapCalendarEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/calendar", Get).WithTags("Calendar").RequireAuthorization(Policies.InternalRead).WithName("GetCalendar")
            .WithSummary("Proposes both regimes' events (windows, fieldwork, surveillance, recertification, internal audits, reviews) with the rules at risk.");
        return api;
    }

    /// <summary>Plans from the optional anchors, as of today.</summary>
    public static Result<AuditPlan> Plan(TimeProvider clock, string? certificationDecision, string? soc2Start, int? years)
    {
        DateOnly? decision = null, start = null;
        if (certificationDecision is not null)
        {
            var d = CalendarDates.Parse(certificationDecision, "certificationDecision");
            if (!d.IsSuccess)
            {
                return d.Error!;
            }

            decision = d.Value;
        }

        if (soc2Start is not null)
        {
            var s = CalendarDates.Parse(soc2Start, "soc2Start");
            if (!s.IsSuccess)
            {
                return s.Error!;
            }

            start = s.Value;
        }

        return AuditPlanner.Plan(new PlanRequest { CertificationDecision = decision, Soc2Start = start, Years = years ?? 3, Today = CalendarDates.Today(clock) });
    }

    private static Results<Ok<IReadOnlyList<CalendarEventView>>, ProblemHttpResult> Get(TimeProvider clock, string? certificationDecision, string? soc2Start, int? years)
    {
        var plan = Plan(clock, certificationDecision, soc2Start, years);
        return plan.IsSuccess
            ? TypedResults.Ok<IReadOnlyList<CalendarEventView>>([.. plan.Value.Events.Select(CalendarEventView.From)])
            : ApiErrors.Problem(plan.Error!);
    }
}

/// <summary>One planned event.</summary>
public sealed record CalendarEventView(string Id, string Kind, string Framework, string Title, DateOnly Start, DateOnly End, IReadOnlyList<string> Warnings)
{
    internal static CalendarEventView From(PlanEvent e) => new(e.Id, e.Kind.ToWire(), e.Framework, e.Title, e.Start, e.End, [.. e.Warnings.Select(w => w.ToString())]);
}
