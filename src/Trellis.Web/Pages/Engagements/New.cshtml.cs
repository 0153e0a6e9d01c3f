using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Engagements;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Web.Api;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.Engagements;

/// <summary>
/// <c>/engagements/new</c>: plans a synchronized calendar from its anchors and saves its engagements (the web's
/// <c>trellis plan --save</c>), or records one engagement with its own dates.
/// </summary>
[Authorize(Policy = Policies.EngagementsWrite)]
public sealed class NewModel(EngagementService engagements) : PageModel
{
    /// <summary>ISO certification decision date (plan).</summary>
    [BindProperty]
    public DateOnly? CertificationDecision { get; set; }

    /// <summary>Start of the first SOC 2 Type 2 window (plan).</summary>
    [BindProperty]
    public DateOnly? Soc2Start { get; set; }

    /// <summary>As-of date of a SOC 2 Type 1 before the first window (plan).</summary>
    [BindProperty]
    public DateOnly? Soc2Type1AsOf { get; set; }

    /// <summary>Already certified: the decision that started the current cycle (plan).</summary>
    [BindProperty]
    public DateOnly? IsoCertifiedOn { get; set; }

    /// <summary>The held certificate's cycle stage (wire name), or empty to infer it (plan).</summary>
    [BindProperty]
    public string? IsoStage { get; set; }

    /// <summary>Already reported: the last SOC 2 report period's start, empty for a Type 1 (plan).</summary>
    [BindProperty]
    public DateOnly? Soc2LastStart { get; set; }

    /// <summary>Already reported: the last SOC 2 report period's end, or a Type 1's date (plan).</summary>
    [BindProperty]
    public DateOnly? Soc2LastEnd { get; set; }

    /// <summary>Years to plan (plan).</summary>
    [BindProperty]
    public int Years { get; set; } = 3;

    /// <summary>The SOC 2 firm (plan and one engagement).</summary>
    [BindProperty]
    public string? Firm { get; set; }

    /// <summary>The ISO certification body (plan).</summary>
    [BindProperty]
    public string? CertificationBody { get; set; }

    /// <summary>The ID of one engagement.</summary>
    [BindProperty]
    public string? EngagementId { get; set; }

    /// <summary>Its kind (wire name).</summary>
    [BindProperty]
    public string Kind { get; set; } = EngagementKind.Soc2Type2.ToWire();

    /// <summary>Its title.</summary>
    [BindProperty]
    public string? Title { get; set; }

    /// <summary>SOC 2 Type 1 as-of date.</summary>
    [BindProperty]
    public DateOnly? AsOf { get; set; }

    /// <summary>SOC 2 Type 2 window start.</summary>
    [BindProperty]
    public DateOnly? WindowStart { get; set; }

    /// <summary>SOC 2 Type 2 window end.</summary>
    [BindProperty]
    public DateOnly? WindowEnd { get; set; }

    /// <summary>Fieldwork start.</summary>
    [BindProperty]
    public DateOnly? FieldworkStart { get; set; }

    /// <summary>Fieldwork end.</summary>
    [BindProperty]
    public DateOnly? FieldworkEnd { get; set; }

    /// <summary>Report date.</summary>
    [BindProperty]
    public DateOnly? ReportDate { get; set; }

    /// <summary>Why saving failed.</summary>
    public string? Message { get; private set; }

    /// <summary>Shows both forms.</summary>
    public void OnGet()
    {
    }

    /// <summary>Plans and saves the calendar's engagements.</summary>
    public async Task<IActionResult> OnPostPlanAsync(CancellationToken ct)
    {
        var held = PlanRequests.Held(IsoCertifiedOn, IsoStage, Soc2LastStart, Soc2LastEnd);
        if (!held.IsSuccess)
        {
            return Failed(held.Error!);
        }

        var request = new PlanRequest
        {
            CertificationDecision = CertificationDecision,
            Soc2Start = Soc2Start,
            Soc2Type1AsOf = Soc2Type1AsOf,
            IsoCertificate = held.Value.Certificate,
            Soc2LastPeriod = held.Value.LastPeriod,
            Years = Years,
            Today = engagements.Today,
        };
        var saved = await engagements.PlanAndSaveAsync(HttpContext.Account(), request, Firm ?? "", CertificationBody ?? "", ct);
        return saved.IsSuccess ? Redirect("/engagements") : Failed(saved.Error!);
    }

    /// <summary>Records one engagement.</summary>
    public async Task<IActionResult> OnPostOneAsync(CancellationToken ct)
    {
        var engagement = EngagementService.FromRequest(
            EngagementId?.Trim() ?? "",
            new EngagementRequest(Kind, Title, null, Firm, null, AsOf, WindowStart, WindowEnd, FieldworkStart, FieldworkEnd, ReportDate));
        if (!engagement.IsSuccess)
        {
            return Failed(engagement.Error!);
        }

        if (string.IsNullOrWhiteSpace(engagement.Value.Id))
        {
            Message = "Give the engagement an ID.";
            return Page();
        }

        var saved = await engagements.SaveAsync(HttpContext.Account(), engagement.Value, null, ct);
        if (!saved.IsSuccess && saved.Error!.Code == ErrorCodes.PreconditionRequired)
        {
            Message = $"Engagement {engagement.Value.Id} exists already: choose another ID.";
            return Page();
        }

        return saved.IsSuccess ? Redirect($"/engagements/{Uri.EscapeDataString(saved.Value.Value.Id)}") : Failed(saved.Error!);
    }

    private IActionResult Failed(Error error)
    {
        if (error.Code == ErrorCodes.Forbidden)
        {
            return Forbid();
        }

        Message = error.Location is null ? error.Message : $"{error.Message} ({error.Location})";
        return Page();
    }
}
