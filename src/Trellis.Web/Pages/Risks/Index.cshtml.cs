using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Application.Exports;
using Trellis.Core.Risks;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.Risks;

/// <summary>The risk register with the likelihood × impact matrix of residual risk (ISO/IEC 27001:2022 6.1.2).</summary>
[Authorize(Policy = Policies.ProgramRead)]
public sealed class IndexModel(ProgramService program) : PageModel
{
    /// <summary>The risks.</summary>
    public IReadOnlyList<Risk> Risks { get; private set; } = [];

    /// <summary>The matrix.</summary>
    public RiskMatrix Matrix { get; private set; } = RiskMatrix.Default;

    /// <summary>True when the account may edit the register.</summary>
    public bool CanEdit { get; private set; }

    /// <summary>Residual risks in a cell.</summary>
    public IEnumerable<Risk> At(int likelihood, int impact) => Risks.Where(r => r.ResidualLikelihood == likelihood && r.ResidualImpact == impact);

    /// <summary>Loads the register.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        var p = await program.LoadAsync(ct);
        (Risks, Matrix) = (await program.RisksAsync(HttpContext.Account(), ct), p.RiskMatrix);
        CanEdit = HttpContext.Account().ManagesProgram;
    }
}
