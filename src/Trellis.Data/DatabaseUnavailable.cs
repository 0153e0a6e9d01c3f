using Npgsql;

namespace Trellis.Data;

/// <summary>
/// Tells a database that cannot be reached, or is shutting down, from a bug. During a PostgreSQL failover
/// (docs/operations.md, "PostgreSQL failover") the old primary's connections break and no primary answers
/// until the standby is promoted; a statement failing then is the deployment's state, not the request's fault,
/// and the request may be sent again.
/// </summary>
public static class DatabaseUnavailable
{
    // PostgreSQL error codes (Appendix A of the PostgreSQL manual) that mean "this server cannot serve you now".
    private static readonly HashSet<string> ServerStates =
    [
        PostgresErrorCodes.AdminShutdown, // 57P01: the server is stopping (pg_ctl stop -m fast)
        PostgresErrorCodes.CrashShutdown, // 57P02: another backend crashed, or pg_ctl stop -m immediate
        PostgresErrorCodes.CannotConnectNow, // 57P03: starting up, or shutting down
        PostgresErrorCodes.ReadOnlySqlTransaction, // 25006: reached a standby (a switchover in progress)
        PostgresErrorCodes.TooManyConnections, // 53300
    ];

    /// <summary>
    /// True when <paramref name="exception"/>, or an exception it wraps (EF Core's <c>DbUpdateException</c>), says the
    /// database could not be reached or is shutting down: an Npgsql connection, I/O or timeout failure (including
    /// "no suitable host" of a multi-host connection string), SQLSTATE class 08, or 57P01, 57P02, 57P03, 25006, 53300.
    /// False for every other failure, and always for SQLite (a local file is never "unreachable").
    /// </summary>
    public static bool Caused(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException p:
                    return p.SqlState.StartsWith("08", StringComparison.Ordinal) || ServerStates.Contains(p.SqlState);
                case NpgsqlOperationInProgressException:
                    return false; // two commands on one connection: a bug
                case NpgsqlException:
                    return true; // raised by the client: connecting, reading or writing failed, or no host answered
            }
        }

        return false;
    }
}
