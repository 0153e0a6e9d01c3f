using Trellis.Core.Risks;
using Trellis.Core.Serialization;

namespace Trellis.Exchange.ProgramAsCode;

/// <summary>Reads <c>riskMatrix</c> and one item of <c>risks</c> (ISO/IEC 27001 6.1.2, 6.1.3).</summary>
internal static class RiskSection
{
    private static readonly string[] MatrixKeys = ["likelihoodLevels", "impactLevels", "levels", "acceptanceThreshold"];
    private static readonly string[] LevelKeys = ["name", "minScore"];

    private static readonly string[] RiskKeys =
    [
        "id", "title", "asset", "threat", "vulnerability", "owner",
        "inherentLikelihood", "inherentImpact", "residualLikelihood", "residualImpact",
        "treatment", "controls", "requirements", "plan", "acceptance",
    ];

    private static readonly string[] ActionKeys = ["description", "controls", "due", "done"];
    private static readonly string[] AcceptanceKeys = ["approver", "acceptedOn", "expires"];

    // Ratings are checked against the matrix by the validator; the reader only needs whole numbers.
    private const int MaxRating = 1000;

    public static RiskMatrix ReadMatrix(YamlMap? map, YamlFields f)
    {
        if (map is null)
        {
            return RiskMatrix.Default;
        }

        f.OnlyKeys(map, MatrixKeys);
        var defaults = RiskMatrix.Default;
        var levels = f.Maps(map, "levels", required: true).Select(l =>
        {
            f.OnlyKeys(l, LevelKeys);
            return new RiskLevel(f.String(l, "name", required: true) ?? "", f.Int(l, "minScore", 1, MaxRating * MaxRating, required: true) ?? 1);
        }).ToList();
        return new RiskMatrix
        {
            LikelihoodLevels = f.Int(map, "likelihoodLevels", 1, MaxRating, required: true) ?? defaults.LikelihoodLevels,
            ImpactLevels = f.Int(map, "impactLevels", 1, MaxRating, required: true) ?? defaults.ImpactLevels,
            Levels = levels,
            AcceptanceThreshold = f.String(map, "acceptanceThreshold", required: true) ?? defaults.AcceptanceThreshold,
        };
    }

    public static Risk Read(YamlMap map, YamlFields f)
    {
        f.OnlyKeys(map, RiskKeys);
        return new Risk
        {
            Id = f.String(map, "id", required: true) ?? "",
            Title = f.String(map, "title", required: true) ?? "",
            Asset = f.String(map, "asset") ?? "",
            Threat = f.String(map, "threat") ?? "",
            Vulnerability = f.String(map, "vulnerability") ?? "",
            Owner = f.String(map, "owner") ?? "",
            InherentLikelihood = f.Int(map, "inherentLikelihood", 0, MaxRating, required: true) ?? 1,
            InherentImpact = f.Int(map, "inherentImpact", 0, MaxRating, required: true) ?? 1,
            ResidualLikelihood = f.Int(map, "residualLikelihood", 0, MaxRating, required: true) ?? 1,
            ResidualImpact = f.Int(map, "residualImpact", 0, MaxRating, required: true) ?? 1,
            Treatment = f.Wire<RiskTreatment>(map, "treatment", RiskTreatments.TryParse, RiskTreatments.WireNames, required: true) ?? default,
            ControlIds = f.Strings(map, "controls"),
            RequirementIds = f.Strings(map, "requirements"),
            Plan = f.Maps(map, "plan").Select(a => ReadAction(a, f)).ToList(),
            Acceptance = ReadAcceptance(f.AsMap(map["acceptance"], "acceptance"), f),
        };
    }

    private static TreatmentAction ReadAction(YamlMap map, YamlFields f)
    {
        f.OnlyKeys(map, ActionKeys);
        return new TreatmentAction(
            f.String(map, "description", required: true) ?? "",
            f.Strings(map, "controls"),
            f.Date(map, "due"),
            f.Bool(map, "done") ?? false);
    }

    private static RiskAcceptance? ReadAcceptance(YamlMap? map, YamlFields f)
    {
        if (map is null)
        {
            return null;
        }

        f.OnlyKeys(map, AcceptanceKeys);
        return new RiskAcceptance(
            f.String(map, "approver", required: true) ?? "",
            f.Date(map, "acceptedOn", required: true) ?? default,
            f.Date(map, "expires"));
    }
}
