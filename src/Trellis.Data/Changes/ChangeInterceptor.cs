using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Trellis.Data.Changes;

/// <summary>
/// Tells <see cref="DatabaseChanges"/> when this process committed a write: a write command inside a transaction marks
/// the transaction, and its commit moves the stamp; a write outside a transaction moves it once executed. A command is
/// a write unless it starts with a reading keyword (<c>SELECT</c>, <c>PRAGMA</c>, <c>SHOW</c>, <c>LISTEN</c>, …), so
/// read transactions (snapshot reads commit too) move nothing. Bulk inserts bypass EF and mark their transaction
/// through <see cref="MarkWrite"/>.
/// </summary>
public sealed class ChangeInterceptor(DatabaseChanges changes) : IDbCommandInterceptor, IDbTransactionInterceptor
{
    private static readonly string[] Reading = ["SELECT", "PRAGMA", "SHOW", "LISTEN", "EXPLAIN", "BEGIN", "SAVEPOINT", "RELEASE", "COMMIT", "ROLLBACK", "SET"];
    private readonly ConditionalWeakTable<DbTransaction, object> _wrote = [];

    /// <summary>Marks <paramref name="transaction"/> as having written (for commands that bypass EF).</summary>
    public void MarkWrite(DbTransaction transaction) => _wrote.AddOrUpdate(transaction, this);

    /// <inheritdoc />
    public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Seen(command);
        return result;
    }

    /// <inheritdoc />
    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Seen(command);
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Seen(command);
        return result;
    }

    /// <inheritdoc />
    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Seen(command);
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Seen(command);
        return result;
    }

    /// <inheritdoc />
    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Seen(command);
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(transaction);

    /// <inheritdoc />
    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(transaction);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _wrote.Remove(transaction);

    /// <inheritdoc />
    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _wrote.Remove(transaction);
        return Task.CompletedTask;
    }

    /// <summary>True when <paramref name="sql"/> may change data (anything not starting with a reading keyword).</summary>
    public static bool IsWrite(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var text = sql.AsSpan().TrimStart();
        while (text.StartsWith("--", StringComparison.Ordinal))
        {
            var end = text.IndexOf('\n');
            text = end < 0 ? [] : text[(end + 1)..].TrimStart();
        }

        foreach (var keyword in Reading)
        {
            if (text.StartsWith(keyword, StringComparison.OrdinalIgnoreCase) && (text.Length == keyword.Length || !char.IsLetterOrDigit(text[keyword.Length])))
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    private void Seen(DbCommand command)
    {
        if (!IsWrite(command.CommandText))
        {
            return;
        }

        if (command.Transaction is { } transaction)
        {
            _wrote.AddOrUpdate(transaction, this);
        }
        else
        {
            changes.Touch();
        }
    }

    private void Committed(DbTransaction transaction)
    {
        if (_wrote.Remove(transaction))
        {
            changes.Touch();
        }
    }
}
