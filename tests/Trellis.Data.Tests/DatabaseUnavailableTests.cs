using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Trellis.Data.Tests;

/// <summary>
/// What counts as "the database cannot be reached" (503) and what stays a bug (500). SQLSTATEs from Appendix A of
/// the PostgreSQL manual: 57P01 admin_shutdown, 57P02 crash_shutdown, 08006 connection_failure, 23505 unique_violation,
/// 42P01 undefined_table.
/// </summary>
public sealed class DatabaseUnavailableTests
{
    [Theory]
    [InlineData("57P01")]
    [InlineData("57P02")]
    [InlineData("57P03")]
    [InlineData("08006")]
    [InlineData("25006")]
    public void Caused_ServerShuttingDownOrUnreachable_IsTrue(string sqlState) =>
        Assert.True(DatabaseUnavailable.Caused(new PostgresException("m", "FATAL", "FATAL", sqlState)));

    [Theory]
    [InlineData("23505")]
    [InlineData("42P01")]
    [InlineData("40001")]
    public void Caused_AnErrorOfTheStatement_IsFalse(string sqlState) =>
        Assert.False(DatabaseUnavailable.Caused(new PostgresException("m", "ERROR", "ERROR", sqlState)));

    [Fact]
    public void Caused_ConnectionRefusedInsideEfCoresUpdateException_IsTrue()
    {
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

        Assert.True(DatabaseUnavailable.Caused(new DbUpdateException("saving failed", refused)));
    }

    [Fact]
    public void Caused_NoSuitableHostOfAMultiHostConnection_IsTrue() =>
        Assert.True(DatabaseUnavailable.Caused(new NpgsqlException("No suitable host was found.", new AggregateException())));

    [Fact]
    public void Caused_SqliteOrAnyOtherException_IsFalse()
    {
        Assert.False(DatabaseUnavailable.Caused(new SqliteException("locked", 5)));
        Assert.False(DatabaseUnavailable.Caused(new InvalidOperationException("a bug")));
        Assert.False(DatabaseUnavailable.Caused(null));
    }
}
