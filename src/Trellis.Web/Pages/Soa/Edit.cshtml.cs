using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Application.Exports;
using Trellis.Core.Common;
using Trellis.Core.Program;
using Trellis.Core.Readiness;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.Soa;

/// <summary>Edits one SoA row: applicable or excluded (with a justification), reasons for inclusion.</summary>
[Authorize(Policy = Policies.SoaWrite)]
public sealed class EditModel(ProgramService program) : PageModel
{
    /// <summary>Applicable (true) or excluded.</summary>
    [BindProperty]
    public bool Applicable { get; set; } = true;

    /// <summary>Justification (required to exclude).</summary>
    [BindProperty]
    public string? Justification { get; set; }

    /// <summary>Reasons for inclusion, as wire names (<c>risk</c>, <c>legal</c>, …).</summary>
    [BindProperty]
    public List<string> Reasons { get; set; } = [];

    /// <summary>Version read; 0 when no decision is recorded yet.</summary>
    [BindProperty]
    public int Version { get; set; }

    /// <summary>The row as derived now.</summary>
    public SoaRow Row { get; private set; } = null!;

    /// <summary>Why saving failed.</summary>
    public string? Message { get; private set; }

    /// <summary>Shows the form.</summary>
    public async Task<IActionResult> OnGetAsync(string control, CancellationToken ct)
    {
        if (!await LoadRowAsync(control, ct))
        {
            return NotFound();
        }

        var decision = await program.GetSoaDecisionAsync(HttpContext.Account(), control, ct);
        (Applicable, Justification, Reasons, Version) = (Row.Applicable, Row.Justification, [.. Row.Reasons.Select(r => r.ToWire())], decision is { IsSuccess: true, Value: { } stored } ? stored.Version : 0);
        return Page();
    }

    /// <summary>Saves the decision.</summary>
    public async Task<IActionResult> OnPostAsync(string control, CancellationToken ct)
    {
        if (!await LoadRowAsync(control, ct))
        {
            return NotFound();
        }

        var reasons = new List<InclusionReason>();
        foreach (var name in Reasons)
        {
            if (!InclusionReasons.TryParse(name, out var reason))
            {
                Message = $"Unknown reason '{name}'; use {string.Join(", ", InclusionReasons.WireNames)}.";
                return Page();
            }

            reasons.Add(reason);
        }

        var existing = await program.GetSoaDecisionAsync(HttpContext.Account(), control, ct);
        var declared = existing is { IsSuccess: true, Value: { } stored } ? stored.Value.DeclaredStatus : null;
        var decision = new SoaDecision { Control = control, Applicable = Applicable, Justification = Justification?.Trim() ?? "", Reasons = reasons, DeclaredStatus = declared };
        var saved = await program.SaveSoaDecisionAsync(HttpContext.Account(), decision, Version == 0 ? null : Version, ct);
        if (!saved.IsSuccess)
        {
            Message = saved.Error!.Code switch
            {
                ErrorCodes.JustificationRequired => "Excluding a control needs a justification.",
                ErrorCodes.ConcurrencyConflict => "Someone changed this row meanwhile: reload and apply your change again.",
                _ => saved.Error.Message,
            };
            return Page();
        }

        return Redirect("/soa");
    }

    private async Task<bool> LoadRowAsync(string control, CancellationToken ct)
    {
        var rows = await program.SoaAsync(HttpContext.Account(), ct);
        Row = rows.IsSuccess ? rows.Value.FirstOrDefault(r => r.Control == control)! : null!;
        return Row is not null;
    }
}
