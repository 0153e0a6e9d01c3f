namespace Trellis.Data;

/// <summary>The database engines Trellis runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>A SQLite file: the default, for one machine.</summary>
    Sqlite,

    /// <summary>PostgreSQL: for several app instances sharing one database.</summary>
    Postgres,
}
