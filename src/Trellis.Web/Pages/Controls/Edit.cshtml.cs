using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Application.Exports;
using Trellis.Core.Common;
using Trellis.Core.Program;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.Controls;

/// <summary>Edits a control's title, description, status and cadence (mappings are kept), with optimistic concurrency.</summary>
[Authorize(Policy = Policies.ControlsWrite)]
public sealed class EditModel(ProgramService program) : PageModel
{
    /// <summary>Title.</summary>
    [BindProperty]
    public string Title { get; set; } = "";

    /// <summary>Description.</summary>
    [BindProperty]
    public string? Description { get; set; }

    /// <summary>Status wire name.</summary>
    [BindProperty]
    public string Status { get; set; } = "";

    /// <summary>Cadence wire name.</summary>
    [BindProperty]
    public string Cadence { get; set; } = "";

    /// <summary>The version the form was read at.</summary>
    [BindProperty]
    public int Version { get; set; }

    /// <summary>Why saving failed.</summary>
    public string? Message { get; private set; }

    /// <summary>The control ID.</summary>
    public string Id { get; private set; } = "";

    /// <summary>Shows the form.</summary>
    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var stored = await program.GetControlAsync(HttpContext.Account(), id, ct);
        if (!stored.IsSuccess || !HttpContext.Account().EditsControl(stored.Value.Value))
        {
            return stored.IsSuccess ? Forbid() : NotFound();
        }

        var c = stored.Value.Value;
        (Id, Title, Description, Status, Cadence, Version) = (c.Id, c.Title, c.Description, c.Status.ToWire(), c.Cadence.ToWire(), stored.Value.Version);
        return Page();
    }

    /// <summary>Saves.</summary>
    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        Id = id;
        var stored = await program.GetControlAsync(HttpContext.Account(), id, ct);
        if (!stored.IsSuccess)
        {
            return NotFound();
        }

        if (!ImplementationStatuses.TryParse(Status, out var status) || !Cadences.TryParse(Cadence, out var cadence))
        {
            Message = "Choose a status and a cadence.";
            return Page();
        }

        var control = stored.Value.Value with { Title = Title.Trim(), Description = Description?.Trim() ?? "", Status = status, Cadence = cadence };
        var saved = await program.SaveControlAsync(HttpContext.Account(), control, Version, ct);
        if (!saved.IsSuccess)
        {
            if (saved.Error!.Code == ErrorCodes.Forbidden)
            {
                return Forbid();
            }

            Message = saved.Error.Code == ErrorCodes.ConcurrencyConflict ? "Someone changed this control meanwhile: reload and apply your change again." : saved.Error.Message;
            return Page();
        }

        return Redirect($"/controls/{Uri.EscapeDataString(id)}");
    }
}
