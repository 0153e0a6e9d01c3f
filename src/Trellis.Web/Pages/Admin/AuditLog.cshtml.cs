using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Trellis.Application.Actors;
using Trellis.Data.AuditTrail;
using Trellis.Web.AuditTrail;
using Trellis.Web.Auth;
using Trellis.Web.Pages.Shared;
using Trellis.Web.Storage;

namespace Trellis.Web.Pages.Admin;

/// <summary>
/// The audit trail, newest first, one page at a time (counted and cut by the database, like
/// <c>GET /api/v1/audit-log</c>), and the chain's verification.
/// </summary>
[Authorize(Policy = Policies.AuditTrailRead)]
public sealed class AuditLogModel(WebDbContext db) : PageModel
{
    /// <summary>The entries of this page.</summary>
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    /// <summary>The paging (<c>?page</c>, <c>?pageSize</c>).</summary>
    public ListRequest List { get; private set; } = null!;

    /// <summary>The verification.</summary>
    public AuditVerification? Verification { get; private set; }

    /// <summary>Loads one page.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        List = ListRequest.From(Request);
        List.Total = await db.AuditEntries.CountAsync(ct);
        Entries = List.Window.Skip >= List.Total ? []
            : await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Skip(List.Window.Skip).Take(List.Window.PageSize).ToListAsync(ct);
        Verification = await AuditVerifier.VerifyAsync(db, ct);
    }
}
