using Microsoft.EntityFrameworkCore;
using Trellis.Data.AuditTrail;

namespace Trellis.Data;

/// <summary>The program's history as the audit trail recorded it.</summary>
public sealed partial class ProgramStore
{
    /// <summary>
    /// The retained audit trail entries whose action is one of <paramref name="actions"/> and whose instant falls on a
    /// UTC calendar day from <paramref name="from"/> to <paramref name="to"/> inclusive, in chain order. Actions are
    /// filtered in the query; the days in memory, since SQLite stores instants as text.
    /// </summary>
    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync(IReadOnlyCollection<string> actions, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var list = actions.ToList();
            var entries = await db.Set<AuditEntry>().AsNoTracking().Where(e => list.Contains(e.Action)).OrderBy(e => e.Sequence)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. entries.Where(e => DateOnly.FromDateTime(e.At.UtcDateTime) is var day && day >= from && day <= to)];
        }
    }
}
