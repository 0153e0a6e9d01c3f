using System.Globalization;
using ClosedXML.Excel;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Program;

namespace Trellis.Exchange.Spreadsheets;

/// <summary>Reads one row of the Controls sheet into a <see cref="Control"/>, reporting every problem in it.</summary>
internal sealed class ControlRowReader(IXLWorksheet sheet, IReadOnlyDictionary<string, int> columns, CellReading cells, FrameworkCatalog catalog)
{
    private static readonly char[] MappingSeparators = [';', '\n', '\r'];
    private readonly Dictionary<string, int> _idRows = new(Ids.Comparer);

    /// <summary>The control in <paramref name="row"/>; null when the row is empty or has a problem.</summary>
    public Control? Read(int row)
    {
        var cell = new Dictionary<string, IXLCell>(StringComparer.Ordinal);
        foreach (var (field, column) in columns)
        {
            cell[field] = sheet.Cell(row, column);
        }

        if (cell.Values.All(c => c.IsEmpty(XLCellsUsedOptions.Contents)))
        {
            return null;
        }

        var before = cells.Failures;
        var text = cell.ToDictionary(c => c.Key, c => cells.Text(c.Value, c.Key), StringComparer.Ordinal);
        var id = Id(cell["id"], text["id"]?.Trim(), row);
        var title = text["title"];
        if (title is not null && string.IsNullOrWhiteSpace(title))
        {
            cells.Fail(cell["title"], "title", ErrorCodes.MissingValue, "a control needs a title");
        }

        var cadence = Wire<Cadence>(cell["cadence"], "cadence", text["cadence"], Cadences.WireNames.ToList(), Cadences.TryParse);
        var status = Wire<ImplementationStatus>(cell["status"], "status", text["status"], ImplementationStatuses.WireNames, ImplementationStatuses.TryParse);
        var mappings = Mappings(cell["mappings"], text["mappings"]);
        if (cells.Failures != before)
        {
            return null;
        }

        return new Control
        {
            Id = id!,
            Title = title!,
            Description = text["description"]!,
            Owner = text["owner"]!.Trim(),
            Cadence = cadence!.Value,
            Status = status!.Value,
            Mappings = mappings,
        };
    }

    private string? Id(IXLCell cell, string? id, int row)
    {
        if (id is null)
        {
            return null;
        }

        if (id.Length == 0)
        {
            cells.Fail(cell, "id", ErrorCodes.MissingValue, "a control needs an ID, e.g. AC-01");
        }
        else if (id.Length > ControlWorkbookReader.MaxIdLength)
        {
            cells.Fail(cell, "id", ErrorCodes.TooLong, $"the ID has {id.Length.ToString(CultureInfo.InvariantCulture)} characters; the limit is {ControlWorkbookReader.MaxIdLength.ToString(CultureInfo.InvariantCulture)}");
        }
        else if (!Ids.IsValid(id))
        {
            cells.Fail(cell, "id", ErrorCodes.InvalidId, Ids.Check(id, "id", "control")!.Message);
        }
        else if (!_idRows.TryAdd(id, row))
        {
            cells.Fail(cell, "id", ErrorCodes.DuplicateId, $"control ID '{id}' is already used in row {_idRows[id].ToString(CultureInfo.InvariantCulture)}");
        }

        return id;
    }

    private T? Wire<T>(IXLCell cell, string field, string? text, IReadOnlyList<string> names, WireParser<T> parse)
        where T : struct
    {
        if (text is null)
        {
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            cells.Fail(cell, field, ErrorCodes.MissingValue, $"a control needs a {field}: one of {string.Join(", ", names)}");
            return null;
        }

        // Wire names are lowercase; "Monthly" typed by hand means monthly.
        var name = names.FirstOrDefault(n => n.Equals(trimmed, StringComparison.OrdinalIgnoreCase));
        if (name is not null && parse(name, out var value))
        {
            return value;
        }

        cells.Fail(cell, field, ErrorCodes.UnknownValue, $"'{CellReading.Shorten(trimmed)}' is not a {field}; expected one of {string.Join(", ", names)}");
        return null;
    }

    private List<ControlMapping> Mappings(IXLCell cell, string? text)
    {
        var mappings = new List<ControlMapping>();
        if (text is null)
        {
            return mappings;
        }

        var seen = new HashSet<RequirementRef>();
        foreach (var item in text.Split(MappingSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (Mapping(cell, item) is { } mapping)
            {
                if (seen.Add(mapping.Requirement))
                {
                    mappings.Add(mapping);
                }
                else
                {
                    cells.Fail(cell, "mappings", ErrorCodes.DuplicateMapping, $"'{CellReading.Shorten(item)}': {mapping.Requirement} is mapped twice; keep one relationship per requirement");
                }
            }
        }

        return mappings;
    }

    private ControlMapping? Mapping(IXLCell cell, string item)
    {
        var equals = item.LastIndexOf('=');
        var colon = item.IndexOf(':', StringComparison.Ordinal);
        if (equals < 0 || colon <= 0 || colon > equals - 2)
        {
            cells.Fail(cell, "mappings", ErrorCodes.InvalidMapping, $"'{CellReading.Shorten(item)}' is not framework:requirement=relationship, e.g. iso27001-2022:A.5.15=equal");
            return null;
        }

        var requirement = new RequirementRef(item[..colon].Trim(), item[(colon + 1)..equals].Trim());
        var relationshipText = item[(equals + 1)..].Trim();
        var relationshipName = ControlSheet.MappingRelationshipNames.FirstOrDefault(n => n.Equals(relationshipText, StringComparison.OrdinalIgnoreCase));
        var found = catalog.Requirement(requirement.Framework, requirement.Requirement);
        var ok = true;
        if (!found.IsSuccess)
        {
            cells.Fail(cell, "mappings", found.Error!.Code, $"'{CellReading.Shorten(item)}': {found.Error.Message}");
            ok = false;
        }

        if (relationshipName is null || !Relationships.TryParse(relationshipName, out Relationship relationship))
        {
            var why = relationshipText.Equals(Relationship.NoRelationship.ToWire(), StringComparison.OrdinalIgnoreCase)
                ? "no-relationship is not a mapping; remove the item instead"
                : $"'{CellReading.Shorten(relationshipText)}' is not a relationship; expected one of {string.Join(", ", ControlSheet.MappingRelationshipNames)}";
            cells.Fail(cell, "mappings", ErrorCodes.InvalidRelationship, $"'{CellReading.Shorten(item)}': {why}");
            return null;
        }

        return ok ? new ControlMapping(requirement, relationship) : null;
    }

    private delegate bool WireParser<T>(string? text, out T value);
}
