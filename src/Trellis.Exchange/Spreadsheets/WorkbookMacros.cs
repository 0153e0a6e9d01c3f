using System.Xml;
using Trellis.Core.Common;

namespace Trellis.Exchange.Spreadsheets;

/// <summary>
/// Finds macros in a workbook package by what the package declares, not by part names (issue 14, hole I: a VBA
/// project renamed <c>xl/evilcode.bin</c>, or an Excel 4.0 macro sheet, passed a check for <c>vbaProject.bin</c>).
/// Refused: a content type (a <c>Default</c> by extension or an <c>Override</c> by part name in
/// <c>[Content_Types].xml</c>) of a VBA project or its signature, a macro sheet (Excel 4.0, also international) or a
/// macro-enabled workbook (ECMA-376 Part 2, 10.1.2.2; MS-OFFCRYPTO/MS-OVBA name these types); a relationship
/// (any <c>.rels</c> part) whose type is a VBA project or a macro sheet; and a defined name that Excel runs on
/// opening or closing (<c>Auto_Open</c>, <c>Auto_Close</c>, <c>Auto_Activate</c>, <c>Auto_Deactivate</c> and names
/// starting with them).
/// </summary>
internal static class WorkbookMacros
{
    private static readonly string[] MacroContentTypes = ["vbaproject", "macrosheet", "macroenabled"];
    private static readonly string[] MacroRelationships = ["vbaproject", "macrosheet"];
    private static readonly string[] AutoRunNames = ["auto_open", "auto_close", "auto_activate", "auto_deactivate"];
    private static readonly byte[] DefinedNameUtf8 = "definedName"u8.ToArray();
    private static readonly byte[] DefinedNameUtf16 = System.Text.Encoding.Unicode.GetBytes("definedName");

    /// <summary>The macros one XML part declares; empty when none (or when the part is not well-formed XML, which the reader refuses later).</summary>
    public static IReadOnlyList<Error> Check(string partName, ReadOnlyMemory<byte> xml, string source)
    {
        var contentTypes = partName.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase);
        var relationships = partName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);
        if (!contentTypes && !relationships && xml.Span.IndexOf(DefinedNameUtf8) < 0 && xml.Span.IndexOf(DefinedNameUtf16) < 0)
        {
            return [];
        }

        var errors = new List<Error>();
        try
        {
            using var stream = new MemoryStream(xml.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true });
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (contentTypes && reader.LocalName is "Default" or "Override" && reader.GetAttribute("ContentType") is { } type
                    && MacroContentTypes.Any(m => type.Contains(m, StringComparison.OrdinalIgnoreCase)))
                {
                    var what = reader.LocalName == "Default" ? $"files ending .{reader.GetAttribute("Extension")}" : $"part '{reader.GetAttribute("PartName")}'";
                    errors.Add(Macro($"{what} declared as {type}", source));
                }
                else if (relationships && reader.LocalName == "Relationship" && reader.GetAttribute("Type") is { } relType
                    && MacroRelationships.Any(m => relType[(relType.LastIndexOf('/') + 1)..].Contains(m, StringComparison.OrdinalIgnoreCase)))
                {
                    errors.Add(Macro($"'{partName}' links '{reader.GetAttribute("Target")}' as {relType}", source));
                }
                else if (reader.LocalName == "definedName" && reader.GetAttribute("name") is { } name && IsAutoRun(name))
                {
                    errors.Add(Macro($"the defined name '{name}' runs when the workbook opens or closes", source));
                }
            }
        }
        catch (XmlException)
        {
            // Not well-formed: ClosedXML refuses the workbook as unreadable.
        }

        return errors;
    }

    private static bool IsAutoRun(string name)
    {
        var bare = name.StartsWith("_xlnm.", StringComparison.OrdinalIgnoreCase) ? name[6..] : name;
        return AutoRunNames.Any(a => bare.StartsWith(a, StringComparison.OrdinalIgnoreCase));
    }

    private static Error Macro(string why, string source) => new(
        ErrorCodes.MacroEnabled,
        $"the workbook contains macros ({why}); Trellis does not accept macro-enabled workbooks, save it as an Excel workbook (.xlsx) without macros",
        source);
}
