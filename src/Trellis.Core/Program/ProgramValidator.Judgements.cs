using Trellis.Core.Common;
using Trellis.Core.Crosswalk;

namespace Trellis.Core.Program;

/// <summary>Judgement checks (docs/crosswalk-rules.md, rule 8).</summary>
public static partial class ProgramValidator
{
    private static void CheckJudgements(IReadOnlyList<Judgement> judgements, HashSet<string> controlIds, FrameworkCatalog catalog, List<Error> errors)
    {
        var seen = new Dictionary<RequirementRef, int>();
        foreach (var judgement in judgements)
        {
            var at = $"judgements[{judgement.Requirement}]";
            if (seen.TryGetValue(judgement.Requirement, out var count))
            {
                seen[judgement.Requirement] = count + 1;
                errors.Add(new Error(ErrorCodes.DuplicateId, $"{judgement.Requirement} is judged more than once (occurrence {count + 1}); keep one judgement per requirement", at));
            }
            else
            {
                seen[judgement.Requirement] = 1;
            }

            CheckJudgement(judgement, at, controlIds, catalog, errors);
        }
    }

    private static void CheckJudgement(Judgement judgement, string at, HashSet<string> controlIds, FrameworkCatalog catalog, List<Error> errors)
    {
        var requirement = catalog.Requirement(judgement.Requirement.Framework, judgement.Requirement.Requirement);
        if (!requirement.IsSuccess)
        {
            errors.Add(requirement.Error! with { Location = $"{at}.requirement" });
        }

        if (string.IsNullOrWhiteSpace(judgement.Rationale))
        {
            errors.Add(new Error(ErrorCodes.RationaleRequired, $"the judgement of {judgement.Requirement} does not say why; a judgement records who, when and why", $"{at}.rationale"));
        }

        if (judgement.Kind == JudgementKind.NotRelevant)
        {
            // Nothing is relied on: a point of focus that does not apply does not count either way (rule 7).
            if (judgement.Controls.Count > 0 || judgement.Evidence.Count > 0)
            {
                errors.Add(new Error(ErrorCodes.InvalidField, $"the judgement of {judgement.Requirement} is not-relevant and relies on no controls or evidence; remove them", at));
            }

            return;
        }

        if (judgement.Controls.Count == 0)
        {
            errors.Add(new Error(ErrorCodes.MissingField, $"the judgement of {judgement.Requirement} is sufficient by named controls; name at least one", $"{at}.controls"));
        }

        CheckControlRefs([.. judgement.Controls.Select(c => c.Id)], controlIds, $"{at}.controls", $"the judgement of {judgement.Requirement}", errors);
    }
}
