using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Trellis.Application.Actors;
using Trellis.Data.AuditTrail;
using Trellis.Web.Auth;
using Trellis.Web.Storage;

namespace Trellis.Web.Pages.Admin;

/// <summary>
/// Accounts: list, create one (auditors with their engagement's frameworks, window and expiry), change a role,
/// disable and enable.
/// </summary>
[Authorize(Policy = Policies.UsersManage)]
public sealed class AccountsModel(WebDbContext db, AccountService accounts, Application.Engagements.EngagementService engagements) : PageModel
{
    /// <summary>E-mail.</summary>
    [BindProperty]
    public string Email { get; set; } = "";

    /// <summary>Role.</summary>
    [BindProperty]
    public string Role { get; set; } = Roles.Viewer;

    /// <summary>Initial password (at least 12 characters).</summary>
    [BindProperty]
    public string Password { get; set; } = "";

    /// <summary>Auditor: last day the account works.</summary>
    [BindProperty]
    public DateOnly? Expires { get; set; }

    /// <summary>Auditor: frameworks, comma-separated.</summary>
    [BindProperty]
    public string? Engagement { get; set; }

    [BindProperty]
    public string? Frameworks { get; set; }

    /// <summary>Auditor: window start.</summary>
    [BindProperty]
    public DateOnly? WindowFrom { get; set; }

    /// <summary>Auditor: window end.</summary>
    [BindProperty]
    public DateOnly? WindowTo { get; set; }

    /// <summary>The accounts.</summary>
    public IReadOnlyList<TrellisUser> Users { get; private set; } = [];

    public IReadOnlyList<string> EngagementIds { get; private set; } = [];

    /// <summary>Outcome of the last action.</summary>
    public string? Message { get; private set; }

    /// <summary>True when <see cref="Message"/> says why the last action failed (shown as an alert, not a status).</summary>
    public bool Failed { get; private set; }

    /// <summary>Lists.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        Users = [.. (await db.Users.AsNoTracking().ToListAsync(ct)).OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase)];
        EngagementIds = [.. (await engagements.ListAsync(HttpContext.Account(), ct)).Select(e => e.Value.Id)];
    }

    /// <summary>Creates an account.</summary>
    public async Task OnPostAsync(CancellationToken ct)
    {
        var scope = Role == Roles.Auditor
            ? new AuditorScope(string.IsNullOrWhiteSpace(Engagement) ? null : Engagement, (Frameworks ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal), WindowFrom, WindowTo)
            : null;
        DateTimeOffset? expires = Expires is { } d ? new DateTimeOffset(d.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
        var created = await accounts.CreateAsync(new NewAccount(Email, Role, null, expires, scope), Password, HttpContext.Account().Email, ct);
        Message = created.IsSuccess ? $"Created {Email} ({Role})." : created.Error!.Message;
        Failed = !created.IsSuccess;
        await OnGetAsync(ct);
    }

    /// <summary>Gives an account another role; its browser sessions end at once.</summary>
    public async Task OnPostRoleAsync(string id, string newRole, CancellationToken ct) =>
        await AfterAsync(await accounts.ChangeRoleAsync(id, newRole, HttpContext.Account().Email, ct), u => $"{u.Email} is now {u.Role}.", ct);

    /// <summary>Disables an account: its sessions and API tokens stop working at once.</summary>
    public async Task OnPostDisableAsync(string id, CancellationToken ct) =>
        await AfterAsync(await accounts.DisableAsync(id, HttpContext.Account().Email, ct), u => $"Disabled {u.Email}.", ct);

    /// <summary>Enables a disabled account.</summary>
    public async Task OnPostEnableAsync(string id, CancellationToken ct) =>
        await AfterAsync(await accounts.EnableAsync(id, HttpContext.Account().Email, ct), u => $"Enabled {u.Email}.", ct);

    /// <summary>
    /// The last day an expiring account works, as an ISO date: an expiry entered as 2027-03-31 is stored as the
    /// instant it ends (2027-04-01T00:00Z) and shown as 2027-03-31; an instant inside a day shows with its UTC time.
    /// Empty when the account does not expire.
    /// </summary>
    public static string ValidThrough(DateTimeOffset? expiresAt)
    {
        if (expiresAt is not { } at)
        {
            return "";
        }

        var utc = at.ToUniversalTime();
        return utc.TimeOfDay == TimeSpan.Zero
            ? DateOnly.FromDateTime(utc.UtcDateTime).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
    }

    /// <summary>
    /// An auditor's scope: engagement, frameworks and window with ISO dates
    /// ("soc2-type2-window-1; soc2-2017; 2026-05-01 – 2026-10-31"); empty for an account without one.
    /// </summary>
    public static string ScopeText(TrellisUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…";
        var frameworks = string.Join(", ", user.ScopeFrameworks.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var window = user.ScopeFrom is null && user.ScopeTo is null ? "" : $"{D(user.ScopeFrom)} – {D(user.ScopeTo)}";
        return string.Join("; ", new[] { user.EngagementId ?? "", frameworks, window }.Where(x => x.Length > 0));
    }

    /// <summary>True when an admin disabled the account.</summary>
    public static bool IsDisabled(TrellisUser user) => AccountGate.IsDisabled(user);

    private async Task AfterAsync(Core.Common.Result<TrellisUser> changed, Func<TrellisUser, string> done, CancellationToken ct)
    {
        Message = changed.IsSuccess ? done(changed.Value) : changed.Error!.Message;
        Failed = !changed.IsSuccess;
        await OnGetAsync(ct);
    }
}
