using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Trellis.Data;

/// <summary>
/// Inserts many rows inside the context's current transaction without the change tracker: binary COPY on
/// PostgreSQL, one prepared INSERT reused per row on SQLite. Table, column names, value converters and
/// column types come from the EF model, so the rows land exactly as SaveChanges would write them.
/// (SaveChanges managed about 6,000 rows/s on a 200,000-evidence program; this is the path that makes
/// ReplaceAsync fit the benchmark.) These commands bypass EF's command interceptors.
/// </summary>
internal static class BulkInsert
{
    public static async Task InsertAsync<T>(TrellisDbContext db, IReadOnlyCollection<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = entity.GetProperties().Select(p => new Column(
            p.GetColumnName(store)!,
            p.GetColumnType(store),
            p.GetGetter(),
            p.GetTypeMapping().Converter)).ToList();

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("bulk inserts run inside the caller's transaction");
        // These commands bypass EF's interceptors: tell the change stamp the transaction writes.
        var options = Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Infrastructure.IDbContextOptions>(db);
        foreach (var interceptor in options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.Interceptors?.OfType<Changes.ChangeInterceptor>() ?? [])
        {
            interceptor.MarkWrite(transaction);
        }

        if (connection is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, table, columns, rows, ct).ConfigureAwait(false);
        }
        else
        {
            await InsertEachAsync(connection, transaction, table, columns, rows, ct).ConfigureAwait(false);
        }
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string table, List<Column> columns, IEnumerable<T> rows, CancellationToken ct)
        where T : class
    {
        var sql = $"COPY {Quote(table)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";

        // Type names without their length ("character varying(64)" is written as "character varying").
        var types = columns.Select(c => c.StoreType.Split('(')[0]).ToArray();
        var importer = await connection.BeginBinaryImportAsync(sql, ct).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(ct).ConfigureAwait(false);
                for (var i = 0; i < columns.Count; i++)
                {
                    if (columns[i].Value(row) is { } value)
                    {
                        await importer.WriteAsync(value, types[i], ct).ConfigureAwait(false);
                    }
                    else
                    {
                        await importer.WriteNullAsync(ct).ConfigureAwait(false);
                    }
                }
            }

            await importer.CompleteAsync(ct).ConfigureAwait(false);
        }
    }

    private static async Task InsertEachAsync<T>(DbConnection connection, DbTransaction transaction, string table, List<Column> columns, IEnumerable<T> rows, CancellationToken ct)
        where T : class
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO {Quote(table)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            var parameters = columns.Select((_, i) =>
            {
                var p = command.CreateParameter();
                p.ParameterName = "$p" + i;
                command.Parameters.Add(p);
                return p;
            }).ToArray();
            await command.PrepareAsync(ct).ConfigureAwait(false);
            foreach (var row in rows)
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    parameters[i].Value = columns[i].Value(row) ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record Column(string Name, string StoreType, IClrPropertyGetter Getter, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter)
    {
        /// <summary>The provider value of the column for a row (after the model's value converter), or null.</summary>
        public object? Value(object row)
        {
            var value = Getter.GetClrValueUsingContainingEntity(row);
            return value is null ? null : Converter is null ? value : Converter.ConvertToProvider(value);
        }
    }
}
