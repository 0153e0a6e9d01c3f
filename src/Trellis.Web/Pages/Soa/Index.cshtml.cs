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

/// <summary>The Statement of Applicability with drift, its approval, links to edit each row and (managers) a form to approve it.</summary>
[Authorize(Policy = Policies.ProgramRead)]
public sealed class IndexModel(ProgramService program) : PageModel
{
    /// <summary>Rows.</summary>
    public IReadOnlyList<SoaRow> Rows { get; private set; } = [];

    /// <summary>Only rows with drift.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Drift { get; set; }

    /// <summary>True when the account may edit.</summary>
    public bool CanEdit { get; private set; }

    /// <summary>The recorded approval, or null.</summary>
    public SoaApproval? Approval { get; private set; }

    /// <summary>The label an approval without one gets.</summary>
    public string NextVersion { get; private set; } = "";

    /// <summary>The version label to approve (empty for <see cref="NextVersion"/>).</summary>
    [BindProperty]
    public string? ApproveVersion { get; set; }

    /// <summary>Why approving failed.</summary>
    public string? Message { get; private set; }

    /// <summary>Loads the rows.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct) ?? Page();

    /// <summary>Approves the SoA as it stands (admins and compliance managers).</summary>
    public async Task<IActionResult> OnPostApproveAsync(CancellationToken ct)
    {
        var approved = await program.ApproveSoaAsync(HttpContext.Account(), ApproveVersion, ct);
        if (!approved.IsSuccess)
        {
            if (approved.Error!.Code == ErrorCodes.Forbidden)
            {
                return Forbid();
            }

            Message = approved.Error.Message;
            return await ShowAsync(ct) ?? Page();
        }

        return Redirect("/soa");
    }

    private async Task<IActionResult?> ShowAsync(CancellationToken ct)
    {
        var rows = await program.SoaAsync(HttpContext.Account(), ct);
        if (!rows.IsSuccess)
        {
            return NotFound();
        }

        Rows = [.. rows.Value.Where(r => !Drift || r.Drift.Count > 0)];
        CanEdit = HttpContext.Account().ManagesProgram;
        Approval = (await program.LoadAsync(ct)).SoaApproval;
        NextVersion = ProgramService.NextSoaVersion(Approval?.Version);
        return null;
    }
}
