using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Trellis.Data;

/// <summary>
/// The version compare that lets a start-up skip EF Core's migrator (issue 18, item 4): the migrations a context's
/// assembly holds, read from their attributes, against one query of its history table — no EF model is built and no
/// migrations lock is taken. When anything is missing or cannot be read, the caller migrates as before.
/// </summary>
public static class AppliedMigrations
{
    /// <summary>The IDs of the migrations in <paramref name="assembly"/> that belong to <paramref name="context"/> (as EF Core finds them).</summary>
    public static IReadOnlyList<string> Known(Assembly assembly, Type context)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return [.. assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Migration)) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == context)
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()];
    }

    /// <summary>
    /// True when every migration in <paramref name="known"/> is recorded in <paramref name="historyTable"/>; false when one
    /// is not, the table is missing, or (SQLite) the file does not exist yet — then the caller runs the migrator.
    /// </summary>
    public static async Task<bool> AllAppliedAsync(DatabaseProvider provider, string connectionString, string historyTable, IReadOnlyCollection<string> known, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(known);
        DbConnection connection;
        if (provider == DatabaseProvider.Sqlite)
        {
            var builder = new SqliteConnectionStringBuilder(connectionString);
            if (builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory || !File.Exists(builder.DataSource))
            {
                return false;
            }

            connection = new SqliteConnection(connectionString);
        }
        else
        {
            connection = new NpgsqlConnection(connectionString);
        }

        await using (connection.ConfigureAwait(false))
        {
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                var command = connection.CreateCommand();
                await using (command.ConfigureAwait(false))
                {
                    command.CommandText = $"SELECT \"MigrationId\" FROM \"{historyTable.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
                    var applied = new HashSet<string>(StringComparer.Ordinal);
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            applied.Add(reader.GetString(0));
                        }
                    }

                    return known.All(applied.Contains);
                }
            }
            catch (DbException)
            {
                // No history table yet, or no database: the migrator creates them and reports real failures.
                return false;
            }
        }
    }
}
