using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Application.Exports;
using Trellis.Core.Common;
using Trellis.Web.Api;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.Engagements;

/// <summary>One engagement: its dates and warnings, the operation ledger over its window, and its findings.</summary>
[Authorize(Policy = Policies.ProgramRead)]
public sealed class ShowModel(EngagementService engagements) : PageModel
{
    /// <summary>The engagement.</summary>
    public EngagementView Engagement { get; private set; } = null!;

    /// <summary>The ledger, when the engagement has a window.</summary>
    public LedgerView? Ledger { get; private set; }

    /// <summary>Why there is no ledger.</summary>
    public string? NoLedger { get; private set; }

    /// <summary>Findings raised in it.</summary>
    public IReadOnlyList<FindingView> Findings { get; private set; } = [];

    /// <summary>The requests raised in the engagement.</summary>
    public IReadOnlyList<AuditRequestView> Requests { get; private set; } = [];

    /// <summary>The samples drawn in the engagement.</summary>
    public IReadOnlyList<SampleView> Samples { get; private set; } = [];

    /// <summary>The populations uploaded for it.</summary>
    public IReadOnlyList<PopulationView> Populations { get; private set; } = [];

    /// <summary>Why the sample or population form was refused, if it was.</summary>
    public string? SampleMessage { get; private set; }

    /// <summary>The control to sample, or of the uploaded population.</summary>
    [BindProperty]
    public string? SampleControl { get; set; }

    /// <summary>Items to draw (empty for the default).</summary>
    [BindProperty]
    public int? SampleSize { get; set; }

    /// <summary>The seed (empty for a fresh one).</summary>
    [BindProperty]
    public string? SampleSeed { get; set; }

    /// <summary>An uploaded population to draw from (empty for the ledger's occurrences).</summary>
    [BindProperty]
    public string? SamplePopulation { get; set; }

    /// <summary>The query that produced an uploaded population.</summary>
    [BindProperty]
    public string? PopulationQuery { get; set; }

    /// <summary>The uploaded population's CSV.</summary>
    [BindProperty]
    public string? PopulationCsv { get; set; }

    /// <summary>True when the account may raise requests here.</summary>
    public bool Raises { get; private set; }

    /// <summary>Why the raise form was refused, if it was.</summary>
    public string? RaiseMessage { get; private set; }

    /// <summary>The new request's text.</summary>
    [BindProperty]
    public string? RaiseText { get; set; }

    /// <summary>The new request's due date (YYYY-MM-DD).</summary>
    [BindProperty]
    public DateOnly? RaiseDue { get; set; }

    /// <summary>The control it asks about, if any.</summary>
    [BindProperty]
    public string? RaiseControl { get; set; }

    /// <summary>The requirement it asks about (framework:id), if any.</summary>
    [BindProperty]
    public string? RaiseRequirement { get; set; }

    /// <summary>True when an auditor looks (their portal: the scope is spelled out).</summary>
    public bool Auditor { get; private set; }

    /// <summary>Show only controls with missing occurrences.</summary>
    [BindProperty(SupportsGet = true)]
    public bool MissingOnly { get; set; }

    /// <summary>Loads the engagement; 404 when the account does not see it.</summary>
    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Raises a request (the auditor, admin, compliance manager) and opens it.</summary>
    public async Task<IActionResult> OnPostRaiseAsync(string id, CancellationToken ct)
    {
        var raised = RaiseDue is { } due
            ? await engagements.RaiseRequestAsync(HttpContext.Account(), id, new NewAuditRequest(RaiseText ?? "", due, RaiseControl, RaiseRequirement), ct)
            : new Error(ErrorCodes.MissingField, "give the due date", "dueOn");
        if (raised.IsSuccess)
        {
            return Redirect($"/requests/{Uri.EscapeDataString(raised.Value.Id)}");
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        RaiseMessage = raised.Error!.Message;
        Response.StatusCode = ApiErrors.StatusOf(raised.Error);
        return Page();
    }

    /// <summary>The newest frozen package, if any.</summary>
    public Trellis.Data.PackageRecord? Package { get; private set; }

    /// <summary>Freezes the package now (admin, compliance manager).</summary>
    public async Task<IActionResult> OnPostFreezeAsync(string id, CancellationToken ct)
    {
        var frozen = await engagements.FreezePackageAsync(HttpContext.Account(), id, ct);
        return frozen.IsSuccess ? Redirect($"/engagements/{Uri.EscapeDataString(id)}#package") : await SampleFailAsync(id, frozen.Error!, ct);
    }

    /// <summary>Draws a sample (the auditor, admin, compliance manager).</summary>
    public async Task<IActionResult> OnPostDrawAsync(string id, CancellationToken ct)
    {
        ulong? seed = null;
        if (!string.IsNullOrWhiteSpace(SampleSeed))
        {
            if (!ulong.TryParse(SampleSeed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s))
            {
                return await SampleFailAsync(id, new Error(ErrorCodes.InvalidSample, "the seed is a whole number", "seed"), ct);
            }

            seed = s;
        }

        var drawn = await engagements.DrawSampleAsync(HttpContext.Account(), id, new DrawSample(SampleControl?.Trim() ?? "", SampleSize, seed, SamplePopulation), ct);
        return drawn.IsSuccess ? Redirect($"/engagements/{Uri.EscapeDataString(id)}#samples") : await SampleFailAsync(id, drawn.Error!, ct);
    }

    /// <summary>Occurrences tested in an overlapping engagement this one may reuse (admin, compliance manager).</summary>
    public IReadOnlyList<ReuseOfferView> ReuseOffers { get; private set; } = [];

    /// <summary>The accepted request of another engagement to reuse.</summary>
    [BindProperty]
    public string? ReuseRequest { get; set; }

    /// <summary>Reuses a tested occurrence here (admin, compliance manager).</summary>
    public async Task<IActionResult> OnPostReuseAsync(string id, CancellationToken ct)
    {
        var reused = await engagements.ReuseAsync(HttpContext.Account(), id, ReuseRequest ?? "", null, ct);
        return reused.IsSuccess ? Redirect($"/requests/{Uri.EscapeDataString(reused.Value.Id)}") : await SampleFailAsync(id, reused.Error!, ct);
    }

    /// <summary>Uploads a population list (admin, compliance manager).</summary>
    public async Task<IActionResult> OnPostPopulationAsync(string id, CancellationToken ct)
    {
        var stored = await engagements.UploadPopulationAsync(HttpContext.Account(), id, SampleControl?.Trim() ?? "", PopulationQuery, PopulationCsv, ct);
        return stored.IsSuccess ? Redirect($"/engagements/{Uri.EscapeDataString(id)}#samples") : await SampleFailAsync(id, stored.Error!, ct);
    }

    private async Task<IActionResult> SampleFailAsync(string id, Error error, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        SampleMessage = error.Message;
        Response.StatusCode = ApiErrors.StatusOf(error);
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        var account = HttpContext.Account();
        Auditor = account.Role == Roles.Auditor;
        var found = await engagements.GetWithWarningsAsync(account, id, ct);
        if (!found.IsSuccess)
        {
            return false;
        }

        Engagement = EngagementView.From(found.Value.Engagement.Value, found.Value.Warnings);
        var ledger = await engagements.LedgerAsync(account, found.Value.Engagement.Value, ct);
        if (ledger.IsSuccess)
        {
            Ledger = LedgerView.From(ledger.Value);
        }
        else
        {
            NoLedger = ledger.Error!.Message;
        }

        Findings = [.. (await engagements.FindingsAsync(account, id, ct)).Select(f => FindingView.From(f, engagements.Today))];
        Requests = [.. (await engagements.StoredRequestsAsync(account, id, ct)).Value.Select(r => AuditRequestView.From(r.Value, engagements.Today))];
        Raises = EngagementService.Reviews(account);
        Samples = [.. (await engagements.SamplesAsync(account, id, ct)).Value.Select(SampleView.From)];
        Populations = [.. (await engagements.PopulationsAsync(account, id, ct)).Value.Select(PopulationView.From)];
        if (account.ManagesProgram)
        {
            ReuseOffers = [.. (await engagements.ReuseOffersAsync(account, id, ct)).Value.Select(ReuseOfferView.From)];
        }

        var package = await engagements.LatestPackageAsync(account, id, ct);
        Package = package.IsSuccess ? package.Value.Record : null;
        return true;
    }
}
