using Microsoft.EntityFrameworkCore;

namespace Trellis.Data.Changes;

/// <summary>
/// PostgreSQL: every table of the schema (the program's and the web state's, except the migration histories) gets a
/// statement trigger that sends a notification on <see cref="DatabaseChanges.Channel"/> when a transaction that wrote
/// it commits, so every instance's <see cref="DatabaseChanges"/> sees commits made elsewhere. Installed by
/// <c>serve</c> after the migrations (tables a later migration adds get theirs at the next start); only missing
/// triggers are created, under a transaction-scoped advisory lock so instances starting together do not collide.
/// Nothing to do on SQLite.
/// </summary>
public static class ChangeTriggers
{
    /// <summary>The trigger's (and its function's) name.</summary>
    public const string Name = "trellis_changed";

    // The tables that lack the trigger: every table of the schema but the two migration histories.
    private const string Unwatched = $$"""
        SELECT c.relname AS "Value" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
          AND c.relname NOT IN ('__EFMigrationsHistory', '__trellis_web_migrations')
          AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = '{{Name}}')
        """;

    private const string Install = $$"""
        SELECT pg_advisory_xact_lock(7412093);
        CREATE OR REPLACE FUNCTION {{Name}}() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            PERFORM pg_notify('{{DatabaseChanges.Channel}}', TG_TABLE_NAME);
            RETURN NULL;
        END
        $fn$;
        DO $do$
        DECLARE t text;
        BEGIN
            FOR t IN
                {{Unwatched}}
            LOOP
                EXECUTE format('CREATE TRIGGER {{Name}} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION {{Name}}()', t);
            END LOOP;
        END
        $do$;
        """;

    /// <summary>Creates the function and the missing triggers (PostgreSQL; nothing on SQLite).</summary>
    public static async Task InstallAsync(TrellisDatabase database, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            await db.Database.ExecuteSqlRawAsync(Install, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>The tables of the schema without the trigger (PostgreSQL), for checks.</summary>
    public static async Task<IReadOnlyList<string>> UnwatchedTablesAsync(TrellisDatabase database, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            return await db.Database.SqlQueryRaw<string>(Unwatched).ToListAsync(ct).ConfigureAwait(false);
        }
    }
}
