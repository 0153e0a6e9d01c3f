using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Trellis.Application.Actors;
using Trellis.Data.AuditTrail;
using Trellis.Web.AuditTrail;
using Trellis.Web.Auth;
using Trellis.Web.Storage;

namespace Trellis.Web.Pages.Admin;

/// <summary>The newest audit trail entries and the chain's verification.</summary>
[Authorize(Policy = Policies.AuditTrailRead)]
public sealed class AuditLogModel(WebDbContext db) : PageModel
{
    /// <summary>The newest 200 entries.</summary>
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    /// <summary>The verification.</summary>
    public AuditVerification? Verification { get; private set; }

    /// <summary>Loads.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        Entries = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Take(200).ToListAsync(ct);
        Verification = await AuditVerifier.VerifyAsync(db, ct);
    }
}
