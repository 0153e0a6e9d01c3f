using Trellis.Core.Common;
using Trellis.Core.Program;
using Trellis.Core.Serialization;

namespace Trellis.Exchange.ProgramAsCode;

/// <summary>Reads <c>soa</c>: the Statement of Applicability's approval and its rows (ISO/IEC 27001 6.1.3 d).</summary>
internal static class SoaSection
{
    private static readonly string[] SoaKeys = ["version", "approvedBy", "approvedOn", "rows"];
    private static readonly string[] ApprovalKeys = ["version", "approvedBy", "approvedOn"];
    private static readonly string[] RowKeys = ["control", "applicable", "justification", "reasons", "declaredStatus"];

    public static IReadOnlyList<SoaDecision> ReadRows(YamlMap? map, YamlFields f)
    {
        if (map is null)
        {
            return [];
        }

        f.OnlyKeys(map, SoaKeys);
        return f.Maps(map, "rows").Select(r => ReadRow(r, f)).ToList();
    }

    /// <summary>The approval block: absent entirely, or version, approver and date together.</summary>
    public static SoaApproval? ReadApproval(YamlMap? map, YamlFields f)
    {
        if (map is null || !ApprovalKeys.Any(k => map[k] is not null))
        {
            return null;
        }

        return new SoaApproval(
            f.String(map, "version", required: true) ?? "",
            f.String(map, "approvedBy", required: true) ?? "",
            f.Date(map, "approvedOn", required: true) ?? default);
    }

    private static SoaDecision ReadRow(YamlMap map, YamlFields f)
    {
        f.OnlyKeys(map, RowKeys);
        var applicable = f.Bool(map, "applicable");
        if (map["applicable"] is null or YamlScalar { IsNull: true })
        {
            f.Fail(map.Line, ErrorCodes.MissingField, "required field 'applicable' is missing");
        }

        return new SoaDecision
        {
            Control = f.String(map, "control", required: true) ?? "",
            Applicable = applicable ?? true,
            Justification = f.String(map, "justification") ?? "",
            Reasons = f.WireList<InclusionReason>(map, "reasons", InclusionReasons.TryParse, InclusionReasons.WireNames),
            DeclaredStatus = f.Wire<ImplementationStatus>(map, "declaredStatus", ImplementationStatuses.TryParse, ImplementationStatuses.WireNames),
        };
    }
}
