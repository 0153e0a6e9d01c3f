using System.CommandLine;
using Trellis.Data;

namespace Trellis.Cli.Commands;

/// <summary>The <c>--db</c> option every program command takes, and opening the database it names.</summary>
internal static class Db
{
    /// <summary>
    /// <c>--db PATH-OR-CONNECTION-STRING</c>: a SQLite file (default <c>./trellis.db</c>, or <c>TRELLIS_DB</c>) or a
    /// PostgreSQL connection string (<c>Host=…</c> or <c>postgresql://…</c>).
    /// </summary>
    public static Option<string?> Option() => new("--db")
    {
        Description = "SQLite file or PostgreSQL connection string (default: $TRELLIS_DB, else ./trellis.db).",
    };

    /// <summary>
    /// Opens the database only when one is named (<c>--db</c> or <c>TRELLIS_DB</c>) or <c>./trellis.db</c> exists;
    /// null otherwise, so read-only commands never create a database as a side effect.
    /// </summary>
    public static async Task<TrellisDatabase?> OpenIfPresentAsync(ParseResult parse, Option<string?> option, CancellationToken ct)
    {
        var named = parse.GetValue(option) ?? Environment.GetEnvironmentVariable(TrellisDatabase.EnvironmentVariable);
        return string.IsNullOrWhiteSpace(named) && !File.Exists(TrellisDatabase.DefaultPath) ? null : await OpenAsync(parse, option, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens the database and applies any pending migrations (idempotent): the program's and the web state's, whose
    /// audit trail every CLI write appends to.
    /// </summary>
    public static async Task<TrellisDatabase> OpenAsync(ParseResult parse, Option<string?> option, CancellationToken ct)
    {
        var db = CliContext.Require(TrellisDatabase.Open(parse.GetValue(option)));
        await new Trellis.Web.Hosting.WebDatabase(db).MigrateAsync(ct).ConfigureAwait(false);
        return db;
    }
}
