using Microsoft.EntityFrameworkCore;

namespace Trellis.Data.AuditTrail;

/// <summary>The outcome of verifying the audit trail.</summary>
/// <param name="Ok">True when every retained entry is intact and none is missing.</param>
/// <param name="Entries">Entries checked.</param>
/// <param name="FirstBad">Sequence of the first entry altered or removed; null when OK.</param>
/// <param name="Message">One line for a person.</param>
/// <param name="Head">Hash of the last entry (record it elsewhere to detect removal of the newest entries).</param>
public sealed record AuditVerification(bool Ok, long Entries, long? FirstBad, string Message, string Head)
{
    /// <summary>Sequence of the last entry (0 when there is none): with <see cref="Head"/>, what a checkpoint records.</summary>
    public long HeadSequence { get; init; }
}

/// <summary>
/// The head of the chain recorded outside the database (<c>trellis audit-log checkpoint</c>): a later verification
/// against it detects what the chain alone cannot — newest entries removed, or the chain rewritten and re-hashed.
/// </summary>
/// <param name="Sequence">The last entry's sequence when the checkpoint was taken.</param>
/// <param name="Hash">That entry's hash.</param>
public sealed record AuditCheckpoint(long Sequence, string Hash);

/// <summary>
/// Walks the chain from the retention anchor in sequence order, recomputing every hash: names the first entry
/// whose content or hash was altered, and the first sequence number missing (an entry removed). Removing the
/// newest entries leaves a valid shorter chain; compare <see cref="AuditVerification.Head"/> with a copy kept
/// elsewhere to detect that.
/// </summary>
public static class AuditVerifier
{
    /// <summary>Verifies the whole retained chain.</summary>
    public static Task<AuditVerification> VerifyAsync(DbContext db, CancellationToken cancellationToken = default) => VerifyAsync(db, null, cancellationToken);

    /// <summary>
    /// Verifies the whole retained chain, and with a <paramref name="checkpoint"/> also that the entry it recorded is
    /// still there with the same hash (a cut at the end or a re-hashed rewrite fails here).
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(DbContext db, AuditCheckpoint? checkpoint, CancellationToken cancellationToken = default)
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

            if (checkpoint is not null && entry.Sequence == checkpoint.Sequence && !string.Equals(entry.Hash, checkpoint.Hash, StringComparison.Ordinal))
            {
                return new(false, count, entry.Sequence, $"entry {entry.Sequence} does not match the checkpoint: the chain was rewritten from there or earlier", previous);
            }

            previous = entry.Hash;
            expected++;
            count++;
        }

        var last = expected - 1;
        if (checkpoint is not null && checkpoint.Sequence > last)
        {
            return new(false, count, last + 1, $"the chain ends at entry {last} but the checkpoint recorded entry {checkpoint.Sequence}: entries {last + 1}–{checkpoint.Sequence} were removed from its end", previous)
            {
                HeadSequence = last,
            };
        }

        var from = anchor is null ? "" : $" (retained from entry {anchor.Sequence + 1})";
        var against = checkpoint is null ? ""
            : checkpoint.Sequence <= (anchor?.Sequence ?? 0) ? $"; the checkpoint (entry {checkpoint.Sequence}) is older than the retained chain and could not be compared"
            : $"; matches the checkpoint at entry {checkpoint.Sequence}";
        return new(true, count, null, $"OK: {count} entries intact{from}; head {previous}{against}", previous) { HeadSequence = last };
    }
}
