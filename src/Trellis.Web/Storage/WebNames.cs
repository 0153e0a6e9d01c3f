using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Trellis.Web.Storage;

/// <summary>
/// Names every table <c>web_*</c> and every column, key and index snake_case, on every provider, so raw SQL
/// (and an operator reading the database) sees the same names on SQLite and PostgreSQL.
/// </summary>
internal static class WebNames
{
    public static void Apply(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            table = table.StartsWith("AspNet", StringComparison.Ordinal) ? table["AspNet".Length..] : table;
            table = Snake(table);
            entity.SetTableName(table.StartsWith("web_", StringComparison.Ordinal) ? table : "web_" + table);
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(Snake(property.Name));
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName(key.IsPrimaryKey() ? $"pk_{entity.GetTableName()}" : $"ak_{entity.GetTableName()}_{Columns(key.Properties)}");
            }

            foreach (var fk in entity.GetForeignKeys())
            {
                fk.SetConstraintName($"fk_{entity.GetTableName()}_{Columns(fk.Properties)}");
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName($"ix_{entity.GetTableName()}_{Columns(index.Properties)}");
            }
        }
    }

    private static string Columns(IEnumerable<Microsoft.EntityFrameworkCore.Metadata.IReadOnlyProperty> properties) =>
        string.Join("_", properties.Select(p => p.GetColumnName()));

    internal static string Snake(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_' && (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
