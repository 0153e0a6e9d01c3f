using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Trellis.Data.Tests.Infrastructure;

/// <summary>Simulates a lost connection: throws when armed and a command contains the given SQL (identifier quotes ignored).</summary>
public sealed class FailOnCommand(string sql) : DbCommandInterceptor
{
    public bool Armed { get; set; }

    public bool Fired { get; private set; }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    private void Check(DbCommand command)
    {
        if (Armed && command.CommandText.Replace("\"", "", StringComparison.Ordinal).Contains(sql, StringComparison.Ordinal))
        {
            Fired = true;
            throw new IOException("simulated connection loss");
        }
    }
}
