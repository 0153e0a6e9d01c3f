using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Trellis.Data.AuditTrail;
using Trellis.Data.Rows;

namespace Trellis.Data;

/// <summary>One line of a notification: what, about which object, the day that matters, and its once-only key.</summary>
/// <param name="Kind">Digest kind (<c>task-overdue</c>, …).</param>
/// <param name="Subject">The object's ID.</param>
/// <param name="Text">One line in words.</param>
/// <param name="Day">The day that matters, if any.</param>
/// <param name="Key">Unique per person: a line with a key already in the person's list is never written again.</param>
public sealed record NotificationLine(string Kind, string Subject, string Text, DateOnly? Day, string Key);

/// <summary>What one person gets from one run (fixed when the run is planned).</summary>
/// <param name="Person">E-mail, lower case.</param>
/// <param name="Subject">Mail subject.</param>
/// <param name="Lines">The lines.</param>
/// <param name="MessageId">The mail's Message-Id, the same for every attempt.</param>
/// <param name="Mail">False: no mail for this person (turned off, or no SMTP server).</param>
public sealed record PlannedDelivery(string Person, string Subject, IReadOnlyList<NotificationLine> Lines, string MessageId, bool Mail);

/// <summary>A delivery claimed by this instance.</summary>
/// <param name="Planned">What was planned.</param>
/// <param name="MailState"><c>pending</c>, <c>sending</c>, <c>sent</c> or <c>off</c>.</param>
/// <param name="InApp">True when the lines are already in the person's list.</param>
/// <param name="MailAttempts">How many attempts the SMTP server or the network refused so far.</param>
public sealed record ClaimedDelivery(PlannedDelivery Planned, string MailState, bool InApp, int MailAttempts);

/// <summary>What pruning removed.</summary>
/// <param name="Notifications">In-app lines older than the cut-off.</param>
/// <param name="Runs">Completed runs (with their deliveries) of slots older than the cut-off.</param>
public sealed record PruneCounts(int Notifications, int Runs);

/// <summary>The outcome of claiming a run.</summary>
public enum RunClaim
{
    /// <summary>This instance holds the run's lease now.</summary>
    Claimed,

    /// <summary>The run was completed (here or elsewhere).</summary>
    Completed,

    /// <summary>Another instance holds an unexpired lease.</summary>
    Busy,
}

/// <summary>A line in a person's in-app list.</summary>
/// <param name="Id">ID.</param>
/// <param name="Job">The job that delivered it.</param>
/// <param name="Kind">Digest kind.</param>
/// <param name="Subject">The object's ID.</param>
/// <param name="Text">One line in words.</param>
/// <param name="Day">The day that matters.</param>
/// <param name="At">Delivered at.</param>
/// <param name="ReadAt">Read at, or null.</param>
public sealed record StoredNotification(long Id, string Job, string Kind, string Subject, string Text, DateOnly? Day, DateTimeOffset At, DateTimeOffset? ReadAt);

/// <summary>One person's stored notification preferences.</summary>
/// <param name="Person">E-mail, lower case.</param>
/// <param name="Email">Whether digests are mailed.</param>
/// <param name="Kinds">Kinds wanted; null: all.</param>
/// <param name="StaleWithinDays">Evidence going stale within this many days is listed.</param>
public sealed record StoredNotificationSettings(string Person, bool Email, IReadOnlyList<string>? Kinds, int StaleWithinDays);

/// <summary>
/// Notifications (issue 17, items 2 and 3): job runs claimed per slot with a lease, the per-person outbox, the in-app
/// lists and the preferences. Every claim is one conditional statement (insert-if-absent, or update-if-expired), so two
/// instances on one database never both hold a run or a delivery while a lease runs; a crashed holder's lease expires
/// and another instance carries on with the deliveries not yet done.
/// </summary>
/// <param name="database">The database (migrated).</param>
public sealed class NotificationStore(TrellisDatabase database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Claims (job, slot): inserts the run, or takes it over when its lease expired (or is this holder's).</summary>
    public async Task<RunClaim> ClaimRunAsync(string job, DateTimeOffset slot, string holder, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default)
    {
        var s = slot.ToUnixTimeMilliseconds();
        var n = now.ToUnixTimeMilliseconds();
        var until = (now + lease).ToUnixTimeMilliseconds();
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO notification_job_runs (job, slot, holder, lease_until) VALUES ({job}, {s}, {holder}, {until}) ON CONFLICT DO NOTHING", ct).ConfigureAwait(false);
            if (inserted == 1)
            {
                return RunClaim.Claimed;
            }

            var taken = await db.Set<NotificationJobRunRow>()
                .Where(r => r.Job == job && r.Slot == s && r.CompletedAt == null && (r.LeaseUntil <= n || r.Holder == holder))
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Holder, holder).SetProperty(r => r.LeaseUntil, until), ct).ConfigureAwait(false);
            if (taken == 1)
            {
                return RunClaim.Claimed;
            }

            var completed = await db.Set<NotificationJobRunRow>().AsNoTracking()
                .AnyAsync(r => r.Job == job && r.Slot == s && r.CompletedAt != null, ct).ConfigureAwait(false);
            return completed ? RunClaim.Completed : RunClaim.Busy;
        }
    }

    /// <summary>True when the run of (job, slot) was completed.</summary>
    public async Task<bool> IsCompletedAsync(string job, DateTimeOffset slot, CancellationToken ct = default)
    {
        var s = slot.ToUnixTimeMilliseconds();
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            return await db.Set<NotificationJobRunRow>().AsNoTracking().AnyAsync(r => r.Job == job && r.Slot == s && r.CompletedAt != null, ct).ConfigureAwait(false);
        }
    }

    /// <summary>True when the run's outbox was filled.</summary>
    public async Task<bool> IsPlannedAsync(string job, DateTimeOffset slot, CancellationToken ct = default)
    {
        var s = slot.ToUnixTimeMilliseconds();
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            return await db.Set<NotificationJobRunRow>().AsNoTracking().AnyAsync(r => r.Job == job && r.Slot == s && r.PlannedAt != null, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Fills the run's outbox with the deliveries not in it yet (a takeover after a crash while planning adds only the
    /// missing people) and marks the run planned, in one transaction, while <paramref name="holder"/> holds it.
    /// </summary>
    /// <returns>False when the lease was lost (nothing written).</returns>
    public async Task<bool> PlanRunAsync(string job, DateTimeOffset slot, string holder, IReadOnlyList<PlannedDelivery> deliveries, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        var s = slot.ToUnixTimeMilliseconds();
        var n = now.ToUnixTimeMilliseconds();
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginWriteAsync(db, ct).ConfigureAwait(false);
            var held = await db.Set<NotificationJobRunRow>()
                .Where(r => r.Job == job && r.Slot == s && r.Holder == holder && r.LeaseUntil > n)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.PlannedAt, n), ct).ConfigureAwait(false);
            if (held != 1)
            {
                return false;
            }

            var existing = (await db.Set<NotificationDeliveryRow>().AsNoTracking().Where(d => d.Job == job && d.Slot == s)
                .Select(d => d.Person).ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
            foreach (var d in deliveries.Where(d => !existing.Contains(d.Person)))
            {
                db.Add(new NotificationDeliveryRow
                {
                    Job = job,
                    Slot = s,
                    Person = d.Person,
                    Subject = d.Subject,
                    Lines = JsonSerializer.Serialize(d.Lines, Json),
                    MessageId = d.MessageId,
                    MailState = d.Mail ? "pending" : "off",
                });
            }

            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return true;
        }
    }

    /// <summary>The people of the run whose delivery is not done, in order.</summary>
    public async Task<IReadOnlyList<string>> PendingPeopleAsync(string job, DateTimeOffset slot, CancellationToken ct = default)
    {
        var s = slot.ToUnixTimeMilliseconds();
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var people = await db.Set<NotificationDeliveryRow>().AsNoTracking().Where(d => d.Job == job && d.Slot == s && d.DoneAt == null)
                .Select(d => d.Person).ToListAsync(ct).ConfigureAwait(false);
            return [.. people.Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>Claims one person's delivery (free, expired, or already this holder's); null when another instance holds it or it is done.</summary>
    public async Task<ClaimedDelivery?> ClaimDeliveryAsync(string job, DateTimeOffset slot, string person, string holder, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default)
    {
        var s = slot.ToUnixTimeMilliseconds();
        var n = now.ToUnixTimeMilliseconds();
        var until = (now + lease).ToUnixTimeMilliseconds();
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var taken = await db.Set<NotificationDeliveryRow>()
                .Where(d => d.Job == job && d.Slot == s && d.Person == person && d.DoneAt == null && (d.Holder == null || d.LeaseUntil <= n || d.Holder == holder))
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.Holder, holder).SetProperty(d => d.LeaseUntil, until), ct).ConfigureAwait(false);
            if (taken != 1)
            {
                return null;
            }

            var row = await db.Set<NotificationDeliveryRow>().AsNoTracking().SingleAsync(d => d.Job == job && d.Slot == s && d.Person == person, ct).ConfigureAwait(false);
            var lines = JsonSerializer.Deserialize<List<NotificationLine>>(row.Lines, Json) ?? [];
            return new ClaimedDelivery(new PlannedDelivery(row.Person, row.Subject, lines, row.MessageId, row.MailState != "off"), row.MailState, row.InAppAt is not null, row.MailAttempts);
        }
    }

    /// <summary>
    /// Writes the delivery's lines into the person's in-app list (lines whose key the list already has are skipped)
    /// and marks the delivery written, in one transaction, while <paramref name="holder"/> holds it.
    /// </summary>
    /// <returns>False when the lease was lost or the lines were already written (nothing written).</returns>
    public async Task<bool> WriteInAppAsync(string job, DateTimeOffset slot, PlannedDelivery delivery, string holder, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var s = slot.ToUnixTimeMilliseconds();
        var n = now.ToUnixTimeMilliseconds();
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginWriteAsync(db, ct).ConfigureAwait(false);
            var held = await db.Set<NotificationDeliveryRow>()
                .Where(d => d.Job == job && d.Slot == s && d.Person == delivery.Person && d.Holder == holder && d.LeaseUntil > n && d.InAppAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.InAppAt, n), ct).ConfigureAwait(false);
            if (held != 1)
            {
                return false;
            }

            var keys = delivery.Lines.Select(l => l.Key).ToList();
            var known = (await db.Set<NotificationRow>().AsNoTracking().Where(r => r.Person == delivery.Person && keys.Contains(r.DedupeKey))
                .Select(r => r.DedupeKey).ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
            foreach (var line in delivery.Lines.Where(l => known.Add(l.Key)))
            {
                db.Add(new NotificationRow
                {
                    Person = delivery.Person,
                    DedupeKey = line.Key,
                    Job = job,
                    Kind = line.Kind,
                    Subject = line.Subject,
                    Text = line.Text.Length > 2000 ? line.Text[..2000] : line.Text,
                    Day = line.Day,
                    CreatedAt = n,
                });
            }

            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return true;
        }
    }

    /// <summary>
    /// Moves the delivery's mail state (<c>sending</c> before the SMTP conversation, <c>sent</c> after it) while
    /// <paramref name="holder"/> holds an unexpired lease; false when it does not (then it must not send).
    /// </summary>
    public async Task<bool> SetMailStateAsync(string job, DateTimeOffset slot, string person, string holder, string state, DateTimeOffset now, CancellationToken ct = default)
    {
        var s = slot.ToUnixTimeMilliseconds();
        var n = now.ToUnixTimeMilliseconds();
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            return await db.Set<NotificationDeliveryRow>()
                .Where(d => d.Job == job && d.Slot == s && d.Person == person && d.Holder == holder && d.LeaseUntil > n)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.MailState, state), ct).ConfigureAwait(false) == 1;
        }
    }

    /// <summary>
    /// Records a refused mail while <paramref name="holder"/> holds the delivery: with <paramref name="retryAt"/>, the
    /// delivery goes back to <c>pending</c> and nobody may claim it before that instant (its lease is handed to the
    /// <see cref="RetryHolder"/> until then); without, the mail is <c>failed</c> for good and the holder keeps the
    /// delivery to finish it.
    /// </summary>
    /// <returns>False when the lease was lost.</returns>
    public async Task<bool> RecordMailFailureAsync(
        string job, DateTimeOffset slot, string person, string holder, string error, DateTimeOffset? retryAt, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        var s = slot.ToUnixTimeMilliseconds();
        var n = now.ToUnixTimeMilliseconds();
        var why = error.Length > 500 ? error[..500] : error;
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var held = db.Set<NotificationDeliveryRow>().Where(d => d.Job == job && d.Slot == s && d.Person == person && d.Holder == holder && d.LeaseUntil > n);
            var changed = retryAt is { } at
                ? await held.ExecuteUpdateAsync(
                    u => u.SetProperty(d => d.MailState, "pending").SetProperty(d => d.MailAttempts, d => d.MailAttempts + 1).SetProperty(d => d.MailError, why)
                        .SetProperty(d => d.Holder, RetryHolder).SetProperty(d => d.LeaseUntil, at.ToUnixTimeMilliseconds()),
                    ct).ConfigureAwait(false)
                : await held.ExecuteUpdateAsync(
                    u => u.SetProperty(d => d.MailState, "failed").SetProperty(d => d.MailAttempts, d => d.MailAttempts + 1).SetProperty(d => d.MailError, why),
                    ct).ConfigureAwait(false);
            return changed == 1;
        }
    }

    /// <summary>The holder name a delivery waiting for its next mail attempt carries (no instance has this name).</summary>
    public const string RetryHolder = "(retry)";

    /// <summary>The slots of the job's runs not completed, from <paramref name="since"/> on, oldest first.</summary>
    public async Task<IReadOnlyList<DateTimeOffset>> UnfinishedSlotsAsync(string job, DateTimeOffset since, CancellationToken ct = default)
    {
        var from = since.ToUnixTimeMilliseconds();
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var slots = await db.Set<NotificationJobRunRow>().AsNoTracking().Where(r => r.Job == job && r.Slot >= from && r.CompletedAt == null)
                .Select(r => r.Slot).ToListAsync(ct).ConfigureAwait(false);
            return [.. slots.Order().Select(DateTimeOffset.FromUnixTimeMilliseconds)];
        }
    }

    /// <summary>
    /// Deletes in-app lines created before <paramref name="before"/>, and completed runs of slots before it with their
    /// deliveries; with the audit entry in the same transaction when anything was deleted. Runs not completed are kept
    /// (someone may still be owed a delivery).
    /// </summary>
    public async Task<PruneCounts> PruneAsync(Func<PruneCounts, AuditRecord> audit, DateTimeOffset before, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var cut = before.ToUnixTimeMilliseconds();
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginWriteAsync(db, ct).ConfigureAwait(false);
            var lines = await db.Set<NotificationRow>().Where(r => r.CreatedAt < cut).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            var done = db.Set<NotificationJobRunRow>().Where(r => r.Slot < cut && r.CompletedAt != null);
            await db.Set<NotificationDeliveryRow>().Where(d => d.Slot < cut && done.Any(r => r.Job == d.Job && r.Slot == d.Slot)).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            var runs = await done.ExecuteDeleteAsync(ct).ConfigureAwait(false);
            var counts = new PruneCounts(lines, runs);
            if (lines + runs > 0)
            {
                await AuditJournal.AppendAsync(db, database.Provider, audit(counts), ct).ConfigureAwait(false);
            }

            await tx.CommitAsync(ct).ConfigureAwait(false);
            return counts;
        }
    }

    /// <summary>
    /// Records that the SMTP server accepted the delivery's mail, unless another instance finished the delivery; it does
    /// not need the lease (the mail went, whoever holds the delivery now).
    /// </summary>
    public async Task MarkSentAsync(string job, DateTimeOffset slot, string person, string holder, CancellationToken ct = default)
    {
        var s = slot.ToUnixTimeMilliseconds();
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await db.Set<NotificationDeliveryRow>()
                .Where(d => d.Job == job && d.Slot == s && d.Person == person && d.DoneAt == null && (d.Holder == holder || d.MailState == "sending"))
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.MailState, "sent"), ct).ConfigureAwait(false);
        }
    }

    /// <summary>Marks the delivery done (it leaves the outbox's pending list) while <paramref name="holder"/> holds an unexpired lease.</summary>
    public async Task<bool> FinishDeliveryAsync(string job, DateTimeOffset slot, string person, string holder, DateTimeOffset now, CancellationToken ct = default)
    {
        var s = slot.ToUnixTimeMilliseconds();
        var n = now.ToUnixTimeMilliseconds();
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            return await db.Set<NotificationDeliveryRow>()
                .Where(d => d.Job == job && d.Slot == s && d.Person == person && d.Holder == holder && d.LeaseUntil > n && d.DoneAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.DoneAt, n), ct).ConfigureAwait(false) == 1;
        }
    }

    /// <summary>Marks the run completed with its audit entry, in one transaction; false when it was not this holder's or not finished.</summary>
    public async Task<bool> CompleteRunAsync(AuditRecord audit, string job, DateTimeOffset slot, string holder, DateTimeOffset now, CancellationToken ct = default)
    {
        var s = slot.ToUnixTimeMilliseconds();
        var n = now.ToUnixTimeMilliseconds();
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginWriteAsync(db, ct).ConfigureAwait(false);
            if (await db.Set<NotificationDeliveryRow>().AnyAsync(d => d.Job == job && d.Slot == s && d.DoneAt == null, ct).ConfigureAwait(false))
            {
                return false;
            }

            var done = await db.Set<NotificationJobRunRow>()
                .Where(r => r.Job == job && r.Slot == s && r.Holder == holder && r.CompletedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.CompletedAt, n), ct).ConfigureAwait(false);
            if (done != 1)
            {
                return false;
            }

            await AuditJournal.AppendAsync(db, database.Provider, audit, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return true;
        }
    }

    /// <summary>The once-only keys already in the lists of these people, as <c>person\nkey</c>.</summary>
    public async Task<IReadOnlySet<string>> DeliveredKeysAsync(IReadOnlyCollection<string> people, string keyPrefix, CancellationToken ct = default)
    {
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var rows = await db.Set<NotificationRow>().AsNoTracking().Where(r => people.Contains(r.Person) && r.DedupeKey.StartsWith(keyPrefix))
                .Select(r => new { r.Person, r.DedupeKey }).ToListAsync(ct).ConfigureAwait(false);
            return rows.Select(r => r.Person + "\n" + r.DedupeKey).ToHashSet(StringComparer.Ordinal);
        }
    }

    /// <summary>The person's list, newest first (at most <paramref name="limit"/>).</summary>
    public async Task<IReadOnlyList<StoredNotification>> ListAsync(string person, bool unreadOnly, int limit, CancellationToken ct = default)
    {
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var q = db.Set<NotificationRow>().AsNoTracking().Where(r => r.Person == person);
            if (unreadOnly)
            {
                q = q.Where(r => r.ReadAt == null);
            }

            var rows = await q.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).Take(limit).ToListAsync(ct).ConfigureAwait(false);
            return [.. rows.Select(r => new StoredNotification(r.Id, r.Job, r.Kind, r.Subject, r.Text, r.Day, DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedAt),
                r.ReadAt is { } read ? DateTimeOffset.FromUnixTimeMilliseconds(read) : null))];
        }
    }

    /// <summary>How many of the person's lines are unread.</summary>
    public async Task<int> UnreadCountAsync(string person, CancellationToken ct = default)
    {
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            return await db.Set<NotificationRow>().CountAsync(r => r.Person == person && r.ReadAt == null, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Marks the person's unread lines read (the given IDs, or all when null) with the audit entry, in one transaction.</summary>
    /// <returns>How many lines changed (IDs of other people's lines change nothing).</returns>
    public async Task<int> MarkReadAsync(AuditRecord audit, string person, IReadOnlyCollection<long>? ids, DateTimeOffset now, CancellationToken ct = default)
    {
        var n = now.ToUnixTimeMilliseconds();
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginWriteAsync(db, ct).ConfigureAwait(false);
            var q = db.Set<NotificationRow>().Where(r => r.Person == person && r.ReadAt == null);
            if (ids is not null)
            {
                q = q.Where(r => ids.Contains(r.Id));
            }

            var changed = await q.ExecuteUpdateAsync(u => u.SetProperty(r => r.ReadAt, n), ct).ConfigureAwait(false);
            if (changed > 0)
            {
                await AuditJournal.AppendAsync(db, database.Provider, audit, ct).ConfigureAwait(false);
            }

            await tx.CommitAsync(ct).ConfigureAwait(false);
            return changed;
        }
    }

    /// <summary>The stored preferences of these people (people without a row are absent).</summary>
    public async Task<IReadOnlyDictionary<string, StoredNotificationSettings>> SettingsAsync(IReadOnlyCollection<string> people, CancellationToken ct = default)
    {
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var rows = await db.Set<NotificationSettingsRow>().AsNoTracking().Where(r => people.Contains(r.Person)).ToListAsync(ct).ConfigureAwait(false);
            return rows.ToDictionary(r => r.Person, ToSettings, StringComparer.Ordinal);
        }
    }

    /// <summary>Keeps one person's preferences (replacing the ones before) with the audit entry, in one transaction.</summary>
    public async Task SaveSettingsAsync(AuditRecord audit, StoredNotificationSettings settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginWriteAsync(db, ct).ConfigureAwait(false);
            var row = await db.Set<NotificationSettingsRow>().SingleOrDefaultAsync(r => r.Person == settings.Person, ct).ConfigureAwait(false);
            if (row is null)
            {
                row = new NotificationSettingsRow { Person = settings.Person };
                db.Add(row);
            }

            row.Email = settings.Email;
            row.Kinds = settings.Kinds is null ? null : string.Join(',', settings.Kinds);
            row.StaleWithinDays = settings.StaleWithinDays;
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await AuditJournal.AppendAsync(db, database.Provider, audit, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }
    }

    private static StoredNotificationSettings ToSettings(NotificationSettingsRow r) =>
        new(r.Person, r.Email, r.Kinds is null ? null : r.Kinds.Split(',', StringSplitOptions.RemoveEmptyEntries), r.StaleWithinDays);
}
