using Trellis.Application.Actors;
using Trellis.Core.Common;
using Trellis.Core.Evidence;
using Trellis.Core.Policies;
using Trellis.Core.Program;
using Trellis.Data;
using Trellis.Exchange.Policies;

namespace Trellis.Application.Policies;

public sealed partial class PolicyService
{
    /// <summary>
    /// Publishes an approved version (managers): it becomes current, and its published file (the sanitized HTML of the
    /// approved text, <see cref="PolicyMarkdown.Document"/>) becomes a new version of the policy's evidence item —
    /// effective from the approval day, supporting the controls the policy names and every control mapped to one of
    /// its requirements — in the same transaction. Fails with <c>invalid-evidence</c> when no control would carry it.
    /// </summary>
    public async Task<Result<Policy>> PublishAsync(Account account, string id, int version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!account.ManagesProgram)
        {
            return Forbidden("only an admin or a compliance manager publishes policies");
        }

        var found = await GetAsync(account, id, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var before = found.Value.Policy;
        var now = clock.GetUtcNow();
        var after = PolicyLifecycle.Publish(before, version, now);
        if (!after.IsSuccess)
        {
            return after.Error!;
        }

        var published = after.Value.Version(version)!;
        var controls = SupportedControls(after.Value, (await program.LoadAsync(ct)).Controls);
        if (controls.Count == 0)
        {
            return new Error(ErrorCodes.InvalidEvidence, $"policy {id} names no control and no control maps to its requirements ({string.Join(", ", before.Requirements)}); map a control or name one before publishing", "controls");
        }

        var content = PolicyMarkdown.Document(after.Value, published);
        var evidence = new PolicyEvidence(
            $"Policy {before.Id}: {before.Title}",
            controls,
            new EvidenceVersion
            {
                Number = 1,
                Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
                FileName = PolicyMarkdown.FileName(after.Value, published),
                Size = content.Length,
                MediaType = "text/html",
                CollectedAt = now,
                EffectiveFrom = DateOnly.FromDateTime(published.ApprovedAt!.Value.UtcDateTime),
            },
            content);
        var record = Record(account, "policy.publish", before.Id, new { version, sha256 = evidence.Version.Sha256, controls, effectiveFrom = evidence.Version.EffectiveFrom });
        var saved = await store.SavePolicyAsync(record, before, after.Value, evidence, ct);
        program.Forget();
        return saved;
    }

    /// <summary>The controls a published policy is evidence for: those it names, then those mapped to its requirements (not-applicable ones left out).</summary>
    public static IReadOnlyList<string> SupportedControls(Policy policy, IEnumerable<Control> controls)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(controls);
        var list = controls.ToList();
        var named = policy.ControlIds.Where(id => list.Any(c => c.Id == id));
        var mapped = list.Where(c => c.Status != ImplementationStatus.NotApplicable && c.Mappings.Any(m => policy.Requirements.Contains(m.Requirement))).Select(c => c.Id);
        return [.. named.Concat(mapped).Distinct(StringComparer.Ordinal)];
    }
}
