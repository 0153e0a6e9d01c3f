using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Core.Common;
using Trellis.Data;

namespace Trellis.Application.Search;

/// <summary>Something found: its kind, ID, title, the framework of a requirement, and where it is shown.</summary>
public sealed record SearchResult(string Kind, string Id, string Title, string? Framework, string Link);

/// <summary>The results of one kind (at most <see cref="ProgramSearch.PerKind"/>; <paramref name="More"/> when there were more).</summary>
public sealed record SearchGroup(string Kind, IReadOnlyList<SearchResult> Items, bool More);

/// <summary>
/// Global search: IDs and titles of requirements (every framework of the catalog the account sees), controls, evidence,
/// risks and findings that contain the text (case-insensitive), grouped by kind in that order, with the account's
/// visibility applied — an auditor finds only what their view holds.
/// </summary>
public sealed class ProgramSearch(ProgramService program, EngagementService engagements)
{
    /// <summary>Results kept per kind.</summary>
    public const int PerKind = 25;

    /// <summary>Longest search text.</summary>
    public const int MaxLength = 100;

    /// <summary>The kinds, in the order they are shown.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["requirement", "control", "evidence", "risk", "finding"];

    /// <summary>Searches; an empty text finds nothing, a text over <see cref="MaxLength"/> characters is refused.</summary>
    public async Task<Result<IReadOnlyList<SearchGroup>>> FindAsync(Account account, string? text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var q = text?.Trim() ?? "";
        if (q.Length > MaxLength)
        {
            return new Error(ErrorCodes.InvalidArgument, $"search text must be at most {MaxLength} characters", "q");
        }

        if (q.Length == 0)
        {
            return Result<IReadOnlyList<SearchGroup>>.Ok([]);
        }

        var found = new List<SearchResult>();
        var catalog = await program.CatalogAsync(ct);
        foreach (var framework in catalog.Frameworks.Where(f => account.SeesFramework(f.Id)))
        {
            found.AddRange(framework.AllRequirements.Where(r => Has(r.Id, r.Title, q))
                .Select(r => new SearchResult("requirement", r.Id, r.Title, framework.Id, $"/frameworks/{Uri.EscapeDataString(framework.Id)}#req-{Uri.EscapeDataString(r.Id)}")));
        }

        found.AddRange((await ProgramHitsAsync(account, q, ct)).Select(h => new SearchResult(h.Kind, h.Id, h.Title, null, LinkOf(h))));
        found.AddRange((await engagements.FindingsAsync(account, null, ct)).Where(f => Has(f.Id, f.Title, q)).OrderBy(f => f.Id, StringComparer.Ordinal)
            .Select(f => new SearchResult("finding", f.Id, f.Title, null, f.EngagementId is { } e ? $"/engagements/{Uri.EscapeDataString(e)}#finding-{Uri.EscapeDataString(f.Id)}" : $"/api/v1/findings/{Uri.EscapeDataString(f.Id)}")));
        return Result<IReadOnlyList<SearchGroup>>.Ok(
        [
            .. Kinds.Select(k => found.Where(r => r.Kind == k).ToList()).Where(g => g.Count > 0)
                .Select(g => new SearchGroup(g[0].Kind, [.. g.Take(PerKind)], g.Count > PerKind)),
        ]);
    }

    // Staff: the database finds them. An auditor: their view, in memory (the window rule has no SQL form here).
    private async Task<IReadOnlyList<SearchHit>> ProgramHitsAsync(Account account, string q, CancellationToken ct)
    {
        if (account.Scope is null)
        {
            return await program.SearchProgramAsync(q, PerKind + 1, ct);
        }

        var view = (await program.ViewAsync(account, ct)).Program;
        return
        [
            .. view.Controls.Where(c => Has(c.Id, c.Title, q)).OrderBy(c => c.Id, StringComparer.Ordinal).Take(PerKind + 1).Select(c => new SearchHit("control", c.Id, c.Title)),
            .. view.Evidence.Where(e => Has(e.Id, e.Title, q)).OrderBy(e => e.Id, StringComparer.Ordinal).Take(PerKind + 1).Select(e => new SearchHit("evidence", e.Id, e.Title)),
            .. view.Risks.Where(r => Has(r.Id, r.Title, q)).OrderBy(r => r.Id, StringComparer.Ordinal).Take(PerKind + 1).Select(r => new SearchHit("risk", r.Id, r.Title)),
        ];
    }

    private static string LinkOf(SearchHit hit) => hit.Kind switch
    {
        "control" => $"/controls/{Uri.EscapeDataString(hit.Id)}",
        "evidence" => $"/evidence?q={Uri.EscapeDataString(hit.Id)}",
        _ => $"/risks?q={Uri.EscapeDataString(hit.Id)}",
    };

    private static bool Has(string id, string title, string q) =>
        id.Contains(q, StringComparison.OrdinalIgnoreCase) || title.Contains(q, StringComparison.OrdinalIgnoreCase);
}
