using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Data;
using Trellis.Web.Api;
using Trellis.Web.Auth;
using Trellis.Web.Hosting;

namespace Trellis.Web.Pages.Requests;

/// <summary>
/// One stored request with its thread and the forms of the steps open to the account (issue 16, item 2): assign
/// (managers), answer with stored evidence or a new upload (its owner or a manager), accept or flag (the auditor or a
/// manager who did not answer), comment (every role but viewer). Each form calls one use case of EngagementService.
/// </summary>
[Authorize(Policy = Policies.ProgramRead)]
public sealed class ShowModel(EngagementService engagements, ProgramService program, TimeProvider clock, IOptions<TrellisWebOptions> options) : PageModel
{
    /// <summary>The request.</summary>
    public AuditRequestView Item { get; private set; } = null!;

    /// <summary>The stored request (for the rights of the forms).</summary>
    public AuditRequest Stored { get; private set; } = null!;

    /// <summary>Why the last form was refused, if it was.</summary>
    public string? Message { get; private set; }

    /// <summary>Owner e-mail (assign), evidence IDs comma-separated (answer), text (comment, flag reason, accept comment).</summary>
    [BindProperty]
    public string? Field { get; set; }

    /// <summary>The answer's note.</summary>
    [BindProperty]
    public string? Note { get; set; }

    /// <summary>A new evidence file answering the request.</summary>
    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The new file's title.</summary>
    [BindProperty]
    public string? UploadTitle { get; set; }

    /// <summary>Shows the request; 404 when the account does not see it.</summary>
    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Assigns the owner.</summary>
    public Task<IActionResult> OnPostAssignAsync(string id, CancellationToken ct) =>
        StepAsync(id, () => engagements.AssignRequestAsync(HttpContext.Account(), id, Field ?? "", ct), ct);

    /// <summary>Accepts the answer.</summary>
    public Task<IActionResult> OnPostAcceptAsync(string id, CancellationToken ct) =>
        StepAsync(id, () => engagements.AcceptRequestAsync(HttpContext.Account(), id, Field, ct), ct);

    /// <summary>Flags the answer with a reason.</summary>
    public Task<IActionResult> OnPostFlagAsync(string id, CancellationToken ct) =>
        StepAsync(id, () => engagements.FlagRequestAsync(HttpContext.Account(), id, Field, ct), ct);

    /// <summary>Adds a comment.</summary>
    public Task<IActionResult> OnPostCommentAsync(string id, CancellationToken ct) =>
        StepAsync(id, () => engagements.CommentRequestAsync(HttpContext.Account(), id, Field, ct), ct);

    /// <summary>Answers with the evidence IDs given and, when a file is attached, a new evidence item for the request's control stored first.</summary>
    public async Task<IActionResult> OnPostAnswerAsync(string id, CancellationToken ct)
    {
        var account = HttpContext.Account();
        var found = await engagements.GetRequestAsync(account, id, ct);
        if (!found.IsSuccess)
        {
            return NotFound();
        }

        var ids = (Field ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        if (Upload is { Length: > 0 })
        {
            var added = await StoreUploadAsync(account, found.Value.Value, ct);
            if (!added.IsSuccess)
            {
                return await FailAsync(id, added.Error!, ct);
            }

            ids.Add(added.Value);
        }

        return await StepAsync(id, () => engagements.AnswerRequestAsync(account, id, ids, Note, ct), ct);
    }

    private async Task<Result<string>> StoreUploadAsync(Trellis.Application.Actors.Account account, AuditRequest request, CancellationToken ct)
    {
        if (request.ControlId is null)
        {
            return new Error(ErrorCodes.MissingField, "this request names no control to file a new upload under: upload it on the evidence page, then give its ID", "evidence");
        }

        await using var stream = Upload!.OpenReadStream();
        var received = await EvidenceFiles.ReceiveAsync(stream, Upload.FileName, Upload.ContentType, options.Value.MaxUploadBytes, ct);
        if (!received.IsSuccess)
        {
            return received.Error!;
        }

        await using var file = received.Value;
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["title"] = string.IsNullOrWhiteSpace(UploadTitle) ? $"Answer to {request.Id}" : UploadTitle,
            ["controls"] = request.ControlId,
            ["effectiveFrom"] = program.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        var item = await EvidenceEndpoints.BuildAsync(program, clock, fields, file, ct);
        if (!item.IsSuccess)
        {
            return item.Error!;
        }

        var saved = await program.AddEvidenceAsync(account, item.Value, await file.ReadAllBytesAsync(ct), ct);
        return saved.IsSuccess ? saved.Value.Value.Id : saved.Error!;
    }

    private async Task<IActionResult> StepAsync(string id, Func<Task<Result<Versioned<AuditRequest>>>> step, CancellationToken ct)
    {
        var result = await step();
        if (result.IsSuccess)
        {
            return Redirect($"/requests/{Uri.EscapeDataString(id)}");
        }

        return result.Error!.Code == ErrorCodes.UnknownRequest ? NotFound() : await FailAsync(id, result.Error, ct);
    }

    private async Task<IActionResult> FailAsync(string id, Error error, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Message = error.Message;
        Response.StatusCode = ApiErrors.StatusOf(error);
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        var found = await engagements.GetRequestAsync(HttpContext.Account(), id, ct);
        if (!found.IsSuccess)
        {
            return false;
        }

        Stored = found.Value.Value;
        Item = AuditRequestView.From(Stored, engagements.Today);
        return true;
    }
}
