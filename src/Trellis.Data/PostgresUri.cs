using Npgsql;
using Trellis.Core.Common;

namespace Trellis.Data;

/// <summary>Turns a <c>postgres://user:password@host:port/database?sslmode=require</c> URI into an Npgsql connection string.</summary>
internal static class PostgresUri
{
    public static Result<string> ToConnectionString(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var u) || string.IsNullOrEmpty(u.Host))
        {
            return DataErrors.InvalidDatabase("a PostgreSQL URI looks like postgres://user:password@host:5432/database");
        }

        var b = new NpgsqlConnectionStringBuilder { Host = u.Host.Trim('[', ']') };
        if (u.Port > 0)
        {
            b.Port = u.Port;
        }

        if (u.UserInfo.Length > 0)
        {
            var parts = u.UserInfo.Split(':', 2);
            b.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                b.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        var database = Uri.UnescapeDataString(u.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            b.Database = database;
        }

        foreach (var pair in u.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]);
            var value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";

            // libpq spells it sslmode; Npgsql accepts "SSL Mode" and its own synonyms (throws on unknown keys).
            b[key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? "SSL Mode" : key] = value;
        }

        return b.ConnectionString;
    }
}
