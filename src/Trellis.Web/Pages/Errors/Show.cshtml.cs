using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Trellis.Web.Pages.Errors;

/// <summary>
/// The browser's error pages (issue 16, item 1): 400, 403, 404, 409, 500 and any other 4xx/5xx a page or the server
/// answers, in the app's layout. Reached by re-execution from the status code pages and the exception handler for every
/// path outside <c>/api</c> and <c>/openapi</c> (those keep problem+json); opening it directly shows the same page.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ShowModel : PageModel
{
    /// <summary>The key of <see cref="HttpContext.Items"/> under which a handler may leave the sentence to show.</summary>
    public const string DetailKey = "trellis.error-detail";

    /// <summary>The HTTP status shown.</summary>
    public int Code { get; private set; }

    /// <summary>The heading.</summary>
    public string Title { get; private set; } = "";

    /// <summary>What happened, in a sentence.</summary>
    public string Detail { get; private set; } = "";

    /// <summary>The path that failed, when re-executed.</summary>
    public string? FailedPath { get; private set; }

    /// <summary>Renders the page for every method (a failed POST re-executes as a POST).</summary>
    public IActionResult OnGet(int code) => Show(code);

    /// <inheritdoc cref="OnGet"/>
    public IActionResult OnPost(int code) => Show(code);

    private PageResult Show(int code)
    {
        Code = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        (Title, Detail) = Code switch
        {
            StatusCodes.Status400BadRequest => ("Bad request", "The request could not be understood: a field is missing or malformed."),
            StatusCodes.Status403Forbidden => ("Not allowed", "Your role does not allow this page or action."),
            StatusCodes.Status404NotFound => ("Not found", "There is nothing here that you may see. Check the address, or start again from the menu."),
            StatusCodes.Status409Conflict => ("Conflict", "The change conflicts with what is stored; reload the page and try again."),
            StatusCodes.Status412PreconditionFailed => ("Changed meanwhile", "Someone else changed this since you opened it; reload the page and try again."),
            >= 500 => ("Something went wrong", "The server could not answer this request. Nothing was changed by the failed request; try again later."),
            _ => ("Request refused", "The request was refused."),
        };
        if (HttpContext.Items.TryGetValue(DetailKey, out var detail) && detail is string text && text.Length > 0)
        {
            Detail = text;
        }

        FailedPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        Response.StatusCode = Code;
        return Page();
    }
}
