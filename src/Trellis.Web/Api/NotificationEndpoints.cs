using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Trellis.Application.Operations;
using Trellis.Data;
using Trellis.Web.Auth;

namespace Trellis.Web.Api;

/// <summary><c>/api/v1/notifications</c>: the signed-in person's own in-app list and preferences (any account).</summary>
public static class NotificationEndpoints
{
    /// <summary>Maps the area.</summary>
    public static RouteGroupBuilder MapNotificationEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var g = api.MapGroup("/notifications").WithTags("Notifications").RequireAuthorization(Policies.TokensOwn);
        g.MapGet("/", List).WithName("ListNotifications").WithSummary("Your notifications, newest first (at most 500); ?unread=true for the unread ones only.");
        g.MapPost("/read", MarkRead).WithName("MarkNotificationsRead").WithSummary("Marks your notifications read: {\"ids\": [..]} or {\"all\": true}; audited.");
        g.MapGet("/settings", GetSettings).WithName("GetNotificationSettings").WithSummary("Your preferences: email, kinds (null: all), staleWithinDays.");
        g.MapPut("/settings", PutSettings).WithName("PutNotificationSettings").WithSummary("Replaces your preferences; audited.");
        return api;
    }

    private static async Task<Ok<NotificationListView>> List(HttpContext context, NotificationService notifications, bool? unread, CancellationToken ct)
    {
        var account = context.Account();
        var items = await notifications.ListAsync(account, unread == true, ct);
        var count = await notifications.UnreadCountAsync(account, ct);
        return TypedResults.Ok(new NotificationListView(count, [.. items.Select(NotificationView.From)]));
    }

    private static async Task<Results<Ok<MarkReadView>, ProblemHttpResult>> MarkRead(HttpContext context, NotificationService notifications, MarkReadRequest request, CancellationToken ct)
    {
        var ids = request?.All == true ? null : (IReadOnlyCollection<long>)(request?.Ids ?? []);
        var changed = await notifications.MarkReadAsync(context.Account(), ids, ct);
        return changed.IsSuccess ? TypedResults.Ok(new MarkReadView(changed.Value)) : ApiErrors.Problem(changed.Error!);
    }

    private static async Task<Ok<NotificationSettingsView>> GetSettings(HttpContext context, NotificationService notifications, CancellationToken ct) =>
        TypedResults.Ok(NotificationSettingsView.From(await notifications.PreferencesAsync(context.Account(), ct)));

    private static async Task<Results<Ok<NotificationSettingsView>, ProblemHttpResult>> PutSettings(HttpContext context, NotificationService notifications, NotificationSettingsView request, CancellationToken ct)
    {
        var defaults = NotificationPreferences.Default;
        var saved = await notifications.SavePreferencesAsync(
            context.Account(), new NotificationPreferences(request?.Email ?? defaults.Email, request?.Kinds, request?.StaleWithinDays ?? defaults.StaleWithinDays), ct);
        return saved.IsSuccess ? TypedResults.Ok(NotificationSettingsView.From(saved.Value)) : ApiErrors.Problem(saved.Error!);
    }
}

/// <summary>The list and its unread count.</summary>
/// <param name="Unread">How many are unread.</param>
/// <param name="Items">The notifications, newest first.</param>
public sealed record NotificationListView(int Unread, IReadOnlyList<NotificationView> Items);

/// <summary>One notification.</summary>
/// <param name="Id">ID.</param>
/// <param name="Job">What delivered it: <c>digest</c> or <c>stale-evidence-sweep</c>.</param>
/// <param name="Kind">Kind of line (<c>task-overdue</c>, …).</param>
/// <param name="Subject">The object's ID.</param>
/// <param name="Text">The line.</param>
/// <param name="On">The day that matters, if any.</param>
/// <param name="At">Delivered at.</param>
/// <param name="ReadAt">Read at, or null.</param>
public sealed record NotificationView(long Id, string Job, string Kind, string Subject, string Text, DateOnly? On, DateTimeOffset At, DateTimeOffset? ReadAt)
{
    /// <summary>The view of a stored line.</summary>
    public static NotificationView From(StoredNotification n)
    {
        ArgumentNullException.ThrowIfNull(n);
        return new(n.Id, n.Job, n.Kind, n.Subject, n.Text, n.Day, n.At, n.ReadAt);
    }
}

/// <summary>Which notifications to mark read.</summary>
/// <param name="Ids">These (yours only).</param>
/// <param name="All">True: every unread one.</param>
public sealed record MarkReadRequest(IReadOnlyList<long>? Ids, bool? All);

/// <summary>How many notifications were marked read.</summary>
/// <param name="Changed">The count.</param>
public sealed record MarkReadView(int Changed);

/// <summary>Notification preferences; omitted fields take the defaults (email true, every kind, 14 days).</summary>
/// <param name="Email">Whether digests are also mailed.</param>
/// <param name="Kinds">Kinds wanted; null: all.</param>
/// <param name="StaleWithinDays">Evidence going stale within this many days is listed (1 to 90).</param>
public sealed record NotificationSettingsView(bool? Email, IReadOnlyList<string>? Kinds, int? StaleWithinDays)
{
    /// <summary>The view of preferences.</summary>
    public static NotificationSettingsView From(NotificationPreferences p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Email, p.Kinds, p.StaleWithinDays);
    }
}
