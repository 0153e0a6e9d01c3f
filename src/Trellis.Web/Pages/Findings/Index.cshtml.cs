using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Engagements;
using Trellis.Core.Common;
using Trellis.Web.Api;
using Trellis.Web.Auth;
using Trellis.Web.Pages.Shared;

namespace Trellis.Web.Pages.Findings;

/// <summary>
/// <c>/findings</c>: ISO nonconformities and SOC 2 exceptions the account sees, filtered by engagement and status, with
/// overdue corrective actions said in words; admins and compliance managers raise new ones here.
/// </summary>
[Authorize(Policy = Policies.ProgramRead)]
public sealed class IndexModel(EngagementService engagements) : PageModel
{
    /// <summary>Only findings of this engagement.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Engagement { get; set; }

    /// <summary>Only findings in this status (wire name).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>The finding to raise.</summary>
    [BindProperty]
    public RaiseInput Raise { get; set; } = new();

    /// <summary>The findings shown.</summary>
    public IReadOnlyList<FindingView> Findings { get; private set; } = [];

    /// <summary>
    /// The paging (<c>?page</c>, <c>?pageSize</c>) and the number of findings matching on all pages. Findings are
    /// documents of the engagements, not program rows: they are filtered and cut in memory.
    /// </summary>
    public ListRequest List { get; private set; } = null!;

    private HashSet<string> _ids = [];

    /// <summary>The engagements the account sees (for the filter and the raise form).</summary>
    public IReadOnlyList<string> EngagementIds { get; private set; } = [];

    /// <summary>True when the account may raise findings.</summary>
    public bool CanEdit { get; private set; }

    /// <summary>Why raising failed.</summary>
    public string? Message { get; private set; }

    /// <summary>Lists.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Raise.Id = NextId();
    }

    /// <summary>Raises a finding (open) and shows it.</summary>
    public async Task<IActionResult> OnPostRaiseAsync(CancellationToken ct)
    {
        var request = new FindingRequest(
            Raise.Id?.Trim() ?? "", Raise.Kind ?? "", Raise.Title?.Trim() ?? "", string.IsNullOrWhiteSpace(Raise.Engagement) ? null : Raise.Engagement,
            Raise.Description, Raise.RaisedOn, Split(Raise.Controls), Split(Raise.Requirements));
        var saved = await engagements.RaiseFindingAsync(HttpContext.Account(), request, ct);
        if (!saved.IsSuccess)
        {
            if (saved.Error!.Code == ErrorCodes.Forbidden)
            {
                return Forbid();
            }

            Message = saved.Error.Message;
            await LoadAsync(ct);
            return Page();
        }

        return Redirect($"/findings/{Uri.EscapeDataString(saved.Value.Value.Id)}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var account = HttpContext.Account();
        CanEdit = account.ManagesProgram;
        EngagementIds = [.. (await engagements.ListAsync(account, ct)).Select(e => e.Value.Id)];
        var all = await engagements.FindingsAsync(account, string.IsNullOrEmpty(Engagement) ? null : Engagement, ct);
        _ids = [.. all.Select(f => f.Id)];
        var matching = all.Select(f => FindingView.From(f, engagements.Today)).Where(f => string.IsNullOrEmpty(Status) || f.Status == Status).ToList();
        List = ListRequest.From(Request);
        List.Total = matching.Count;
        Findings = [.. matching.Skip(List.Window.Skip).Take(List.Window.PageSize)];
    }

    private string NextId()
    {
        var prefix = $"F-{engagements.Today.Year.ToString(CultureInfo.InvariantCulture)}-";
        var n = _ids.Count(id => id.StartsWith(prefix, StringComparison.Ordinal)) + 1;
        while (_ids.Contains(prefix + n.ToString("00", CultureInfo.InvariantCulture)))
        {
            n++;
        }

        return prefix + n.ToString("00", CultureInfo.InvariantCulture);
    }

    private static List<string> Split(string? text) =>
        [.. (text ?? "").Split([',', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];

    /// <summary>The raise form.</summary>
    public sealed class RaiseInput
    {
        /// <summary>Finding ID.</summary>
        public string? Id { get; set; }

        /// <summary>Kind (wire name).</summary>
        public string? Kind { get; set; }

        /// <summary>Engagement that raised it (empty: internal).</summary>
        public string? Engagement { get; set; }

        /// <summary>One-line statement.</summary>
        public string? Title { get; set; }

        /// <summary>The evidence of the finding.</summary>
        public string? Description { get; set; }

        /// <summary>When raised (today when empty).</summary>
        public DateOnly? RaisedOn { get; set; }

        /// <summary>Controls concerned, comma-separated.</summary>
        public string? Controls { get; set; }

        /// <summary>Requirements concerned as framework:id, comma-separated.</summary>
        public string? Requirements { get; set; }
    }
}
