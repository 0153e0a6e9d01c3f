using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Actors;
using Trellis.Application.Catalogs;
using Trellis.Core.Advice;
using Trellis.Core.Frameworks;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.Compare;

/// <summary>Two frameworks side by side: their metadata (the guide's key differences) and what each costs on top of the other.</summary>
[Authorize(Policy = Policies.InternalRead)]
public sealed class IndexModel(Application.Compliance.ProgramService program) : PageModel
{
    /// <summary>Left framework ID.</summary>
    [BindProperty(SupportsGet = true)]
    public string Left { get; set; } = FrameworkIds.Iso27001v2022;

    /// <summary>Right framework ID.</summary>
    [BindProperty(SupportsGet = true)]
    public string Right { get; set; } = FrameworkIds.Soc2v2017;

    /// <summary>The frameworks to choose from.</summary>
    public IReadOnlyList<Framework> Frameworks => FrameworkLibrary.ShippedEngine.Catalog.Frameworks;

    /// <summary>The left framework, when known.</summary>
    public Framework? LeftFramework { get; private set; }

    /// <summary>The right framework, when known.</summary>
    public Framework? RightFramework { get; private set; }

    /// <summary>One row per dimension.</summary>
    public IReadOnlyList<ComparisonRow> Rows { get; private set; } = [];

    /// <summary>The right framework after all of the left one.</summary>
    public FrameworkOverlap? RightAfterLeft { get; private set; }

    /// <summary>The left framework after all of the right one.</summary>
    public FrameworkOverlap? LeftAfterRight { get; private set; }

    /// <summary>
    /// The program's own answer to the same questions (readiness credited only from the other framework, same engine),
    /// when the program has controls: what the overlap above becomes with the controls actually in place.
    /// </summary>
    public IReadOnlyList<(string From, string To, IReadOnlyDictionary<Core.Readiness.ReadinessStatus, int> Summary)> Program { get; private set; } = [];

    /// <summary>Why the comparison could not be made.</summary>
    public string? Message { get; private set; }

    /// <summary>Compares.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        var left = FrameworkLibrary.ShippedEngine.Catalog.Framework(Left);
        var right = FrameworkLibrary.ShippedEngine.Catalog.Framework(Right);
        if (!left.IsSuccess || !right.IsSuccess)
        {
            Message = (left.Error ?? right.Error)!.Message;
            return;
        }

        (LeftFramework, RightFramework) = (left.Value, right.Value);
        Rows = FrameworkComparison.Compare(left.Value, right.Value);
        var forward = FrameworkOverlap.Compute(FrameworkLibrary.ShippedEngine, Left, Right);
        var backward = FrameworkOverlap.Compute(FrameworkLibrary.ShippedEngine, Right, Left);
        RightAfterLeft = forward.IsSuccess ? forward.Value : null;
        LeftAfterRight = backward.IsSuccess ? backward.Value : null;
        if ((await program.LoadAsync(ct)).Controls.Count > 0)
        {
            var account = HttpContext.Account();
            var mine = new List<(string, string, IReadOnlyDictionary<Core.Readiness.ReadinessStatus, int>)>();
            foreach (var (from, to) in new[] { (Left, Right), (Right, Left) })
            {
                var report = await program.ReadinessAsync(account, to, from, ct);
                if (report.IsSuccess)
                {
                    mine.Add((from, to, report.Value.Summary));
                }
            }

            Program = mine;
        }
    }
}
