namespace Trellis.Data.AuditTrail;

/// <summary>
/// The audit trail's two tables, created if absent. Both the program's migrations (AuditTrail) and the web state's
/// first migration run this, so whichever runs first creates them and a database migrated by either door can be
/// written by both. Columns match <see cref="AuditEntry"/> and <see cref="AuditAnchor"/> as the web state maps them.
/// </summary>
public static class AuditTrailSchema
{
    /// <summary>The entries' table.</summary>
    public const string EntriesTable = "web_audit_log";

    /// <summary>The retention anchor's table.</summary>
    public const string AnchorTable = "web_audit_anchor";

    /// <summary>SQLite.</summary>
    public const string Sqlite = """
        CREATE TABLE IF NOT EXISTS web_audit_anchor (
            id INTEGER NOT NULL CONSTRAINT pk_web_audit_anchor PRIMARY KEY,
            sequence INTEGER NOT NULL,
            hash TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS web_audit_log (
            sequence INTEGER NOT NULL CONSTRAINT pk_web_audit_log PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            resource TEXT NOT NULL,
            change TEXT NOT NULL,
            previous_hash TEXT NOT NULL,
            hash TEXT NOT NULL);
        """;

    /// <summary>PostgreSQL.</summary>
    public const string Postgres = """
        CREATE TABLE IF NOT EXISTS web_audit_anchor (
            id integer NOT NULL,
            sequence bigint NOT NULL,
            hash character varying(64) NOT NULL,
            CONSTRAINT pk_web_audit_anchor PRIMARY KEY (id));
        CREATE TABLE IF NOT EXISTS web_audit_log (
            sequence bigint NOT NULL,
            at timestamp with time zone NOT NULL,
            actor character varying(320) NOT NULL,
            action character varying(100) NOT NULL,
            resource character varying(400) NOT NULL,
            change text NOT NULL,
            previous_hash character varying(64) NOT NULL,
            hash character varying(64) NOT NULL,
            CONSTRAINT pk_web_audit_log PRIMARY KEY (sequence));
        """;
}
