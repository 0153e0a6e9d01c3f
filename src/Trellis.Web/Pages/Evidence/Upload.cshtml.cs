using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Application.Exports;
using Trellis.Core.Common;
using Trellis.Core.Program;
using Trellis.Web.Api;
using Trellis.Web.Auth;
using Trellis.Web.Hosting;

namespace Trellis.Web.Pages.Evidence;

/// <summary>Uploads a file (or records a link) as evidence for a control, with the dates it shows.</summary>
[Authorize(Policy = Policies.EvidenceWrite)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
[RequestSizeLimit(UploadLimit)]
[UploadEndpoint]
public sealed class UploadModel(ProgramService program, TimeProvider clock, IOptions<TrellisWebOptions> options) : PageModel
{
    private const long UploadLimit = 64L * 1024 * 1024;

    /// <summary>Title.</summary>
    [BindProperty]
    public string? Title { get; set; }

    /// <summary>The control it supports.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Control { get; set; }

    /// <summary>First (or only) day it shows, YYYY-MM-DD.</summary>
    [BindProperty]
    public string? EffectiveFrom { get; set; }

    /// <summary>Last day of the period it covers, when a period.</summary>
    [BindProperty]
    public string? EffectiveTo { get; set; }

    /// <summary>A link instead of a file.</summary>
    [BindProperty]
    public string? Link { get; set; }

    /// <summary>The file.</summary>
    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>Controls the account may attach evidence to.</summary>
    public IReadOnlyList<Control> Controls { get; private set; } = [];

    /// <summary>Why the upload failed.</summary>
    public string? Message { get; private set; }

    /// <summary>Shows the form.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        EffectiveFrom ??= program.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Stores the evidence.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ReceivedFile? file = null;
        try
        {
            if (Upload is { Length: > 0 })
            {
                await using var stream = Upload.OpenReadStream();
                var received = await EvidenceFiles.ReceiveAsync(stream, Upload.FileName, Upload.ContentType, options.Value.MaxUploadBytes, ct);
                if (!received.IsSuccess)
                {
                    return await FailAsync(received.Error!.Message, ct);
                }

                file = received.Value;
            }

            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["title"] = Title ?? "",
                ["controls"] = Control ?? "",
                ["effectiveFrom"] = EffectiveFrom ?? "",
                ["effectiveTo"] = EffectiveTo ?? "",
                ["url"] = Link ?? "",
            };
            var item = await EvidenceEndpoints.BuildAsync(program, clock, fields, file, ct);
            if (!item.IsSuccess)
            {
                return await FailAsync(item.Error!.Message, ct);
            }

            var content = file is null ? null : await file.ReadAllBytesAsync(ct);
            var saved = await program.AddEvidenceAsync(HttpContext.Account(), item.Value, content, ct);
            if (!saved.IsSuccess)
            {
                return saved.Error!.Code == ErrorCodes.Forbidden ? Forbid() : await FailAsync(saved.Error.Message, ct);
            }

            return Redirect($"/controls/{Uri.EscapeDataString(item.Value.ControlIds[0])}");
        }
        finally
        {
            if (file is not null)
            {
                await file.DisposeAsync();
            }
        }
    }

    private async Task<IActionResult> FailAsync(string message, CancellationToken ct)
    {
        Message = message;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var account = HttpContext.Account();
        Controls = [.. (await program.ControlsAsync(account, ct)).Where(account.EditsControl)];
    }
}
