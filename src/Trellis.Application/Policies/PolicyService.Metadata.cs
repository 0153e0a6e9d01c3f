using Trellis.Application.Actors;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Policies;
using Trellis.Core.Program;

namespace Trellis.Application.Policies;

/// <summary>What to change about a policy (issue 17, item 4); a null field is left as it is.</summary>
/// <param name="Title">New title.</param>
/// <param name="Owner">New owner's e-mail.</param>
/// <param name="ReviewCadence">New review cadence wire name.</param>
/// <param name="Requirements">The requirements it is mapped to, as <c>framework:id</c> (replaces the list).</param>
/// <param name="Controls">The controls it names (replaces the list).</param>
/// <param name="Approvers">The people who must approve the draft (e-mails; replaces the list; only while the newest version is a draft).</param>
public sealed record PolicyEdit(
    string? Title = null,
    string? Owner = null,
    string? ReviewCadence = null,
    IReadOnlyList<string>? Requirements = null,
    IReadOnlyList<string>? Controls = null,
    IReadOnlyList<string>? Approvers = null);

public sealed partial class PolicyService
{
    /// <summary>
    /// Changes a policy's metadata — title, owner, review cadence, mapped requirements and controls, and the draft's
    /// named approvers — checked as on creation (requirements against the catalog, controls against the program,
    /// e-mails), with one audit entry naming what changed from what (admins and compliance managers). The text and
    /// the lifecycle are untouched; a published version's evidence keeps the controls it was published for until the
    /// next publication.
    /// </summary>
    public async Task<Result<Policy>> EditAsync(Account account, string id, PolicyEdit edit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(edit);
        if (!account.ManagesProgram)
        {
            return Forbidden("only an admin or a compliance manager changes policies");
        }

        var found = await GetAsync(account, id, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var before = found.Value.Policy;
        var checkedMeta = await CheckMetadataAsync(
            edit.ReviewCadence, edit.Requirements ?? [.. before.Requirements.Select(r => r.ToString())], edit.Controls ?? before.ControlIds, edit.Approvers ?? [], lenient: false, ct);
        if (!checkedMeta.IsSuccess)
        {
            return checkedMeta.Error!;
        }

        var meta = checkedMeta.Value;
        var after = before with
        {
            Title = edit.Title?.Trim() ?? before.Title,
            Owner = edit.Owner?.Trim().ToLowerInvariant() ?? before.Owner,
            ReviewCadence = edit.ReviewCadence is null ? before.ReviewCadence : meta.Cadence,
            Requirements = meta.Requirements,
            ControlIds = meta.Controls,
        };
        if (edit.Approvers is not null)
        {
            if (before.Latest.Status != PolicyStatus.Draft)
            {
                return new Error(ErrorCodes.PolicyState, $"policy {id} version {before.Latest.Number} is {before.Latest.Status.ToWire()}; approvers are named on a draft (start a new version first)", "approvers");
            }

            after = after with { Versions = [.. before.Versions.Take(before.Versions.Count - 1), before.Latest with { Approvers = meta.Approvers }] };
        }

        if (PolicyLifecycle.Validate(after) is { } invalid)
        {
            return invalid;
        }

        var changes = Changes(before, after);
        if (changes.Count == 0)
        {
            return before;
        }

        var saved = await store.SavePolicyAsync(Record(account, "policy.edit-details", before.Id, changes), before, after, null, ct);
        program.Forget();
        return saved;
    }

    private sealed record CheckedMetadata(Cadence Cadence, IReadOnlyList<RequirementRef> Requirements, IReadOnlyList<string> Controls, IReadOnlyList<string> Approvers);

    // Requirements must be in the catalog (a template's that are not are skipped when lenient), controls in the
    // program, approvers e-mail addresses; duplicates are dropped, order kept.
    private async Task<Result<CheckedMetadata>> CheckMetadataAsync(
        string? reviewCadence, IReadOnlyList<string> requirementTexts, IReadOnlyList<string> controlIds, IReadOnlyList<string> approverTexts, bool lenient, CancellationToken ct)
    {
        var cadence = Cadence.Annual;
        if (reviewCadence is { } c && !Cadences.TryParse(c, out cadence))
        {
            return new Error(ErrorCodes.InvalidCadence, $"review cadence '{c}' is not one of {string.Join(", ", Cadences.WireNames)}", "reviewCadence");
        }

        var catalog = await program.CatalogAsync(ct);
        var requirements = new List<RequirementRef>();
        foreach (var text in requirementTexts)
        {
            var parts = text.Split(':', 2);
            if (parts.Length != 2 || !catalog.Requirement(parts[0].Trim(), parts[1].Trim()).IsSuccess)
            {
                if (lenient)
                {
                    continue;
                }

                return new Error(ErrorCodes.UnknownRequirement, $"'{text}' names no requirement of the catalog (write framework:id, e.g. iso27001-2022:A.5.1)", "requirements");
            }

            requirements.Add(new RequirementRef(parts[0].Trim(), parts[1].Trim()));
        }

        var controls = (await program.LoadAsync(ct)).Controls.Select(x => x.Id).ToHashSet(StringComparer.Ordinal);
        if (controlIds.FirstOrDefault(x => !controls.Contains(x)) is { } unknown)
        {
            return new Error(ErrorCodes.UnknownControl, $"no control '{unknown}'", "controls");
        }

        var approvers = approverTexts.Select(a => a.Trim().ToLowerInvariant()).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (approvers.FirstOrDefault(a => !PolicyLifecycle.IsEmail(a)) is { } notEmail)
        {
            return new Error(ErrorCodes.InvalidPolicy, $"approver '{notEmail}' is not an e-mail address", "approvers");
        }

        return new CheckedMetadata(cadence, [.. requirements.Distinct()], [.. controlIds.Distinct(StringComparer.Ordinal)], approvers);
    }

    // What an edit changed, field by field, for the audit entry.
    private static Dictionary<string, object> Changes(Policy before, Policy after)
    {
        var changes = new Dictionary<string, object>(StringComparer.Ordinal);
        void Note(string field, object from, object to, bool same)
        {
            if (!same)
            {
                changes[field] = new { from, to };
            }
        }

        Note("title", before.Title, after.Title, before.Title == after.Title);
        Note("owner", before.Owner, after.Owner, before.Owner == after.Owner);
        Note("reviewCadence", before.ReviewCadence.ToWire(), after.ReviewCadence.ToWire(), before.ReviewCadence == after.ReviewCadence);
        Note("requirements", before.Requirements.Select(r => r.ToString()), after.Requirements.Select(r => r.ToString()), before.Requirements.SequenceEqual(after.Requirements));
        Note("controls", before.ControlIds, after.ControlIds, before.ControlIds.SequenceEqual(after.ControlIds));
        Note("approvers", before.Latest.Approvers, after.Latest.Approvers, before.Latest.Approvers.SequenceEqual(after.Latest.Approvers));
        return changes;
    }
}
