using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Exports;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.Reports;

/// <summary>
/// <c>/reports/bridge-letter?engagement=&amp;until=&amp;format=</c>: the draft bridge letter as a download (the Reports
/// page's form), or the reason it cannot be drafted as a page.
/// </summary>
[Authorize(Policy = Policies.InternalRead)]
public sealed class BridgeLetterModel(BridgeLetters letters) : PageModel
{
    /// <summary>Why the letter could not be drafted.</summary>
    public string? Message { get; private set; }

    /// <summary>Drafts and downloads, or explains.</summary>
    public async Task<IActionResult> OnGetAsync(string? engagement, string? until, string? format, CancellationToken ct)
    {
        var last = CalendarDates.Parse(until, "until date");
        if (!last.IsSuccess || string.IsNullOrWhiteSpace(engagement))
        {
            return Failed(last.Error ?? new Error(ErrorCodes.MissingOption, "choose the SOC 2 engagement whose report the letter bridges"));
        }

        var file = await letters.RenderAsync(HttpContext.Account(), engagement, last.Value, string.IsNullOrWhiteSpace(format) ? null : format, ct);
        return file.IsSuccess ? File(file.Value.Content, file.Value.MediaType, file.Value.FileName) : Failed(file.Error!);
    }

    private PageResult Failed(Error error)
    {
        Message = error.Message;
        Response.StatusCode = Api.ApiErrors.StatusOf(error);
        return Page();
    }
}
