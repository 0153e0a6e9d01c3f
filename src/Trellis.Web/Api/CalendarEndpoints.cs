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
            .WithSummary("Proposes both regimes' events (windows, fieldwork, surveillance, recertification, internal audits, reviews) with the rules at risk: "
                + "a first certification (?certificationDecision, ?soc2Start) or forward from what is held (?isoCertifiedOn, ?isoStage, ?soc2LastPeriod=YYYY-MM-DD..YYYY-MM-DD).");
        return api;
    }

    /// <summary>
    /// Plans from the optional anchors, as of today: a first certification decision and SOC 2 start, or a held certificate
    /// (issue date, cycle stage: <see cref="CycleStages.WireNames"/>) and the last SOC 2 report's period.
    /// </summary>
    public static Result<AuditPlan> Plan(
        TimeProvider clock, string? certificationDecision, string? soc2Start, int? years, string? isoCertifiedOn = null, string? isoStage = null, string? soc2LastPeriod = null)
    {
        var held = Held(isoCertifiedOn, isoStage);
        if (!held.IsSuccess)
        {
            return held.Error!;
        }

        DateRange? last = null;
        if (!string.IsNullOrWhiteSpace(soc2LastPeriod))
        {
            var period = DateRange.Parse(soc2LastPeriod, "soc2LastPeriod");
            if (!period.IsSuccess)
            {
                return period.Error!;
            }

            last = period.Value;
        }

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

        return AuditPlanner.Plan(new PlanRequest
        {
            CertificationDecision = decision,
            Soc2Start = start,
            IsoCertificate = held.Value,
            Soc2LastPeriod = last,
            Years = years ?? 3,
            Today = CalendarDates.Today(clock),
        });
    }

    private static Result<HeldCertificate?> Held(string? isoCertifiedOn, string? isoStage)
    {
        if (string.IsNullOrWhiteSpace(isoCertifiedOn))
        {
            return string.IsNullOrWhiteSpace(isoStage) ? Result<HeldCertificate?>.Ok(null) : new Error(ErrorCodes.MissingOption, "a cycle stage needs the certificate's issue date", "isoCertifiedOn");
        }

        var issued = CalendarDates.Parse(isoCertifiedOn, "isoCertifiedOn");
        if (!issued.IsSuccess)
        {
            return issued.Error!;
        }

        CycleStage? stage = null;
        if (!string.IsNullOrWhiteSpace(isoStage))
        {
            if (!CycleStages.TryParse(isoStage, out var s))
            {
                return new Error(ErrorCodes.InvalidOption, $"unknown cycle stage '{isoStage}'; use one of {string.Join(", ", CycleStages.WireNames)}", "isoStage");
            }

            stage = s;
        }

        return new HeldCertificate { IssuedOn = issued.Value, Stage = stage };
    }

    private static Results<Ok<IReadOnlyList<CalendarEventView>>, ProblemHttpResult> Get(
        TimeProvider clock, string? certificationDecision, string? soc2Start, int? years, string? isoCertifiedOn, string? isoStage, string? soc2LastPeriod)
    {
        var plan = Plan(clock, certificationDecision, soc2Start, years, isoCertifiedOn, isoStage, soc2LastPeriod);
        return plan.IsSuccess
            ? TypedResults.Ok<IReadOnlyList<CalendarEventView>>([.. plan.Value.Events.Select(CalendarEventView.From)])
            : ApiErrors.Problem(plan.Error!);
    }
}

/// <summary>One planned event; <c>state</c> is <c>planned</c>, or <c>done</c> for what is held (a certificate's decision, the last report's period).</summary>
public sealed record CalendarEventView(string Id, string Kind, string Framework, string Title, DateOnly Start, DateOnly End, IReadOnlyList<string> Warnings, string State)
{
    internal static CalendarEventView From(PlanEvent e) => new(e.Id, e.Kind.ToWire(), e.Framework, e.Title, e.Start, e.End, [.. e.Warnings.Select(w => w.ToString())], e.State.ToWire());
}
