using System.Text.RegularExpressions;
using Trellis.Application.Actors;
using Trellis.Core.Common;
using Trellis.Data;

namespace Trellis.Application.Operations;

/// <summary>One person's notification preferences.</summary>
/// <param name="Email">Whether digests are also mailed (default true; no SMTP server configured means no mail anyway).</param>
/// <param name="Kinds">The kinds of lines wanted; null (default): every kind.</param>
/// <param name="StaleWithinDays">Evidence going stale within this many days is listed (default 14, 1 to 90).</param>
public sealed record NotificationPreferences(bool Email, IReadOnlyList<string>? Kinds, int StaleWithinDays)
{
    /// <summary>The preferences of a person who set none.</summary>
    public static NotificationPreferences Default { get; } = new(true, null, DigestService.StaleSoonDays);

    /// <summary>True when the person wants lines of <paramref name="kind"/>.</summary>
    public bool Wants(string kind) => Kinds is null || Kinds.Contains(kind, StringComparer.Ordinal);
}

/// <summary>
/// The in-app notification list and preferences of the signed-in person (issue 17, item 2): everyone sees and marks
/// only their own lines (the account's e-mail is the person); each change is one write with its audit entry.
/// </summary>
public sealed partial class NotificationService(NotificationStore store, TimeProvider clock)
{
    /// <summary>The longest "going stale within" window: 90 days.</summary>
    public const int MaxStaleWithinDays = 90;

    /// <summary>The most lines a list returns: 500.</summary>
    public const int MaxListed = 500;

    /// <summary>The kinds a person can choose: the digest's own, the stale-evidence sweep's, and those of other areas' digest sources.</summary>
    public static IReadOnlyList<string> BuiltInKinds { get; } =
    [
        DigestService.TaskOverdue, DigestService.ActionOverdue, DigestService.RequestAssigned, DigestService.TaskDue,
        DigestService.EvidenceGoingStale, DigestService.JudgementLapsed, NotificationJobs.EvidenceStale,
    ];

    /// <summary>The account's lines, newest first.</summary>
    public async Task<IReadOnlyList<StoredNotification>> ListAsync(Account account, bool unreadOnly, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        return await store.ListAsync(Person(account), unreadOnly, MaxListed, ct);
    }

    /// <summary>How many of the account's lines are unread (the navigation's count).</summary>
    public Task<int> UnreadCountAsync(Account account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        return store.UnreadCountAsync(Person(account), ct);
    }

    /// <summary>Marks the account's lines read: <paramref name="ids"/>, or every unread one when null. Lines of others are never touched.</summary>
    /// <returns>How many changed.</returns>
    public async Task<Result<int>> MarkReadAsync(Account account, IReadOnlyCollection<long>? ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (ids is { Count: 0 })
        {
            return new Error(ErrorCodes.InvalidField, "name at least one notification to mark read, or mark all", "ids");
        }

        if (ids is { Count: > MaxListed })
        {
            return new Error(ErrorCodes.InvalidField, $"at most {MaxListed} notifications at once", "ids");
        }

        var audit = AuditRecords.Of(clock, account, "notification.read", "notifications/" + Person(account), new { ids = ids?.Order().ToList(), all = ids is null });
        return await store.MarkReadAsync(audit, Person(account), ids, clock.GetUtcNow(), ct);
    }

    /// <summary>The account's preferences (the defaults when never set).</summary>
    public async Task<NotificationPreferences> PreferencesAsync(Account account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var person = Person(account);
        return (await PreferencesOfAsync(store, [person], ct))[person];
    }

    /// <summary>Keeps the account's preferences after checking them: kinds are lower-case words with dashes, the window 1 to 90 days.</summary>
    public async Task<Result<NotificationPreferences>> SavePreferencesAsync(Account account, NotificationPreferences preferences, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(preferences);
        if (preferences.StaleWithinDays is < 1 or > MaxStaleWithinDays)
        {
            return new Error(ErrorCodes.InvalidField, $"staleWithinDays must be between 1 and {MaxStaleWithinDays}, not {preferences.StaleWithinDays}", "staleWithinDays");
        }

        var kinds = preferences.Kinds?.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (kinds?.FirstOrDefault(k => !KindPattern().IsMatch(k)) is { } bad)
        {
            return new Error(ErrorCodes.UnknownKind, $"'{bad}' is not a notification kind (lower-case words with dashes, e.g. {string.Join(", ", BuiltInKinds)})", "kinds");
        }

        var saved = preferences with { Kinds = kinds };
        var person = Person(account);
        var audit = AuditRecords.Of(clock, account, "notification.settings", "notifications/" + person, saved);
        await store.SaveSettingsAsync(audit, new StoredNotificationSettings(person, saved.Email, saved.Kinds, saved.StaleWithinDays), ct);
        return saved;
    }

    /// <summary>The preferences of each person (defaults for those who set none).</summary>
    internal static async Task<IReadOnlyDictionary<string, NotificationPreferences>> PreferencesOfAsync(NotificationStore store, IReadOnlyCollection<string> people, CancellationToken ct)
    {
        var stored = await store.SettingsAsync(people, ct);
        return people.Distinct(StringComparer.Ordinal).ToDictionary(
            p => p,
            p => stored.TryGetValue(p, out var s) ? new NotificationPreferences(s.Email, s.Kinds, s.StaleWithinDays) : NotificationPreferences.Default,
            StringComparer.Ordinal);
    }

    private static string Person(Account account) => account.Email.Trim().ToLowerInvariant();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial Regex KindPattern();
}
