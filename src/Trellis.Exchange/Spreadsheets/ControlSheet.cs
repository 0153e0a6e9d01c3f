using Trellis.Core.Crosswalk;
using Trellis.Core.Program;

namespace Trellis.Exchange.Spreadsheets;

/// <summary>
/// The layout shared by <see cref="ControlTemplate"/> and <see cref="ControlWorkbookReader"/>: sheet names, the
/// column headers (the same field names as <c>controls</c> in program.yaml) and the text form of mappings,
/// <c>framework:requirement=relationship</c> separated by semicolons or line breaks, e.g.
/// <c>iso27001-2022:A.5.15=equal; soc2-2017:CC6.1=subset-of</c>.
/// </summary>
public static class ControlSheet
{
    /// <summary>The sheet holding one control per row, with its header in row 1.</summary>
    public const string ControlsSheet = "Controls";

    /// <summary>The sheet explaining how to fill in the template.</summary>
    public const string InstructionsSheet = "Instructions";

    /// <summary>The hidden sheet holding the valid values the drop-down lists use.</summary>
    public const string ListsSheet = "Lists";

    /// <summary>Column headers of the Controls sheet, in the template's order. All are required in a workbook being read.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["id", "title", "description", "owner", "cadence", "status", "mappings"];

    /// <summary>Relationship wire names a control may have to a requirement (no-relationship is not one: leave the mapping out).</summary>
    public static IReadOnlyList<string> MappingRelationshipNames { get; } =
        Relationships.WireNames.Where(n => n != Relationship.NoRelationship.ToWire()).ToArray();

    /// <summary>The mappings cell text of a control: <c>framework:requirement=relationship</c> items joined by <c>"; "</c>.</summary>
    public static string FormatMappings(IEnumerable<ControlMapping> mappings) =>
        string.Join("; ", mappings.Select(m => $"{m.Requirement}={m.Relationship.ToWire()}"));
}
