using Trellis.Application.Actors;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Program;
using Trellis.Data;

namespace Trellis.Application.Compliance;

/// <summary>
/// A requirement of another framework the crosswalk links to a requirement the control already maps to, with the
/// relationship the control would have to it (<see cref="Relationships.Credit"/>) and the mapping it was reached through.
/// </summary>
/// <param name="Requirement">The suggested requirement.</param>
/// <param name="Title">Its title.</param>
/// <param name="Relationship">The control's relationship to it through the link.</param>
/// <param name="Via">The requirement the control maps to that links to it.</param>
public sealed record MappingSuggestion(RequirementRef Requirement, string Title, Relationship Relationship, RequirementRef Via);

public sealed partial class ProgramService
{
    /// <summary>
    /// Creates a control (admins and compliance managers): an empty ID takes the next free <c>AC-NN</c> inside the
    /// write; an ID in use fails with <c>duplicate-id</c> (a create never replaces — edit with
    /// <see cref="SaveControlAsync"/> and If-Match). Validated as <see cref="SaveControlAsync"/> validates.
    /// </summary>
    public async Task<Result<Versioned<Control>>> CreateControlAsync(Account account, Control control, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(control);
        if (!account.ManagesProgram)
        {
            return Forbidden("only an admin or a compliance manager creates controls");
        }

        if (control.Id.Length > 64 || control.Id.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '?' or '#' or '%'))
        {
            return new Error(ErrorCodes.InvalidControl, "a control ID is at most 64 characters without spaces, '/', '?', '#' or '%'", "id");
        }

        // The ID is checked only when given; an empty one is chosen by the store.
        if (ValidateControl(control with { Id = control.Id.Length == 0 ? "new" : control.Id }, await CatalogAsync(ct)) is { } invalid)
        {
            return invalid;
        }

        var saved = await store.AddControlAsync(c => Record(account, "control.create", $"control/{c.Id}", ControlChange(c, 1)), control, ct);
        if (saved.IsSuccess)
        {
            Changed();
        }

        return saved;
    }

    /// <summary>
    /// Deletes a control with its mappings (admins and compliance managers). <paramref name="expectedVersion"/> (If-Match)
    /// is required: without it <c>precondition-required</c>, stale <c>concurrency-conflict</c>. A control still referenced
    /// by evidence, a risk (or a risk's treatment action) or a judgement is not deleted: <c>control-in-use</c> names each
    /// reference, so history is never silently unlinked; to take such a control out of service, set its status to
    /// <c>not-applicable</c> instead (it keeps its links and stops counting towards readiness).
    /// </summary>
    public async Task<Result<Control>> DeleteControlAsync(Account account, string id, int? expectedVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);

        // Staff see every control, so naming an unknown one first discloses nothing (auditors never get here).
        var existing = await store.GetControlAsync(id, ct);
        if (!existing.IsSuccess)
        {
            return existing.Error!;
        }

        if (!account.ManagesProgram)
        {
            return Forbidden("only an admin or a compliance manager deletes controls");
        }

        if (expectedVersion is null)
        {
            return new Error(ErrorCodes.PreconditionRequired, $"deleting control '{id}' needs If-Match with the ETag you read");
        }

        if (References(await LoadAsync(ct), id) is { Count: > 0 } uses)
        {
            return new Error(
                ErrorCodes.ControlInUse,
                $"control '{id}' is still referenced by {string.Join("; ", uses)}: unlink them first, or retire the control by setting its status to not-applicable");
        }

        var record = Record(account, "control.delete", $"control/{id}", new { id, version = expectedVersion });
        var deleted = await store.DeleteControlAsync(record, id, expectedVersion, ct);
        if (deleted.IsSuccess)
        {
            Changed();
        }

        return deleted;
    }

    /// <summary>
    /// The crosswalk's suggestions for a control: for each requirement it maps to, the requirements of every other
    /// framework a curated or inverted link reaches (<see cref="CrosswalkEngine.Direct"/>), with the relationship the
    /// control would get (<see cref="Relationships.Credit"/>; links that give no definite or partial credit are left
    /// out). Requirements already mapped are not suggested; of several routes to one requirement the strongest is kept.
    /// </summary>
    public async Task<IReadOnlyList<MappingSuggestion>> SuggestMappingsAsync(Control control, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(control);
        var engine = await EngineAsync(ct);
        var mapped = control.Mappings.Select(m => m.Requirement).ToHashSet();
        var best = new Dictionary<RequirementRef, MappingSuggestion>();
        foreach (var m in control.Mappings)
        {
            foreach (var other in engine.Catalog.Frameworks.Where(f => f.Id != m.Requirement.Framework))
            {
                foreach (var link in engine.Direct(m.Requirement.Framework, other.Id))
                {
                    if (link.From != m.Requirement || link.To is not { } to || mapped.Contains(to)
                        || Relationships.Credit(m.Relationship, link.Relationship) is not { } credit)
                    {
                        continue;
                    }

                    if (!best.TryGetValue(to, out var known) || Strength(credit) > Strength(known.Relationship))
                    {
                        best[to] = new MappingSuggestion(to, other.Find(to.Requirement)?.Title ?? "", credit, m.Requirement);
                    }
                }
            }
        }

        return [.. best.Values.OrderBy(s => s.Requirement.Framework, StringComparer.Ordinal).ThenBy(s => s.Requirement.Requirement, StringComparer.Ordinal)];

        static int Strength(Relationship r) => r switch
        {
            Relationship.Equal => 3,
            Relationship.SupersetOf => 2,
            Relationship.SubsetOf => 1,
            _ => 0,
        };
    }

    /// <summary>What still names control <paramref name="id"/>: evidence, risks (or their actions), judgements.</summary>
    private static List<string> References(ComplianceProgram program, string id)
    {
        var uses = new List<string>();
        void Add(string what, IEnumerable<string> ids)
        {
            var list = ids.ToList();
            if (list.Count > 0)
            {
                uses.Add($"{what} {string.Join(", ", list)}");
            }
        }

        Add("evidence", program.Evidence.Where(e => e.ControlIds.Contains(id, StringComparer.Ordinal)).Select(e => e.Id));
        Add("risks", program.Risks.Where(r => r.ControlIds.Contains(id, StringComparer.Ordinal) || r.Plan.Any(a => a.ControlIds.Contains(id, StringComparer.Ordinal))).Select(r => r.Id));
        Add("judgements", program.Judgements.Where(j => j.Controls.Any(c => c.Id == id)).Select(j => j.Requirement.ToString()));
        return uses;
    }
}
