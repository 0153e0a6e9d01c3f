using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trellis.Application.Operations;
using Trellis.Data;
using Trellis.Web.Auth;

namespace Trellis.Web.Pages.Notifications;

/// <summary>Your notifications (each account sees only its own): mark one or all read, and your preferences.</summary>
[Authorize(Policy = Policies.TokensOwn)]
public sealed class IndexModel(NotificationService notifications) : PageModel
{
    /// <summary>The list, newest first.</summary>
    public IReadOnlyList<StoredNotification> Items { get; private set; } = [];

    /// <summary>Unread count.</summary>
    public int Unread { get; private set; }

    /// <summary>Your preferences.</summary>
    public NotificationPreferences Preferences { get; private set; } = NotificationPreferences.Default;

    /// <summary>Why the last change was refused.</summary>
    public string? Message { get; private set; }

    /// <summary>Mail digests (settings form).</summary>
    [BindProperty]
    public bool Email { get; set; }

    /// <summary>Kinds ticked (settings form); none ticked with <see cref="AllKinds"/> false keeps nothing.</summary>
    [BindProperty]
    public List<string> Kinds { get; set; } = [];

    /// <summary>Every kind (settings form).</summary>
    [BindProperty]
    public bool AllKinds { get; set; }

    /// <summary>"Going stale within" days (settings form).</summary>
    [BindProperty]
    public int StaleWithinDays { get; set; }

    /// <summary>Shows the list and the preferences.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        var account = HttpContext.Account();
        Items = await notifications.ListAsync(account, false, ct);
        Unread = Items.Count(i => i.ReadAt is null);
        Preferences = await notifications.PreferencesAsync(account, ct);
    }

    /// <summary>Marks one notification read.</summary>
    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken ct)
    {
        await notifications.MarkReadAsync(HttpContext.Account(), [id], ct);
        return RedirectToPage();
    }

    /// <summary>Marks every notification read.</summary>
    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await notifications.MarkReadAsync(HttpContext.Account(), null, ct);
        return RedirectToPage();
    }

    /// <summary>Saves the preferences.</summary>
    public async Task<IActionResult> OnPostSettingsAsync(CancellationToken ct)
    {
        var saved = await notifications.SavePreferencesAsync(HttpContext.Account(), new NotificationPreferences(Email, AllKinds ? null : Kinds, StaleWithinDays), ct);
        if (saved.IsSuccess)
        {
            return RedirectToPage();
        }

        Message = saved.Error!.Message;
        await OnGetAsync(ct);
        return Page();
    }
}
