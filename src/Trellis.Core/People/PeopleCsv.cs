using System.Globalization;
using Trellis.Core.Audits;
using Trellis.Core.Common;

namespace Trellis.Core.People;

/// <summary>One row of a staff CSV, checked: the person's fields and the newest training, if given.</summary>
/// <param name="Line">Line of the row in the file.</param>
/// <param name="Email">E-mail, lower case.</param>
/// <param name="Name">Name.</param>
/// <param name="Title">Role or title.</param>
/// <param name="StartDate">Start date.</param>
/// <param name="EndDate">End date (a leaver).</param>
/// <param name="Manager">Manager's e-mail.</param>
/// <param name="Screening">Screening done, when both columns are given.</param>
/// <param name="Training">A training completed, when both columns are given.</param>
public sealed record PersonRow(int Line, string Email, string Name, string Title, DateOnly? StartDate, DateOnly? EndDate, string? Manager, ScreeningRecord? Screening, TrainingCompletion? Training);

/// <summary>
/// Reads a staff register CSV (RFC 4180, UTF-8): header row required with exactly the known columns
/// (<see cref="Columns"/>; <c>email</c> and <c>name</c> mandatory, others optional, any order), at most
/// <see cref="MaxRows"/> rows and <see cref="MaxChars"/> characters. All or nothing: the first malformed cell fails the
/// whole file with an error naming its line and column.
/// </summary>
public static class PeopleCsv
{
    /// <summary>The largest file read (1 MiB of text).</summary>
    public const int MaxChars = 1 << 20;

    /// <summary>The most rows read.</summary>
    public const int MaxRows = 5_000;

    /// <summary>The longest cell (characters).</summary>
    public const int MaxCell = 320;

    /// <summary>The known columns, in the order an export writes them.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["email", "name", "title", "start_date", "end_date", "manager", "screened_on", "screened_by", "training_course", "training_date"];

    /// <summary>Parses the text.</summary>
    public static Result<IReadOnlyList<PersonRow>> Parse(string csv)
    {
        if (string.IsNullOrWhiteSpace(csv))
        {
            return Fail(1, null, "the CSV is empty: give a header row (email,name,...) and one row per person");
        }

        if (csv.Length > MaxChars)
        {
            return new Error(ErrorCodes.FieldTooLong, $"a staff CSV may have up to {MaxChars} characters", "csv");
        }

        var rows = PopulationCsv.Rows(csv.TrimStart('\uFEFF')).ToList();
        var header = rows[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        foreach (var h in header)
        {
            if (!Columns.Contains(h))
            {
                return Fail(1, h, $"unknown column '{h}' (known: {string.Join(", ", Columns)})");
            }
        }

        if (header.Distinct().Count() != header.Count)
        {
            return Fail(1, null, "a column is named twice in the header");
        }

        foreach (var must in new[] { "email", "name" })
        {
            if (!header.Contains(must))
            {
                return Fail(1, must, $"the header row names no '{must}' column");
            }
        }

        if (rows.Count - 1 > MaxRows)
        {
            return Fail(rows[MaxRows + 1].Line, null, $"a staff CSV has up to {MaxRows} rows");
        }

        var result = new List<PersonRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, fields) in rows.Skip(1).Where(r => r.Fields.Any(f => f.Trim().Length > 0)))
        {
            if (fields.Count > header.Count)
            {
                return Fail(line, null, $"the row has {fields.Count} cells; the header has {header.Count}");
            }

            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                var v = i < fields.Count ? fields[i].Trim() : "";
                if (v.Length > MaxCell || v.Any(char.IsControl))
                {
                    return Fail(line, header[i], $"the cell is longer than {MaxCell} characters or holds control characters");
                }

                cells[header[i]] = v;
            }

            var email = PersonRules.NormalizeEmail(cells["email"]);
            if (email is null)
            {
                return Fail(line, "email", $"'{cells["email"]}' is not an e-mail address");
            }

            if (!seen.Add(email))
            {
                return Fail(line, "email", $"{email} is listed twice");
            }

            if (cells["name"].Length == 0)
            {
                return Fail(line, "name", "the name is empty");
            }

            var dates = new Dictionary<string, DateOnly?>();
            foreach (var col in new[] { "start_date", "end_date", "screened_on", "training_date" })
            {
                var text = cells.GetValueOrDefault(col, "");
                if (text.Length == 0)
                {
                    dates[col] = null;
                }
                else if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    dates[col] = d;
                }
                else
                {
                    return Fail(line, col, $"'{text}' is not a date (YYYY-MM-DD)");
                }
            }

            if (dates["start_date"] is { } s && dates["end_date"] is { } e && e < s)
            {
                return Fail(line, "end_date", "the end date is before the start date");
            }

            var manager = cells.GetValueOrDefault("manager", "");
            string? managerEmail = null;
            if (manager.Length > 0 && (managerEmail = PersonRules.NormalizeEmail(manager)) is null)
            {
                return Fail(line, "manager", $"'{manager}' is not an e-mail address");
            }

            if (Pair(cells, dates, "screened_by", "screened_on", line) is { } e1)
            {
                return e1;
            }

            if (Pair(cells, dates, "training_course", "training_date", line) is { } e2)
            {
                return e2;
            }

            result.Add(new PersonRow(
                line,
                email,
                cells["name"],
                cells.GetValueOrDefault("title", ""),
                dates["start_date"],
                dates["end_date"],
                managerEmail,
                dates["screened_on"] is { } so ? new ScreeningRecord(so, cells["screened_by"]) : null,
                dates["training_date"] is { } td ? new TrainingCompletion(td, cells["training_course"]) : null));
        }

        return result.Count == 0 ? Fail(2, null, "the CSV lists no people below its header") : result;
    }

    // A text column and its date go together: both or neither.
    private static Error? Pair(Dictionary<string, string> cells, Dictionary<string, DateOnly?> dates, string text, string date, int line)
    {
        var hasText = cells.GetValueOrDefault(text, "").Length > 0;
        var hasDate = dates[date] is not null;
        return hasText == hasDate ? null : Fail(line, hasText ? date : text, $"{text} and {date} go together: give both or neither");
    }

    private static Error Fail(int line, string? column, string message) =>
        new(ErrorCodes.InvalidPerson, column is null ? $"staff CSV line {line}: {message}" : $"staff CSV line {line}, column {column}: {message}", column is null ? $"csv:{line}" : $"csv:{line}:{column}");
}

/// <summary>Rules every person obeys, whatever the way in (CSV, form, API, program.yaml).</summary>
public static class PersonRules
{
    /// <summary>The e-mail trimmed and lower-cased, or null when it is not one (one '@', no spaces, at most 320 characters).</summary>
    public static string? NormalizeEmail(string? text)
    {
        var t = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(t) || t.Length > 320 || t.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return null;
        }

        var at = t.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == t.LastIndexOf('@') && at < t.Length - 1 ? t : null;
    }
}
