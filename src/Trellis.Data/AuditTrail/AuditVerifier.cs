using Microsoft.EntityFrameworkCore;

namespace Trellis.Data.AuditTrail;

/// <summary>The outcome of verifying the audit trail.</summary>
/// <param name="Ok">True when every retained entry is intact and none is missing.</param>
/// <param name="Entries">Entries checked.</param>
/// <param name="FirstBad">Sequence of the first entry altered or removed; null when OK.</param>
/// <param name="Message">One line for a person.</param>
/// <param name="Head">Hash of the last entry (record it elsewhere to detect removal of the newest entries).</param>
public sealed record AuditVerification(bool Ok, long Entries, long? FirstBad, string Message, string Head);

/// <summary>
/// Walks the chain from the retention anchor in sequence order, recomputing every hash: names the first entry
/// whose content or hash was altered, and the first sequence number missing (an entry removed). Removing the
/// newest entries leaves a valid shorter chain; compare <see cref="AuditVerification.Head"/> with a copy kept
/// elsewhere to detect that.
/// </summary>
public static class AuditVerifier
{
    /// <summary>Verifies the whole retained chain.</summary>
    public static async Task<AuditVerification> VerifyAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var anchor = await db.Set<AuditAnchor>().AsNoTracking().FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var expected = (anchor?.Sequence ?? 0) + 1;
        var previous = anchor?.Hash ?? AuditChain.Genesis;
        long count = 0;
        await foreach (var entry in db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (entry.Sequence != expected)
            {
                var what = entry.Sequence > expected
                    ? expected == entry.Sequence - 1 ? $"entry {expected} was removed" : $"entries {expected}–{entry.Sequence - 1} were removed"
                    : $"entry {entry.Sequence} is out of order";
                return new(false, count, Math.Min(expected, entry.Sequence), what, previous);
            }

            if (!string.Equals(entry.PreviousHash, previous, StringComparison.Ordinal))
            {
                // The previous entry verified against its own stored hash, so either it was altered and re-hashed,
                // or this entry's link to it was altered: the earlier one is the first that cannot be trusted.
                var earlier = entry.Sequence - 1;
                return count == 0
                    ? new(false, count, entry.Sequence, $"entry {entry.Sequence} was altered: it does not follow the retained chain's start", previous)
                    : new(false, count, earlier, $"entry {earlier} was altered (its hash recomputed), or entry {entry.Sequence}'s link to it was", previous);
            }

            if (!string.Equals(AuditChain.Hash(entry), entry.Hash, StringComparison.Ordinal))
            {
                return new(false, count, entry.Sequence, $"entry {entry.Sequence} was altered: its content no longer matches its hash", previous);
            }

            previous = entry.Hash;
            expected++;
            count++;
        }

        var from = anchor is null ? "" : $" (retained from entry {anchor.Sequence + 1})";
        return new(true, count, null, $"OK: {count} entries intact{from}; head {previous}", previous);
    }
}
