using System.Globalization;
using Trellis.Core.Common;

namespace Trellis.Core.Audits;

/// <summary>
/// A population list the compliance lead uploads for a control in an engagement (when the ledger's occurrences are not
/// the population: tickets, changes, joiners), kept with the query or filter that produced it and the CSV as uploaded.
/// </summary>
public sealed record Population
{
    /// <summary>Population ID, <c>POP-0001</c> onwards.</summary>
    public required string Id { get; init; }

    /// <summary>The engagement.</summary>
    public required string EngagementId { get; init; }

    /// <summary>The control whose occurrences it lists.</summary>
    public required string ControlId { get; init; }

    /// <summary>The query or filter that produced the list, as the lead wrote it.</summary>
    public required string Query { get; init; }

    /// <summary>The CSV as uploaded.</summary>
    public required string Csv { get; init; }

    /// <summary>The rows, in file order.</summary>
    public required IReadOnlyList<PopulationItem> Items { get; init; }

    /// <summary>Who uploaded it.</summary>
    public required string UploadedBy { get; init; }

    /// <summary>When (UTC).</summary>
    public required DateTimeOffset UploadedAt { get; init; }
}

/// <summary>A sample drawn from a population, with everything needed to draw it again.</summary>
public sealed record AuditSample
{
    /// <summary>Sample ID, <c>SMP-0001</c> onwards.</summary>
    public required string Id { get; init; }

    /// <summary>The engagement.</summary>
    public required string EngagementId { get; init; }

    /// <summary>The control tested.</summary>
    public required string ControlId { get; init; }

    /// <summary><c>ledger</c> (the control's due occurrences in the window) or the ID of an uploaded population.</summary>
    public required string PopulationSource { get; init; }

    /// <summary>How many items the population had.</summary>
    public required int PopulationSize { get; init; }

    /// <summary>The method (<see cref="Sampling.Method"/>).</summary>
    public required string Method { get; init; }

    /// <summary>The seed.</summary>
    public required ulong Seed { get; init; }

    /// <summary>The items drawn, in population order.</summary>
    public required IReadOnlyList<PopulationItem> Items { get; init; }

    /// <summary>The requests raised for the items, in item order.</summary>
    public IReadOnlyList<string> RequestIds { get; init; } = [];

    /// <summary>Who drew it.</summary>
    public required string DrawnBy { get; init; }

    /// <summary>When (UTC).</summary>
    public required DateTimeOffset DrawnAt { get; init; }
}

/// <summary>
/// Reads a population CSV: a header row naming <c>item</c> (required), and optionally <c>occurredOn</c> (YYYY-MM-DD) and
/// <c>evidence</c> (IDs separated by <c>;</c>); RFC 4180 quoting. Errors name the line.
/// </summary>
public static class PopulationCsv
{
    /// <summary>The largest file read (1 MiB of text).</summary>
    public const int MaxChars = 1 << 20;

    /// <summary>The most rows read.</summary>
    public const int MaxRows = 10_000;

    /// <summary>Parses the text.</summary>
    public static Result<IReadOnlyList<PopulationItem>> Parse(string csv)
    {
        if (string.IsNullOrWhiteSpace(csv))
        {
            return Fail(1, "the CSV is empty: give a header row with 'item' and one row per item");
        }

        if (csv.Length > MaxChars)
        {
            return new Error(ErrorCodes.FieldTooLong, $"a population CSV may have up to {MaxChars} characters", "csv");
        }

        var rows = Rows(csv).ToList();
        var header = rows[0].Fields.Select(h => h.Trim()).ToList();
        var (item, on, evidence) = (Col(header, "item"), Col(header, "occurredOn"), Col(header, "evidence"));
        if (item < 0)
        {
            return Fail(1, $"the header row names no 'item' column (it has: {string.Join(", ", header)})");
        }

        if (rows.Count - 1 > MaxRows)
        {
            return Fail(rows[MaxRows + 1].Line, $"a population has up to {MaxRows} rows");
        }

        var items = new List<PopulationItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, fields) in rows.Skip(1).Where(r => r.Fields.Any(f => f.Trim().Length > 0)))
        {
            var name = Get(fields, item);
            if (name.Length == 0 || !seen.Add(name))
            {
                return Fail(line, name.Length == 0 ? "the item is empty" : $"item '{name}' is listed twice");
            }

            DateOnly? day = null;
            if (Get(fields, on) is { Length: > 0 } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    return Fail(line, $"occurredOn '{text}' is not a date (YYYY-MM-DD)");
                }

                day = d;
            }

            items.Add(new PopulationItem(name, day, [.. Get(fields, evidence).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]));
        }

        return items.Count == 0 ? Fail(2, "the CSV lists no items below its header") : items;
    }

    private static int Col(List<string> header, string name) => header.FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));

    private static string Get(IReadOnlyList<string> fields, int i) => i >= 0 && i < fields.Count ? fields[i].Trim() : "";

    private static Error Fail(int line, string message) => new(ErrorCodes.InvalidSample, $"population CSV line {line}: {message}", $"csv:{line}");

    // RFC 4180: fields separated by commas, quoted fields may hold commas, quotes ("") and line breaks.
    internal static IEnumerable<(int Line, IReadOnlyList<string> Fields)> Rows(string csv)
    {
        var (fields, field, quoted, line, start) = (new List<string>(), new System.Text.StringBuilder(), false, 1, 1);
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                yield return (start, fields);
                fields = [];
                start = ++line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (start, fields);
        }
    }
}
