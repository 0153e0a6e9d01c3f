using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Core.Risks;
using Trellis.Data;
using Trellis.Web.Api;
using Trellis.Web.Auth;
using Trellis.Web.Pages.Shared;

namespace Trellis.Web.Pages.Risks;

/// <summary>
/// The risk register, one page at a time, with the likelihood × impact heat map of residual risk (ISO/IEC 27001:2022
/// 6.1.2): each cell coloured by its level, named in text, with the number of risks there linking to them.
/// </summary>
[Authorize(Policy = Policies.ProgramRead)]
public sealed class IndexModel(ProgramService program) : PageModel
{
    private IReadOnlyDictionary<(int, int), int> _cells = new Dictionary<(int, int), int>();

    /// <summary>The page's risks.</summary>
    public IReadOnlyList<Risk> Risks { get; private set; } = [];

    /// <summary>The matrix.</summary>
    public RiskMatrix Matrix { get; private set; } = RiskMatrix.Default;

    /// <summary>The list parameters and paging.</summary>
    public ListRequest List { get; private set; } = null!;

    /// <summary>True when the account may edit the register.</summary>
    public bool CanEdit { get; private set; }

    /// <summary>Risks of the whole register (as the account sees it) rated in a residual cell.</summary>
    public int At(int likelihood, int impact) => _cells.GetValueOrDefault((likelihood, impact));

    /// <summary>Loads the heat map and one page of the register.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        var account = HttpContext.Account();
        CanEdit = account.ManagesProgram;
        Matrix = await program.RiskMatrixAsync(ct);
        _cells = (await program.RiskCellsAsync(account, ct)).ToDictionary(c => (c.Likelihood, c.Impact), c => c.Count);
        List = ListRequest.From(Request);
        var query = RiskEndpoints.RiskQueryOf(List["q"], List["owner"], List["treatment"], Number(List["likelihood"]), Number(List["impact"]), List["sort"], List["order"]);
        if (!query.IsSuccess)
        {
            List.Problem = query.Error;
            return;
        }

        var page = await program.ListRisksAsync(account, query.Value, List.Window, ct);
        (Risks, List.Total) = (page.Items, page.Total);
    }

    private static int? Number(string? text) => int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
