using Microsoft.EntityFrameworkCore;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Core.Evidence;
using Trellis.Core.Policies;
using Trellis.Core.Program;
using Trellis.Data.AuditTrail;
using Trellis.Data.Rows;

namespace Trellis.Data;

/// <summary>
/// What publishing a policy version adds to the evidence: the version's published file (its contents and SHA-256 in
/// <paramref name="Version"/>), effective from the approval day, supporting <paramref name="ControlIds"/>.
/// </summary>
/// <param name="Title">Title of the evidence item.</param>
/// <param name="ControlIds">Controls it supports (at least one).</param>
/// <param name="Version">The evidence version (its number is assigned by the store).</param>
/// <param name="Content">The file's bytes.</param>
public sealed record PolicyEvidence(string Title, IReadOnlyList<string> ControlIds, EvidenceVersion Version, byte[] Content);

/// <summary>Policies: their versions, approvals and acknowledgements, each write with its audit entry.</summary>
public sealed partial class ProgramStore
{
    /// <summary>Every policy, in program order.</summary>
    public async Task<IReadOnlyList<Policy>> PoliciesAsync(CancellationToken cancellationToken = default)
    {
        var ct = cancellationToken;
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var policies = await db.Policies.AsNoTracking().OrderBy(p => p.Ordinal).ToListAsync(ct).ConfigureAwait(false);
            var versions = (await db.PolicyVersions.AsNoTracking().ToListAsync(ct).ConfigureAwait(false)).ToLookup(v => v.PolicyId, StringComparer.Ordinal);
            var approvals = (await db.PolicyApprovals.AsNoTracking().ToListAsync(ct).ConfigureAwait(false)).ToLookup(a => (a.PolicyId, a.VersionNumber));
            var acks = (await db.PolicyAcknowledgements.AsNoTracking().ToListAsync(ct).ConfigureAwait(false)).ToLookup(a => a.PolicyId, StringComparer.Ordinal);
            return [.. policies.Select(p => ToPolicy(p, versions[p.Id], approvals, acks[p.Id]))];
        }
    }

    /// <summary>One policy, or <c>unknown-policy</c>.</summary>
    public async Task<Result<Policy>> PolicyAsync(string id, CancellationToken cancellationToken = default)
    {
        var all = await PoliciesAsync(cancellationToken).ConfigureAwait(false);
        return all.FirstOrDefault(p => p.Id == id) is { } found
            ? found
            : new Error(ErrorCodes.UnknownPolicy, $"no policy '{id}'", "id");
    }

    /// <summary>
    /// Adds a new policy (<c>duplicate-id</c> when its ID is taken, in any case) with its audit entry, in one transaction.
    /// </summary>
    public async Task<Result<Policy>> AddPolicyAsync(AuditRecord audit, Policy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var ct = cancellationToken;
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginWriteAsync(db, ct).ConfigureAwait(false);
            await BumpRevisionAsync(db, ct).ConfigureAwait(false);
            var ids = await db.Policies.Select(p => p.Id).ToListAsync(ct).ConfigureAwait(false);
            if (Ids.CaseTwin(policy.Id, ids) is { } twin)
            {
                return Ids.Duplicate("policy", policy.Id, twin, "id");
            }

            var ordinal = await db.Policies.MaxAsync(p => (int?)p.Ordinal, ct).ConfigureAwait(false) ?? -1;
            AddRows(db, policy, ordinal + 1);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await AuditJournal.AppendAsync(db, Database.Provider, audit, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return policy;
        }
    }

    /// <summary>
    /// Saves a changed policy (its versions, approvals and acknowledgements as given) with its audit entry, in one
    /// transaction; fails with <c>concurrency-conflict</c> when someone else changed it since <paramref name="before"/>
    /// was read. With <paramref name="evidence"/> (publication), the same transaction adds the published file as a new
    /// version of the policy's evidence item, or creates the item on first publication, so the policy and the evidence
    /// that cites it never disagree.
    /// </summary>
    public async Task<Result<Policy>> SavePolicyAsync(AuditRecord audit, Policy before, Policy policy, PolicyEvidence? evidence = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(policy);
        var ct = cancellationToken;
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginWriteAsync(db, ct).ConfigureAwait(false);
            await BumpRevisionAsync(db, ct).ConfigureAwait(false);
            var row = await db.Policies.SingleOrDefaultAsync(p => p.Id == policy.Id, ct).ConfigureAwait(false);
            if (row is null)
            {
                return new Error(ErrorCodes.UnknownPolicy, $"no policy '{policy.Id}'", "id");
            }

            // Optimistic check on content: what is stored must still be what the caller read.
            var stored = ToPolicy(
                row,
                await db.PolicyVersions.AsNoTracking().Where(v => v.PolicyId == policy.Id).ToListAsync(ct).ConfigureAwait(false),
                (await db.PolicyApprovals.AsNoTracking().Where(a => a.PolicyId == policy.Id).ToListAsync(ct).ConfigureAwait(false)).ToLookup(a => (a.PolicyId, a.VersionNumber)),
                await db.PolicyAcknowledgements.AsNoTracking().Where(a => a.PolicyId == policy.Id).ToListAsync(ct).ConfigureAwait(false));
            if (DataJson.Write(stored) != DataJson.Write(before))
            {
                return DataErrors.ConcurrencyConflict("policy", policy.Id, null, null);
            }

            if (evidence is not null)
            {
                var added = await AddPolicyEvidenceAsync(db, policy.EvidenceId, evidence, ct).ConfigureAwait(false);
                if (!added.IsSuccess)
                {
                    return added.Error!;
                }

                policy = policy with { EvidenceId = added.Value };
            }

            var ordinal = row.Ordinal;
            await db.PolicyAcknowledgements.Where(a => a.PolicyId == policy.Id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            await db.PolicyApprovals.Where(a => a.PolicyId == policy.Id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            await db.PolicyVersions.Where(a => a.PolicyId == policy.Id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            db.Policies.Remove(row);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            AddRows(db, policy, ordinal, row.Version + 1);
            var saved = await SaveAsync(db, "policy", policy.Id, ct).ConfigureAwait(false);
            if (saved is not null)
            {
                return saved;
            }

            await AuditJournal.AppendAsync(db, Database.Provider, audit, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return policy;
        }
    }

    /// <summary>Replaces every policy (program.yaml import, demo) inside the caller's transaction.</summary>
    internal static async Task ReplacePoliciesAsync(TrellisDbContext db, IReadOnlyList<Policy> policies, CancellationToken ct)
    {
        await DeletePoliciesAsync(db, ct).ConfigureAwait(false);
        for (var i = 0; i < policies.Count; i++)
        {
            AddRows(db, policies[i], i);
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    private static async Task DeletePoliciesAsync(TrellisDbContext db, CancellationToken ct)
    {
        await db.PolicyAcknowledgements.ExecuteDeleteAsync(ct).ConfigureAwait(false);
        await db.PolicyApprovals.ExecuteDeleteAsync(ct).ConfigureAwait(false);
        await db.PolicyVersions.ExecuteDeleteAsync(ct).ConfigureAwait(false);
        await db.Policies.ExecuteDeleteAsync(ct).ConfigureAwait(false);
    }

    private static async Task<Result<string>> AddPolicyEvidenceAsync(TrellisDbContext db, string? evidenceId, PolicyEvidence evidence, CancellationToken ct)
    {
        var known = await db.Controls.Where(c => evidence.ControlIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct).ConfigureAwait(false);
        if (evidence.ControlIds.Count == 0 || known.Count != evidence.ControlIds.Distinct(StringComparer.Ordinal).Count())
        {
            return new Error(ErrorCodes.InvalidEvidence, "a published policy must support at least one existing control (map it to requirements your controls map to, or name controls)", "controls");
        }

        var supplied = new Dictionary<string, byte[]> { [ProgramIntegrity.Hash(evidence.Content)] = evidence.Content };
        var existing = evidenceId is null ? null : await db.Evidence.SingleOrDefaultAsync(e => e.Id == evidenceId, ct).ConfigureAwait(false);
        if (existing is null)
        {
            var id = await NextEvidenceIdAsync(db, ct).ConfigureAwait(false);
            var item = new EvidenceItem { Id = id, Title = evidence.Title, Source = "policy", ControlIds = evidence.ControlIds, Versions = [evidence.Version with { Number = 1 }] };
            var toStore = await CheckBlobsAsync(db, id, item.Versions, supplied, ct).ConfigureAwait(false);
            if (!toStore.IsSuccess)
            {
                return toStore.Error!;
            }

            var ordinal = await db.Evidence.MaxAsync(e => (int?)e.Ordinal, ct).ConfigureAwait(false) ?? -1;
            db.Blobs.AddRange(toStore.Value);
            db.Evidence.Add(new EvidenceRow { Id = id, Ordinal = ordinal + 1, Title = item.Title, Source = item.Source });
            db.EvidenceVersions.AddRange(item.Versions.Select(v => ProgramRows.VersionRow(id, v)));
            db.EvidenceControls.AddRange(ProgramRows.EvidenceControlRows(item));
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return id;
        }

        var last = await db.EvidenceVersions.Where(v => v.EvidenceId == existing.Id).MaxAsync(v => (int?)v.Number, ct).ConfigureAwait(false) ?? 0;
        var version = evidence.Version with { Number = last + 1 };
        var blobs = await CheckBlobsAsync(db, existing.Id, [version], supplied, ct).ConfigureAwait(false);
        if (!blobs.IsSuccess)
        {
            return blobs.Error!;
        }

        db.Blobs.AddRange(blobs.Value);
        db.EvidenceVersions.Add(ProgramRows.VersionRow(existing.Id, version));
        await db.EvidenceControls.Where(l => l.EvidenceId == existing.Id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
        db.EvidenceControls.AddRange(ProgramRows.EvidenceControlRows(new EvidenceItem { Id = existing.Id, Title = existing.Title, ControlIds = evidence.ControlIds, Versions = [version] }));
        existing.Title = evidence.Title;
        existing.Version++;
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return existing.Id;
    }

    private static void AddRows(TrellisDbContext db, Policy p, int ordinal, int version = 1)
    {
        db.Policies.Add(new PolicyRow
        {
            Id = p.Id,
            Ordinal = ordinal,
            Title = p.Title,
            Owner = p.Owner,
            ReviewCadence = p.ReviewCadence.ToWire(),
            RequirementsJson = DataJson.Write(p.Requirements.Select(r => r.ToString()).ToList()),
            ControlsJson = DataJson.Write(p.ControlIds),
            Template = p.Template,
            EvidenceId = p.EvidenceId,
            Version = version,
        });
        foreach (var v in p.Versions)
        {
            db.PolicyVersions.Add(new PolicyVersionRow
            {
                PolicyId = p.Id,
                Number = v.Number,
                Body = v.Body,
                Author = v.Author,
                CreatedUtcTicks = v.Created.UtcTicks,
                Status = v.Status.ToWire(),
                ApproversJson = DataJson.Write(v.Approvers),
                PublishedUtcTicks = v.PublishedAt?.UtcTicks,
            });
            db.PolicyApprovals.AddRange(v.Approvals.Select(a => new PolicyApprovalRow { PolicyId = p.Id, VersionNumber = v.Number, Approver = a.Approver, ApprovedUtcTicks = a.At.UtcTicks }));
        }

        db.PolicyAcknowledgements.AddRange(p.Acknowledgements.Select((a, i) => new PolicyAcknowledgementRow
        {
            PolicyId = p.Id,
            VersionNumber = a.Version,
            Person = a.Person,
            AcknowledgedUtcTicks = a.At.UtcTicks,
            Ordinal = i,
        }));
    }

    private static Policy ToPolicy(PolicyRow p, IEnumerable<PolicyVersionRow> versions, ILookup<(string, int), PolicyApprovalRow> approvals, IEnumerable<PolicyAcknowledgementRow> acks) => new()
    {
        Id = p.Id,
        Title = p.Title,
        Owner = p.Owner,
        ReviewCadence = StoredNames.Parse<Cadence>(p.ReviewCadence),
        Requirements = [.. DataJson.Read<List<string>>(p.RequirementsJson).Select(ParseRef)],
        ControlIds = DataJson.Read<List<string>>(p.ControlsJson),
        Template = p.Template,
        EvidenceId = p.EvidenceId,
        Versions = [.. versions.OrderBy(v => v.Number).Select(v => new PolicyVersion
        {
            Number = v.Number,
            Body = v.Body,
            Author = v.Author,
            Created = new DateTimeOffset(v.CreatedUtcTicks, TimeSpan.Zero),
            Status = StoredNames.Parse<PolicyStatus>(v.Status),
            Approvers = DataJson.Read<List<string>>(v.ApproversJson),
            Approvals = [.. approvals[(p.Id, v.Number)].OrderBy(a => a.ApprovedUtcTicks).ThenBy(a => a.Approver, StringComparer.Ordinal)
                .Select(a => new PolicyApproval(a.Approver, new DateTimeOffset(a.ApprovedUtcTicks, TimeSpan.Zero)))],
            PublishedAt = v.PublishedUtcTicks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null,
        })],
        Acknowledgements = [.. acks.OrderBy(a => a.Ordinal).Select(a => new PolicyAcknowledgement(a.Person, a.VersionNumber, new DateTimeOffset(a.AcknowledgedUtcTicks, TimeSpan.Zero)))],
    };

    private static RequirementRef ParseRef(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return new RequirementRef(text[..colon], text[(colon + 1)..]);
    }
}
