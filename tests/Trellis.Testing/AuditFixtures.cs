using System.Globalization;
using Trellis.Core.Crosswalk;
using Trellis.Core.Evidence;
using Trellis.Core.Program;

namespace Trellis.Testing;

/// <summary>Explicit builders for audit tests for controls and evidence with effective dates (dates written YYYY-MM-DD).</summary>
public static class AuditFixtures
{
    /// <summary>A calendar date from <c>YYYY-MM-DD</c>.</summary>
    public static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An implemented control mapped (equal) to each requirement, written <c>framework:id</c>.</summary>
    public static Control Control(string id, Cadence cadence, params string[] requirements) => new()
    {
        Id = id,
        Title = $"Control {id}",
        Cadence = cadence,
        Status = ImplementationStatus.Implemented,
        Mappings = requirements.Select(r =>
        {
            var i = r.IndexOf(':', StringComparison.Ordinal);
            return new ControlMapping(new RequirementRef(r[..i], r[(i + 1)..]), Relationship.Equal);
        }).ToList(),
    };

    /// <summary>
    /// An evidence item for the given controls with one version per effective period, each written
    /// <c>YYYY-MM-DD</c> (one day) or <c>YYYY-MM-DD..YYYY-MM-DD</c>.
    /// </summary>
    public static EvidenceItem EvidenceFor(string id, string[] controlIds, params string[] effective) => new()
    {
        Id = id,
        Title = $"Evidence {id}",
        ControlIds = controlIds,
        Versions = effective.Select((e, i) =>
        {
            var parts = e.Split("..");
            return new EvidenceVersion
            {
                Number = i + 1,
                Url = $"https://example.test/{id}/{i + 1}",
                CollectedAt = new DateTimeOffset(D(parts[^1]).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                EffectiveFrom = D(parts[0]),
                EffectiveTo = parts.Length > 1 ? D(parts[1]) : null,
            };
        }).ToList(),
    };
}
