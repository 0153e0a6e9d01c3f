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

        var evidence = PublishedEvidence(after.Value, published, controls, now);
        var record = Record(account, "policy.publish", before.Id, new { version, sha256 = evidence.Version.Sha256, controls, effectiveFrom = evidence.Version.EffectiveFrom });
        var saved = await store.SavePolicyAsync(record, before, after.Value, evidence, ct);
        program.Forget();
        return saved;
    }

    /// <summary>
    /// The evidence a published version gives: its published file (<see cref="PolicyMarkdown.Document"/>), effective
    /// from its approval day, for <paramref name="controls"/>.
    /// </summary>
    public static PolicyEvidence PublishedEvidence(Policy policy, PolicyVersion published, IReadOnlyList<string> controls, DateTimeOffset collectedAt)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(published);
        var content = PolicyMarkdown.Document(policy, published);
        return new PolicyEvidence(
            $"Policy {policy.Id}: {policy.Title}",
            controls,
            new EvidenceVersion
            {
                Number = 1,
                Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
                FileName = PolicyMarkdown.FileName(policy, published),
                Size = content.Length,
                MediaType = "text/html",
                CollectedAt = collectedAt,
                EffectiveFrom = DateOnly.FromDateTime((published.ApprovedAt ?? collectedAt).UtcDateTime),
            },
            content);
    }

    /// <summary>
    /// The controls a published policy is evidence for: those it names, then those mapped to one of its requirements
    /// whose cadence is annual, semi-annual or on-event (not-applicable ones left out). A policy document shows that a
    /// yearly or event-driven control (write, approve, communicate a policy) operated; it does not show that a monthly
    /// scan or a continuous monitor ran, so it never marks such a control's period done.
    /// </summary>
    public static IReadOnlyList<string> SupportedControls(Policy policy, IEnumerable<Control> controls)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(controls);
        var list = controls.ToList();
        var named = policy.ControlIds.Where(id => list.Any(c => c.Id == id));
        var mapped = list.Where(c => c.Status != ImplementationStatus.NotApplicable && c.Cadence is Cadence.Annual or Cadence.SemiAnnual or Cadence.OnEvent
            && c.Mappings.Any(m => policy.Requirements.Contains(m.Requirement))).Select(c => c.Id);
        return [.. named.Concat(mapped).Distinct(StringComparer.Ordinal)];
    }
}
