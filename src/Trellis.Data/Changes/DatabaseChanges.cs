using Microsoft.Data.Sqlite;
using Npgsql;

namespace Trellis.Data.Changes;

/// <summary>
/// A stamp that changes whenever anything was committed to the database, by this process or any other (issue 18,
/// item 3): caches of data read from the database (accounts, tokens, the program, the library) keep a value while the
/// stamp they read it at is still current, so a request costs no query when nothing changed.
/// <list type="bullet">
/// <item>This process: <see cref="ChangeInterceptor"/> moves <see cref="Local"/> when a transaction that wrote commits
/// (or a write runs outside one) — before the writer's caller sees the result.</item>
/// <item>Other processes, SQLite: <c>PRAGMA data_version</c> on a connection of its own, which changes when any other
/// connection commits; an in-process call, no I/O beyond the shared WAL index.</item>
/// <item>Other processes, PostgreSQL: a listening connection (<c>LISTEN trellis_changed</c>) counts the
/// notifications the tables' statement triggers send on commit (<see cref="ChangeTriggers"/>). Until it listens,
/// or after it lost its connection, every call returns a new stamp: nothing is served from a cache.</item>
/// </list>
/// </summary>
public sealed class DatabaseChanges : IAsyncDisposable
{
    /// <summary>The PostgreSQL notification channel.</summary>
    public const string Channel = "trellis_changed";

    private readonly DatabaseProvider _provider;
    private readonly string _connectionString;
    private readonly SemaphoreSlim _sqliteGate = new(1, 1);
    private readonly object _start = new();
    private readonly CancellationTokenSource _stop = new();
    private SqliteConnection? _sqlite;
    private Task? _listener;
    private long _local;
    private long _external;
    private long _unknown;
    private volatile bool _listening;

    /// <summary>Watches one database.</summary>
    public DatabaseChanges(DatabaseProvider provider, string connectionString)
    {
        _provider = provider;
        _connectionString = connectionString;
        Interceptor = new ChangeInterceptor(this);
    }

    /// <summary>The interceptor every context of the database carries.</summary>
    public ChangeInterceptor Interceptor { get; }

    /// <summary>Commits of writes seen in this process.</summary>
    public long Local => Interlocked.Read(ref _local);

    /// <summary>Records a committed write of this process.</summary>
    public void Touch() => Interlocked.Increment(ref _local);

    /// <summary>The current stamp: equal to an earlier one only when nothing was committed in between.</summary>
    public async ValueTask<ChangeStamp> CurrentAsync(CancellationToken ct = default)
    {
        var local = Local;
        if (_provider == DatabaseProvider.Sqlite)
        {
            return new ChangeStamp(local, await DataVersionAsync(ct).ConfigureAwait(false));
        }

        StartListening();
        return _listening
            ? new ChangeStamp(local, Interlocked.Read(ref _external))
            : new ChangeStamp(local, -Interlocked.Increment(ref _unknown));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_listener is { } listener)
        {
            await listener.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (_sqlite is { } sqlite)
        {
            await sqlite.DisposeAsync().ConfigureAwait(false);
        }

        _stop.Dispose();
        _sqliteGate.Dispose();
    }

    private async Task<long> DataVersionAsync(CancellationToken ct)
    {
        await _sqliteGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_sqlite is null)
            {
                // Its own connection outside the pool: data_version counts commits by connections other than this one.
                var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder(_connectionString) { Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ConnectionString);
                await sqlite.OpenAsync(ct).ConfigureAwait(false);
                _sqlite = sqlite;
            }

            using var command = _sqlite.CreateCommand();
            command.CommandText = "PRAGMA data_version";
            return (long)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        }
        catch (SqliteException)
        {
            // The file is not there yet (a database being created) or is unreadable: no stamp repeats.
            if (_sqlite is { } broken)
            {
                await broken.DisposeAsync().ConfigureAwait(false);
                _sqlite = null;
            }

            return -Interlocked.Increment(ref _unknown);
        }
        finally
        {
            _sqliteGate.Release();
        }
    }

    private void StartListening()
    {
        if (_listener is not null)
        {
            return;
        }

        lock (_start)
        {
            _listener ??= Task.Run(() => ListenAsync(_stop.Token));
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false, KeepAlive = 30 };
                var connection = new NpgsqlConnection(builder.ConnectionString);
                await using (connection.ConfigureAwait(false))
                {
                    connection.Notification += (_, _) => Interlocked.Increment(ref _external);
                    await connection.OpenAsync(ct).ConfigureAwait(false);
                    await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    {
                        await listen.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    }

                    // Anything committed before LISTEN took effect is covered by this step of the counter.
                    Interlocked.Increment(ref _external);
                    _listening = true;
                    while (!ct.IsCancellationRequested)
                    {
                        await connection.WaitAsync(ct).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                // Lost (or never had) the connection: no caching until listening again.
                _listening = false;
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            finally
            {
                _listening = false;
            }
        }
    }
}

/// <summary>A point in the database's history as <see cref="DatabaseChanges"/> sees it.</summary>
/// <param name="Local">Commits of writes by this process.</param>
/// <param name="External">SQLite's data_version, or PostgreSQL notifications received (negative: unknown, never repeats).</param>
public readonly record struct ChangeStamp(long Local, long External);
