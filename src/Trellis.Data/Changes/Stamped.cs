namespace Trellis.Data.Changes;

/// <summary>
/// One value read from the database, kept while the database's <see cref="ChangeStamp"/> is the one it was read at:
/// the stamp is taken before the read, so a commit during the read makes the next call read again.
/// </summary>
/// <typeparam name="T">The value.</typeparam>
/// <param name="changes">The database's change stamp.</param>
public sealed class Stamped<T>(DatabaseChanges changes)
{
    private Kept? _kept;

    /// <summary>The kept value when nothing was committed since it was read, else <paramref name="read"/>'s.</summary>
    public async ValueTask<T> GetAsync(Func<CancellationToken, Task<T>> read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(read);
        var stamp = await changes.CurrentAsync(ct).ConfigureAwait(false);
        if (Volatile.Read(ref _kept) is { } kept && kept.Stamp == stamp)
        {
            return kept.Value;
        }

        var value = await read(ct).ConfigureAwait(false);
        Volatile.Write(ref _kept, new Kept(stamp, value));
        return value;
    }

    private sealed record Kept(ChangeStamp Stamp, T Value);
}

/// <summary>
/// Values by key read from the database (accounts by ID, tokens by hash), each kept while the database's stamp is the
/// one it was read at; at most <paramref name="capacity"/> are kept (all are dropped when full), and a null read is
/// never kept.
/// </summary>
/// <typeparam name="TKey">The key.</typeparam>
/// <typeparam name="T">The value.</typeparam>
/// <param name="changes">The database's change stamp.</param>
/// <param name="capacity">How many values at most.</param>
public sealed class StampedMap<TKey, T>(DatabaseChanges changes, int capacity = 10_000)
    where TKey : notnull
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<TKey, (ChangeStamp Stamp, T Value)> _kept = new();

    /// <summary>The kept value of <paramref name="key"/> when nothing was committed since it was read, else <paramref name="read"/>'s.</summary>
    public async ValueTask<T> GetAsync(TKey key, Func<TKey, CancellationToken, Task<T>> read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(read);
        var stamp = await changes.CurrentAsync(ct).ConfigureAwait(false);
        if (_kept.TryGetValue(key, out var kept) && kept.Stamp == stamp)
        {
            return kept.Value;
        }

        var value = await read(key, ct).ConfigureAwait(false);
        if (value is null)
        {
            return value; // not kept: unknown keys (a flood of made-up tokens) must not fill the map
        }

        if (_kept.Count >= capacity)
        {
            _kept.Clear();
        }

        _kept[key] = (stamp, value);
        return value;
    }
}
