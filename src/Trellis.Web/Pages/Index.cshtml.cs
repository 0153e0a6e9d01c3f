using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Application.Exports;
using Trellis.Web.Api;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages;

/// <summary>The dashboard: readiness per framework as bars, with the counts.</summary>
[Authorize(Policy = Policies.ProgramRead)]
public sealed class IndexModel(ProgramService program) : PageModel
{
    /// <summary>One summary per framework the account sees.</summary>
    public IReadOnlyList<ReadinessSummaryView> Readiness { get; private set; } = [];

    /// <summary>Organization name.</summary>
    public string Organization { get; private set; } = "";

    /// <summary>SoA rows with drift.</summary>
    public int Drift { get; private set; }

    /// <summary>Judgements of sufficiency that no longer hold (rule 8).</summary>
    public int LapsedJudgements { get; private set; }

    /// <summary>Builds the dashboard.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        Readiness = await ReadinessEndpoints.SummariesFor(HttpContext, program, ct);
        Organization = (await program.LoadAsync(ct)).Organization;
        var soa = await program.SoaAsync(HttpContext.Account(), ct);
        Drift = soa.IsSuccess ? soa.Value.Count(r => r.Drift.Count > 0) : 0;
        LapsedJudgements = (await program.JudgementsAsync(HttpContext.Account(), ct)).Count(j => !j.Active);
    }
}
