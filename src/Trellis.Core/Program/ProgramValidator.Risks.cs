using System.Globalization;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;
using Trellis.Core.Risks;

namespace Trellis.Core.Program;

/// <summary>Risk register, risk matrix and Statement of Applicability checks (ISO/IEC 27001 6.1.2, 6.1.3).</summary>
public static partial class ProgramValidator
{
    /// <summary>
    /// Validates one risk of a program the way <see cref="Validate"/> does (ISO/IEC 27001 6.1.2 c–d, 6.1.3):
    /// likelihood and impact inside <paramref name="matrix"/> (<c>off-matrix</c>), linked controls among
    /// <paramref name="controlIds"/> (<c>unknown-control</c>), requirements that exist in
    /// <paramref name="catalog"/>, and an acceptance that does not expire before it was given
    /// (<c>invalid-period</c>). Locations are those of <see cref="Validate"/>, e.g. <c>risks[R-01].inherentImpact</c>.
    /// </summary>
    /// <param name="risk">The risk to check.</param>
    /// <param name="matrix">The program's risk matrix.</param>
    /// <param name="controlIds">The IDs of the program's controls.</param>
    /// <param name="catalog">The frameworks requirement references are resolved against.</param>
    /// <returns>Every problem found; empty when there is none.</returns>
    public static IReadOnlyList<Error> ValidateRisk(Risk risk, RiskMatrix matrix, IEnumerable<string> controlIds, FrameworkCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(risk);
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(controlIds);
        ArgumentNullException.ThrowIfNull(catalog);
        var errors = new List<Error>();
        CheckRisk(risk, matrix, controlIds.ToHashSet(StringComparer.Ordinal), catalog, errors);
        return errors;
    }

    private static void CheckRisk(Risk risk, RiskMatrix matrix, HashSet<string> controlIds, FrameworkCatalog catalog, List<Error> errors)
    {
        var at = $"risks[{risk.Id}]";
        CheckRating(risk.InherentLikelihood, matrix.LikelihoodLevels, "likelihood", $"{at}.inherentLikelihood", risk.Id, errors);
        CheckRating(risk.InherentImpact, matrix.ImpactLevels, "impact", $"{at}.inherentImpact", risk.Id, errors);
        CheckRating(risk.ResidualLikelihood, matrix.LikelihoodLevels, "likelihood", $"{at}.residualLikelihood", risk.Id, errors);
        CheckRating(risk.ResidualImpact, matrix.ImpactLevels, "impact", $"{at}.residualImpact", risk.Id, errors);
        CheckControlRefs(risk.ControlIds, controlIds, $"{at}.controls", $"risk '{risk.Id}'", errors);
        for (var i = 0; i < risk.RequirementIds.Count; i++)
        {
            if (ResolveRiskRequirement(risk.RequirementIds[i], catalog) is { } error)
            {
                errors.Add(error with { Location = $"{at}.requirements[{i}]" });
            }
        }

        for (var i = 0; i < risk.Plan.Count; i++)
        {
            CheckControlRefs(risk.Plan[i].ControlIds, controlIds, $"{at}.plan[{i}].controls", $"risk '{risk.Id}' plan action {i}", errors);
        }

        if (risk.Acceptance is { Expires: { } expires } acceptance && expires < acceptance.AcceptedOn)
        {
            errors.Add(new Error(
                ErrorCodes.InvalidPeriod,
                $"the acceptance of risk '{risk.Id}' expires on {Iso(expires)}, before it was given on {Iso(acceptance.AcceptedOn)}",
                $"{at}.acceptance.expires"));
        }
    }

    // A risk requirement is an Annex A control ID (the SoA's vocabulary), or framework:requirement for any other.
    private static Error? ResolveRiskRequirement(string text, FrameworkCatalog catalog)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var result = colon < 0
            ? catalog.Requirement(FrameworkIds.Iso27001v2022, text)
            : catalog.Requirement(text[..colon], text[(colon + 1)..]);
        return result.IsSuccess ? null : result.Error;
    }

    private static void CheckRating(int value, int levels, string axis, string at, string riskId, List<Error> errors)
    {
        if (value < 1 || value > levels)
        {
            errors.Add(new Error(
                ErrorCodes.OffMatrix,
                $"risk '{riskId}' has {axis} {value.ToString(CultureInfo.InvariantCulture)}, outside the matrix (1 to {levels.ToString(CultureInfo.InvariantCulture)})",
                at));
        }
    }

    private static void CheckMatrix(RiskMatrix matrix, List<Error> errors)
    {
        if (matrix.LikelihoodLevels < 1 || matrix.ImpactLevels < 1)
        {
            errors.Add(new Error(ErrorCodes.InvalidMatrix, "the risk matrix needs at least one likelihood and one impact level", "riskMatrix"));
        }

        if (matrix.Levels.Count == 0 || matrix.Levels[0].MinScore != 1)
        {
            errors.Add(new Error(ErrorCodes.InvalidMatrix, "the first risk level must start at score 1", "riskMatrix.levels"));
        }

        for (var i = 1; i < matrix.Levels.Count; i++)
        {
            if (matrix.Levels[i].MinScore <= matrix.Levels[i - 1].MinScore)
            {
                errors.Add(new Error(ErrorCodes.InvalidMatrix, $"risk level '{matrix.Levels[i].Name}' must start above '{matrix.Levels[i - 1].Name}'", $"riskMatrix.levels[{i}].minScore"));
            }
        }

        var names = matrix.Levels.Select(l => l.Name).ToList();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            errors.Add(new Error(ErrorCodes.InvalidMatrix, "risk level names must be unique", "riskMatrix.levels"));
        }

        if (!names.Contains(matrix.AcceptanceThreshold, StringComparer.Ordinal))
        {
            errors.Add(new Error(
                ErrorCodes.InvalidMatrix,
                $"the acceptance threshold '{matrix.AcceptanceThreshold}' is not a level; expected one of {string.Join(", ", names)}",
                "riskMatrix.acceptanceThreshold"));
        }
    }

    private static void CheckSoaRow(SoaDecision row, FrameworkCatalog catalog, List<Error> errors)
    {
        var at = $"soa.rows[{row.Control}]";
        var iso = catalog.Framework(FrameworkIds.Iso27001v2022);
        if (!iso.IsSuccess)
        {
            errors.Add(iso.Error! with { Location = $"{at}.control" });
        }
        else if (iso.Value.Find(row.Control) is not { Kind: RequirementKind.Control } || !row.Control.StartsWith("A.", StringComparison.Ordinal))
        {
            var annexA = iso.Value.Requirements.Where(r => r.Kind == RequirementKind.Control && r.Id.StartsWith("A.", StringComparison.Ordinal)).Select(r => r.Id);
            errors.Add(new Error(
                ErrorCodes.NotAnnexA,
                $"the SoA lists Annex A controls only; '{row.Control}' is not one (nearest: {string.Join(", ", Suggestions.Nearest(row.Control, annexA))})",
                $"{at}.control"));
        }

        if (!row.Applicable && string.IsNullOrWhiteSpace(row.Justification))
        {
            errors.Add(new Error(
                ErrorCodes.JustificationRequired,
                $"SoA row '{row.Control}' is excluded without a justification (ISO/IEC 27001 6.1.3 d)",
                $"{at}.justification"));
        }
    }
}
