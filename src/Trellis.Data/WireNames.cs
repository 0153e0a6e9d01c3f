using Trellis.Core.Crosswalk;
using Trellis.Core.Program;
using Trellis.Core.Risks;

namespace Trellis.Data;

/// <summary>
/// Text stored for Core enums: the wire names Core defines (so hand-written SQL reads
/// <c>status = 'implemented'</c>), lowercase names where Core defines none. An unknown stored value is a
/// corrupt database, hence an exception.
/// </summary>
internal static class WireNames
{
    public static Cadence ParseCadence(string text) =>
        Cadences.TryParse(text, out var c) ? c : throw Corrupt("cadence", text);

    public static ImplementationStatus ParseStatus(string text) =>
        ImplementationStatuses.TryParse(text, out var s) ? s : throw Corrupt("implementation status", text);

    public static Relationship ParseRelationship(string text) =>
        Relationships.TryParse(text, out Relationship r) ? r : throw Corrupt("relationship", text);

    public static string ToWire(RiskTreatment treatment) => treatment.ToString().ToLowerInvariant();

    public static RiskTreatment ParseTreatment(string text) => ParseLower<RiskTreatment>(text, "risk treatment");

    public static string ToWire(InclusionReason reason) => reason.ToString().ToLowerInvariant();

    public static InclusionReason ParseReason(string text) => ParseLower<InclusionReason>(text, "inclusion reason");

    private static T ParseLower<T>(string text, string what)
        where T : struct, Enum
    {
        foreach (var v in Enum.GetValues<T>())
        {
            if (string.Equals(v.ToString().ToLowerInvariant(), text, StringComparison.Ordinal))
            {
                return v;
            }
        }

        throw Corrupt(what, text);
    }

    private static InvalidOperationException Corrupt(string what, string text) =>
        new($"The database holds an unknown {what} '{text}'.");
}
