using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Core.Frameworks;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.Settings;

/// <summary>The frameworks the program pursues: the dashboard shows only these; the catalog keeps every framework.</summary>
[Authorize(Policy = Policies.ProgramSettingsWrite)]
public sealed class FrameworksModel(ProgramService program) : PageModel
{
    /// <summary>Every framework of the catalog.</summary>
    public IReadOnlyList<Framework> Catalog { get; private set; } = [];

    /// <summary>The IDs pursued.</summary>
    public IReadOnlyList<string> Pursued { get; private set; } = [];

    /// <summary>What went wrong with the last save, or null.</summary>
    public string? Problem { get; private set; }

    /// <summary>True right after a save.</summary>
    public bool Saved { get; private set; }

    /// <summary>Shows the choice.</summary>
    public async Task OnGetAsync(bool saved, CancellationToken ct)
    {
        Saved = saved;
        await LoadAsync(ct);
    }

    /// <summary>Saves the frameworks ticked.</summary>
    public async Task<IActionResult> OnPostAsync([FromForm] List<string>? frameworks, CancellationToken ct)
    {
        var result = await program.SetPursuedFrameworksAsync(HttpContext.Account(), frameworks ?? [], ct);
        if (result.IsSuccess)
        {
            return Redirect("/settings/frameworks?saved=true");
        }

        Problem = result.Error!.Message;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Catalog = (await program.CatalogAsync(ct)).Frameworks;
        Pursued = await program.PursuedFrameworksAsync(ct);
    }
}
