using System.Globalization;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Evidence;
using Trellis.Core.Frameworks;

namespace Trellis.Core.Program;

/// <summary>
/// Checks a <see cref="ComplianceProgram"/> against itself and a <see cref="FrameworkCatalog"/> and returns every
/// problem at once. Locations are paths in the program-as-code wire names, e.g.
/// <c>controls[AC-01].mappings[2].requirement</c>: items with an ID are named by ID, other list items by their
/// zero-based position. An empty list means the program is consistent (it says nothing about readiness).
/// </summary>
public static partial class ProgramValidator
{
    /// <summary>
    /// Validates <paramref name="program"/>: unique IDs (controls, evidence, risks, SoA rows); control mappings
    /// that name existing requirements with a relationship other than no-relationship, each requirement once per
    /// control; evidence that links existing controls, has versions numbered upwards from 1, each either a file
    /// (SHA-256, file name, non-empty size) or a URL, with a period that does not end before it starts; risks
    /// rated inside the matrix, treated by existing controls and requirements, accepted no later than the acceptance
    /// expires; SoA rows only for Annex A controls, a justification for every exclusion (6.1.3 d); TSC categories
    /// that exist, with Security in scope; a well-formed risk matrix; and judgements (rule 8) of existing requirements,
    /// one per requirement, each with a rationale, a sufficient one naming existing controls and a not-relevant one
    /// relying on none.
    /// </summary>
    /// <param name="program">The program to check.</param>
    /// <param name="catalog">The frameworks mappings and requirement references are resolved against.</param>
    /// <returns>Every problem found, in program order; empty when there is none.</returns>
    public static IReadOnlyList<Error> Validate(ComplianceProgram program, FrameworkCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(catalog);
        var errors = new List<Error>();
        var controlIds = program.Controls.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);

        CheckScope(program.Scope, errors);
        CheckMatrix(program.RiskMatrix, errors);
        CheckIds(program.Controls.Select(c => c.Id), "controls", "control", errors, syntax: true);
        foreach (var control in program.Controls)
        {
            CheckControl(control, catalog, errors);
        }

        CheckIds(program.Evidence.Select(e => e.Id), "evidence", "evidence", errors, syntax: true);
        foreach (var item in program.Evidence)
        {
            CheckEvidence(item, controlIds, errors);
        }

        CheckIds(program.Risks.Select(r => r.Id), "risks", "risk", errors, syntax: true);
        foreach (var risk in program.Risks)
        {
            CheckRisk(risk, program.RiskMatrix, controlIds, catalog, errors);
        }

        CheckIds(program.Soa.Select(s => s.Control), "soa.rows", "SoA row", errors);
        foreach (var row in program.Soa)
        {
            CheckSoaRow(row, catalog, errors);
        }

        CheckJudgements(program.Judgements, controlIds, catalog, errors);
        CheckTaskNotes(program.TaskNotes, controlIds, errors);

        return errors;
    }

    // With syntax, IDs must follow Ids (docs/program-as-code.md, "IDs") and are unique ignoring case.
    private static void CheckIds(IEnumerable<string> ids, string list, string what, List<Error> errors, bool syntax = false)
    {
        var seen = new Dictionary<string, (string First, int Count)>(syntax ? Ids.Comparer : StringComparer.Ordinal);
        var position = 0;
        foreach (var id in ids)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                errors.Add(new Error(ErrorCodes.MissingId, $"the {what} at position {position} has no ID", $"{list}[{position}]"));
            }
            else if (syntax && Ids.Check(id, $"{list}[{position}].id", what) is { } invalid)
            {
                errors.Add(invalid);
            }
            else if (seen.TryGetValue(id, out var first))
            {
                seen[id] = (first.First, first.Count + 1);
                var twin = first.First == id ? "" : $" (as '{first.First}'; IDs are compared ignoring case)";
                errors.Add(new Error(ErrorCodes.DuplicateId, $"{what} ID '{id}' is used more than once{twin} (occurrence {first.Count + 1})", $"{list}[{id}]"));
            }
            else
            {
                seen[id] = (id, 1);
            }

            position++;
        }
    }

    private static void CheckControl(Control control, FrameworkCatalog catalog, List<Error> errors)
    {
        var at = $"controls[{control.Id}]";
        var seen = new Dictionary<RequirementRef, int>();
        for (var i = 0; i < control.Mappings.Count; i++)
        {
            var mapping = control.Mappings[i];
            var here = $"{at}.mappings[{i}]";
            var requirement = catalog.Requirement(mapping.Requirement.Framework, mapping.Requirement.Requirement);
            if (!requirement.IsSuccess)
            {
                errors.Add(requirement.Error! with { Location = $"{here}.requirement" });
            }

            if (mapping.Relationship == Relationship.NoRelationship)
            {
                errors.Add(new Error(
                    ErrorCodes.InvalidRelationship,
                    $"control '{control.Id}' maps to {mapping.Requirement} with no-relationship; remove the mapping instead",
                    $"{here}.relationship"));
            }

            if (!seen.TryAdd(mapping.Requirement, i))
            {
                errors.Add(new Error(
                    ErrorCodes.DuplicateMapping,
                    $"control '{control.Id}' maps to {mapping.Requirement} twice (first at mappings[{seen[mapping.Requirement]}])",
                    here));
            }
        }
    }

    private static void CheckEvidence(EvidenceItem item, HashSet<string> controlIds, List<Error> errors)
    {
        var at = $"evidence[{item.Id}]";
        CheckControlRefs(item.ControlIds, controlIds, $"{at}.controls", $"evidence '{item.Id}'", errors);
        if (item.Versions.Count == 0)
        {
            errors.Add(new Error(ErrorCodes.MissingVersions, $"evidence '{item.Id}' has no versions; it needs at least one file or link", $"{at}.versions"));
        }

        var previous = 0;
        for (var i = 0; i < item.Versions.Count; i++)
        {
            var v = item.Versions[i];
            var here = $"{at}.versions[{i}]";
            if (v.Number <= previous)
            {
                errors.Add(new Error(
                    ErrorCodes.InvalidVersionNumber,
                    $"evidence '{item.Id}' version numbers must increase from 1 (oldest first); {v.Number.ToString(CultureInfo.InvariantCulture)} follows {previous.ToString(CultureInfo.InvariantCulture)}",
                    $"{here}.number"));
            }

            previous = Math.Max(previous, v.Number);
            CheckVersionContent(item.Id, v, here, errors);
            if (v.EffectiveTo is { } to && to < v.EffectiveFrom)
            {
                errors.Add(new Error(
                    ErrorCodes.InvalidPeriod,
                    $"evidence '{item.Id}' version {v.Number.ToString(CultureInfo.InvariantCulture)} ends on {Iso(to)}, before it starts on {Iso(v.EffectiveFrom)}",
                    $"{here}.effectiveTo"));
            }
        }
    }

    private static void CheckVersionContent(string id, EvidenceVersion v, string here, List<Error> errors)
    {
        var what = $"evidence '{id}' version {v.Number.ToString(CultureInfo.InvariantCulture)}";
        if (v.Sha256 is null && v.Url is null)
        {
            errors.Add(new Error(ErrorCodes.MissingContent, $"{what} has neither a file nor a url", here));
            return;
        }

        if (v.Sha256 is not null && v.Url is not null)
        {
            errors.Add(new Error(ErrorCodes.AmbiguousContent, $"{what} has both a file and a url; use one version for each", here));
        }

        if (v.Url is not null)
        {
            if (!Uri.TryCreate(v.Url, UriKind.Absolute, out _))
            {
                errors.Add(new Error(ErrorCodes.InvalidUrl, $"{what} has url '{v.Url}', which is not an absolute URL", $"{here}.url"));
            }

            if (v.Sha256 is null && v.Size != 0)
            {
                errors.Add(new Error(ErrorCodes.InvalidSize, $"{what} is a link and cannot have a size", $"{here}.size"));
            }

            if (v.Sha256 is null && v.FileName is not null)
            {
                errors.Add(new Error(ErrorCodes.InvalidFileName, $"{what} is a link and cannot have a file name", $"{here}.fileName"));
            }
        }

        if (v.Sha256 is null)
        {
            return;
        }

        if (v.Sha256.Length != 64 || !v.Sha256.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f')))
        {
            errors.Add(new Error(ErrorCodes.InvalidSha256, $"{what} has sha256 '{v.Sha256}'; expected 64 lowercase hex digits", $"{here}.sha256"));
        }

        if (string.IsNullOrWhiteSpace(v.FileName))
        {
            errors.Add(new Error(ErrorCodes.MissingFileName, $"{what} is a file without a file name", $"{here}.fileName"));
        }

        if (v.Size <= 0)
        {
            errors.Add(new Error(ErrorCodes.EmptyFile, $"{what} is a file of {v.Size.ToString(CultureInfo.InvariantCulture)} bytes; evidence files must not be empty", $"{here}.size"));
        }
    }

    private static void CheckControlRefs(IReadOnlyList<string> ids, HashSet<string> controlIds, string at, string owner, List<Error> errors)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (!controlIds.Contains(ids[i]))
            {
                var near = Suggestions.Nearest(ids[i], controlIds);
                var hint = near.Count > 0 ? $"; nearest: {string.Join(", ", near)}" : "; the program has no controls";
                errors.Add(new Error(ErrorCodes.UnknownControl, $"{owner} links control '{ids[i]}', which is not in the program{hint}", $"{at}[{i}]"));
            }
        }
    }

    private static void CheckScope(ProgramScope scope, List<Error> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < scope.TscCategories.Count; i++)
        {
            var category = scope.TscCategories[i];
            var at = $"scope.tscCategories[{i}]";
            if (!TscCategories.All.Contains(category, StringComparer.Ordinal))
            {
                errors.Add(new Error(
                    ErrorCodes.UnknownTscCategory,
                    $"unknown TSC category '{category}'; expected one of {string.Join(", ", TscCategories.All)} (nearest: {Suggestions.Nearest(category, TscCategories.All, 1)[0]})",
                    at));
            }
            else if (!seen.Add(category))
            {
                errors.Add(new Error(ErrorCodes.DuplicateTscCategory, $"TSC category '{category}' is listed twice", at));
            }
        }

        if (!seen.Contains("security"))
        {
            errors.Add(new Error(ErrorCodes.MissingTscCategory, "the TSC categories must include security (the common criteria are always in scope)", "scope.tscCategories"));
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
