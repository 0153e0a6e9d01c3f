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
/// Accounts: list, invite by a one-time link or create with a password (auditors with their engagement's frameworks,
/// window and expiry), change a role, an expiry and an auditor's scope, disable and enable, end every session and API
/// token of an account, and make a new invitation link.
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

    /// <summary>Auditor: the engagement on record.</summary>
    [BindProperty]
    public string? Engagement { get; set; }

    /// <summary>Auditor: frameworks, comma-separated.</summary>
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

    /// <summary>The engagements on record, for an auditor's scope.</summary>
    public IReadOnlyList<string> EngagementIds { get; private set; } = [];

    /// <summary>The invitation link just made (absolute), shown once.</summary>
    public string? InvitationLink { get; private set; }

    /// <summary>Whom <see cref="InvitationLink"/> is for.</summary>
    public string? InvitationEmail { get; private set; }

    /// <summary>When <see cref="InvitationLink"/> expires (ISO date and UTC time).</summary>
    public string? InvitationExpires { get; private set; }

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

    /// <summary>Creates an account with the password given.</summary>
    public async Task OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrEmpty(Password))
        {
            await AfterAsync(new Core.Common.Error(Core.Common.ErrorCodes.InvalidAccount, "enter a password of at least 12 characters, or invite by link"), _ => "", ct);
            return;
        }

        var created = await accounts.CreateAsync(Spec(), Password, HttpContext.Account().Email, ct);
        await AfterAsync(created, u => $"Created {u.Email} ({u.Role}).", ct);
    }

    /// <summary>Creates an account without a password and shows its invitation link once.</summary>
    public async Task OnPostInviteAsync(CancellationToken ct) =>
        await ShowAsync(await accounts.InviteAsync(Spec(), HttpContext.Account().Email, ct), invitation => $"Invited {invitation.Email} ({Role}).", ct);

    /// <summary>A new invitation link for an account without a password; the earlier ones stop working.</summary>
    public async Task OnPostReinviteAsync(string id, CancellationToken ct) =>
        await ShowAsync(await accounts.ReinviteAsync(id, HttpContext.Account().Email, ct), invitation => $"New invitation link for {invitation.Email}; earlier links no longer work.", ct);

    /// <summary>Changes when an account stops working (the last valid day; empty: never).</summary>
    public async Task OnPostExpiryAsync(string id, DateOnly? lastDay, CancellationToken ct) =>
        await AfterAsync(
            await accounts.ChangeExpiryAsync(id, EndOf(lastDay), HttpContext.Account().Email, ct),
            u => u.ExpiresAt is null ? $"{u.Email} no longer expires." : $"{u.Email} is valid through {ValidThrough(u.ExpiresAt)}.",
            ct);

    /// <summary>Changes an auditor's engagement, frameworks and window.</summary>
    public async Task OnPostScopeAsync(string id, string? engagement, string? frameworks, DateOnly? windowFrom, DateOnly? windowTo, CancellationToken ct) =>
        await AfterAsync(
            await accounts.ChangeScopeAsync(id, ScopeOf(engagement, frameworks, windowFrom, windowTo), HttpContext.Account().Email, ct),
            u => $"{u.Email} now sees {ScopeText(u)}.",
            ct);

    /// <summary>Ends every browser session and API token of an account at once.</summary>
    public async Task OnPostRevokeAsync(string id, CancellationToken ct) =>
        await AfterAsync(await accounts.RevokeAccessAsync(id, HttpContext.Account().Email, ct), u => $"Ended every session and API token of {u.Email}.", ct);

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

    /// <summary>What the account's status column says: disabled, invited (no password chosen yet) or enabled.</summary>
    public static string StatusText(TrellisUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return AccountGate.IsDisabled(user) ? "disabled" : user.PasswordHash is null ? "invited (no password yet)" : "enabled";
    }

    /// <summary>The last valid day as the value of a date input (yyyy-MM-dd), empty when the account does not expire.</summary>
    public static string LastDayValue(DateTimeOffset? expiresAt)
    {
        var shown = ValidThrough(expiresAt);
        return shown.Length >= 10 ? shown[..10] : shown;
    }

    /// <summary>True when an admin disabled the account.</summary>
    public static bool IsDisabled(TrellisUser user) => AccountGate.IsDisabled(user);

    private async Task AfterAsync(Core.Common.Result<TrellisUser> changed, Func<TrellisUser, string> done, CancellationToken ct)
    {
        Message = changed.IsSuccess ? done(changed.Value) : changed.Error!.Message;
        Failed = !changed.IsSuccess;
        await OnGetAsync(ct);
    }

    private async Task ShowAsync(Core.Common.Result<Invitation> made, Func<Invitation, string> done, CancellationToken ct)
    {
        await OnGetAsync(ct);
        Failed = !made.IsSuccess;
        Message = made.IsSuccess ? done(made.Value) : made.Error!.Message;
        if (made.IsSuccess)
        {
            InvitationLink = $"{Request.Scheme}://{Request.Host}{made.Value.Link}";
            InvitationEmail = made.Value.Email;
            InvitationExpires = made.Value.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        }
    }

    private NewAccount Spec() => new(Email, Role, null, EndOf(Expires), Role == Roles.Auditor ? ScopeOf(Engagement, Frameworks, WindowFrom, WindowTo) : null);

    // An account works through its whole last day (UTC).
    private static DateTimeOffset? EndOf(DateOnly? lastDay) => lastDay is { } d ? new DateTimeOffset(d.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    private static AuditorScope ScopeOf(string? engagement, string? frameworks, DateOnly? from, DateOnly? to) => new(
        string.IsNullOrWhiteSpace(engagement) ? null : engagement.Trim(),
        (frameworks ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal),
        from,
        to);
}
