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

namespace Trellis.Web.Pages.Readiness;

/// <summary>
/// Readiness of one framework, requirement by requirement, with reasons and what would close each gap. The page is
/// bounded by the framework's requirements, so it is whole; what grows with the program — the controls crediting a
/// requirement and their reasons — is cut to <see cref="ShownPerRequirement"/> per row, with a link to the controls
/// list filtered to that requirement (at 2,000 controls the uncut page was 1.1 MB).
/// </summary>
[Authorize(Policy = Policies.ProgramRead)]
public sealed class ShowModel(ProgramService program) : PageModel
{
    /// <summary>Controls, reasons and suggested controls shown per requirement or point of focus.</summary>
    public const int ShownPerRequirement = 5;

    /// <summary>The first <see cref="ShownPerRequirement"/> of <paramref name="ids"/>, comma-separated, and how many more there are.</summary>
    public static string Few(IReadOnlyCollection<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var shown = string.Join(", ", ids.Take(ShownPerRequirement));
        return ids.Count > ShownPerRequirement ? $"{shown} and {ids.Count - ShownPerRequirement} more" : shown;
    }

    /// <summary>The report.</summary>
    public ReadinessReport? Report { get; private set; }

    /// <summary>Status filter.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>
    /// Credit only controls mapped to this framework: "we run ISO/IEC 27001 — what remains for SOC 2?" is
    /// <c>/readiness/soc2-2017?from=iso27001-2022</c>. Empty credits every mapping.
    /// </summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    /// <summary>The frameworks credit can be limited to.</summary>
    public IReadOnlyList<string> Sources { get; private set; } = [];

    private Dictionary<(string Requirement, string Point), MissingPointOfFocus> _missing = [];

    /// <summary>What would meet a point of focus not yet covered, or null.</summary>
    public MissingPointOfFocus? Missing(string requirement, string point) => _missing.GetValueOrDefault((requirement, point));

    /// <summary>Whether the account may record judgements (compliance managers and admins).</summary>
    public bool CanJudge { get; private set; }

    /// <summary>What went wrong recording a judgement.</summary>
    public string? Message { get; private set; }

    /// <summary>Records a judgement of sufficiency (named controls) or, for a point of focus, of relevance.</summary>
    public async Task<IActionResult> OnPostJudgeAsync(string framework, string requirement, string kind, string? controls, string? rationale, CancellationToken ct)
    {
        var parsed = JudgementKinds.TryParse(kind, out var k);
        var request = new JudgementRequest(framework, requirement, k, (controls ?? "").Replace(' ', ',').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), rationale ?? "", null);
        var saved = parsed ? await program.JudgeAsync(HttpContext.Account(), request, ct) : new Error(ErrorCodes.InvalidJudgement, "choose sufficient or not relevant", "kind");
        if (saved.IsSuccess)
        {
            return Redirect($"/readiness/{Uri.EscapeDataString(framework)}{(From is null ? "" : "?from=" + Uri.EscapeDataString(From))}#req-{requirement}");
        }

        Message = saved.Error!.Message;
        return await OnGetAsync(framework, ct);
    }

    /// <summary>Loads the report.</summary>
    public async Task<IActionResult> OnGetAsync(string framework, CancellationToken ct)
    {
        var account = HttpContext.Account();
        From = string.IsNullOrEmpty(From) ? null : From;
        Sources = [.. (await program.CatalogAsync(ct)).Frameworks.Select(f => f.Id).Where(id => id != framework && account.SeesFramework(id))];
        var report = await program.ReadinessAsync(account, framework, From, ct);
        if (!report.IsSuccess)
        {
            return NotFound();
        }

        Report = report.Value;
        CanJudge = account.ManagesProgram;
        var gaps = await program.GapsAsync(account, framework, From, ct);
        _missing = gaps.IsSuccess
            ? gaps.Value.SelectMany(g => g.MissingPointsOfFocus.Select(m => (g.Requirement.Id, m))).ToDictionary(x => (x.Id, x.m.Id), x => x.m)
            : [];
        return Page();
    }
}
