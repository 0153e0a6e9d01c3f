using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Data;
using Trellis.Data.AuditTrail;

namespace Trellis.Application.Engagements;

/// <summary>
/// Engagements as the web app serves them. Staff see every engagement; an auditor sees only the engagement its
/// account is scoped to (any other answers "unknown", so its existence is not disclosed), and its ledger is built
/// from the controls and evidence versions the auditor may see. The API and the UI both go through here.
/// </summary>
public sealed partial class EngagementService(EngagementStore store, ProgramService program, TimeProvider clock, SamplingDefaults? sampling = null)
{
    /// <summary>Today's date (UTC).</summary>
    public DateOnly Today => program.Today;

    /// <summary>The engagements the account sees, in date order.</summary>
    public async Task<IReadOnlyList<Versioned<Engagement>>> ListAsync(Account account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var all = await store.EngagementsAsync(ct);
        return [.. all.Where(e => Sees(account, e.Value))
            .OrderBy(e => Start(e.Value)).ThenBy(e => e.Value.Id, StringComparer.Ordinal)];
    }

    /// <summary>One engagement the account sees, or <c>unknown-engagement</c>.</summary>
    public async Task<Result<Versioned<Engagement>>> GetAsync(Account account, string id, CancellationToken ct)
    {
        var all = await ListAsync(account, ct);
        var found = all.FirstOrDefault(e => string.Equals(e.Value.Id, id, StringComparison.Ordinal));
        return found is null ? Unknown(id, all.Select(e => e.Value.Id)) : found;
    }

    // Names the nearest engagements the account sees, so a typo is easy to fix and nothing hidden is revealed.
    private static Error Unknown(string id, IEnumerable<string> known) =>
        known.Any()
            ? new Error(ErrorCodes.UnknownEngagement, $"unknown engagement '{id}'; nearest: {string.Join(", ", Suggestions.Nearest(id, known))}")
            : new Error(ErrorCodes.UnknownEngagement, $"unknown engagement '{id}'; none is stored");

    /// <summary>The rule warnings of one engagement as of today, including the gap after a Type 2 window.</summary>
    public async Task<IReadOnlyList<RuleWarning>> WarningsAsync(Account account, Engagement engagement, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        return Warnings(engagement, Gaps(await ListAsync(account, ct)));
    }

    /// <summary>The engagements the account sees, each with its rule warnings (one read of the store).</summary>
    public async Task<IReadOnlyList<(Versioned<Engagement> Engagement, IReadOnlyList<RuleWarning> Warnings)>> ListWithWarningsAsync(Account account, CancellationToken ct)
    {
        var all = await ListAsync(account, ct);
        var gaps = Gaps(all);
        return [.. all.Select(e => (e, Warnings(e.Value, gaps)))];
    }

    private static IReadOnlyList<CoverageGap> Gaps(IEnumerable<Versioned<Engagement>> all) =>
        EngagementRules.Gaps(all.Select(e => e.Value).Where(e => e.Kind == EngagementKind.Soc2Type2 && e.Window is not null).Select(e => (e.Id, e.Window!)));

    private IReadOnlyList<RuleWarning> Warnings(Engagement engagement, IReadOnlyList<CoverageGap> gaps) =>
        [.. EngagementRules.Check(engagement, Today), .. gaps.Where(g => g.After == engagement.Id).Select(g => EngagementRules.GapWarning(g))];

    /// <summary>The operation ledger of one engagement over its window (expected against observed occurrences).</summary>
    public async Task<Result<EngagementLedger>> LedgerAsync(Account account, string id, CancellationToken ct)
    {
        var engagement = await GetAsync(account, id, ct);
        return engagement.IsSuccess ? await LedgerAsync(account, engagement.Value.Value, ct) : engagement.Error!;
    }

    /// <summary>The ledger of an engagement already read (and seen by the account).</summary>
    public async Task<Result<EngagementLedger>> LedgerAsync(Account account, Engagement engagement, CancellationToken ct) =>
        OperationLedger.ForEngagement(engagement, await program.ControlsAsync(account, ct), await program.EvidenceAsync(account, ct), Today,
            await program.DidNotOccurAsync(ct));

    /// <summary>One engagement the account sees with its rule warnings (one read of the store), or <c>unknown-engagement</c>.</summary>
    public async Task<Result<(Versioned<Engagement> Engagement, IReadOnlyList<RuleWarning> Warnings)>> GetWithWarningsAsync(Account account, string id, CancellationToken ct)
    {
        var found = (await ListWithWarningsAsync(account, ct)).Where(e => string.Equals(e.Engagement.Value.Id, id, StringComparison.Ordinal)).ToList();
        return found.Count == 0 ? new Error(ErrorCodes.UnknownEngagement, $"unknown engagement '{id}'") : found[0];
    }

    /// <summary>
    /// The PBC request list: one request per control across the engagements the account sees (or only
    /// <paramref name="engagementId"/>), answered once for both regimes. Engagements without a window are skipped.
    /// </summary>
    public async Task<Result<IReadOnlyList<EvidenceRequest>>> RequestsAsync(Account account, string? engagementId, CancellationToken ct)
    {
        var engagements = (await ListAsync(account, ct)).Select(e => e.Value).ToList();
        if (engagementId is not null)
        {
            engagements = [.. engagements.Where(e => string.Equals(e.Id, engagementId, StringComparison.Ordinal))];
            if (engagements.Count == 0)
            {
                return new Error(ErrorCodes.UnknownEngagement, $"unknown engagement '{engagementId}'");
            }
        }

        var controls = await program.ControlsAsync(account, ct);
        var evidence = await program.EvidenceAsync(account, ct);
        var didNotOccur = await program.DidNotOccurAsync(ct);
        var ledgers = engagements.Select(e => OperationLedger.ForEngagement(e, controls, evidence, Today, didNotOccur)).Where(r => r.IsSuccess).Select(r => r.Value);
        return Result<IReadOnlyList<EvidenceRequest>>.Ok(RequestList.Build(ledgers, Today));
    }

    /// <summary>The findings the account sees: staff all of them, an auditor those of its engagement.</summary>
    public async Task<IReadOnlyList<Finding>> FindingsAsync(Account account, string? engagementId, CancellationToken ct) =>
        [.. (await VersionedFindingsAsync(account, ct)).Select(f => f.Value)
            .Where(f => engagementId is null || string.Equals(f.EngagementId, engagementId, StringComparison.Ordinal))];

    /// <summary>The findings the account sees with their stored versions, by date raised.</summary>
    public async Task<IReadOnlyList<Versioned<Finding>>> VersionedFindingsAsync(Account account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var all = await store.FindingsAsync(ct);
        return [.. all
            .Where(f => account.Scope is null || (f.Value.EngagementId is not null && string.Equals(f.Value.EngagementId, account.Scope.EngagementId, StringComparison.Ordinal)))
            .OrderBy(f => f.Value.RaisedOn).ThenBy(f => f.Value.Id, StringComparer.Ordinal)];
    }

    private static bool Sees(Account account, Engagement engagement) =>
        account.Scope is null || (account.Scope.EngagementId is { } id && string.Equals(id, engagement.Id, StringComparison.Ordinal));

    private static DateOnly Start(Engagement e) => e.Window?.Start ?? e.AsOf ?? e.Fieldwork?.Start ?? e.ReportDate ?? DateOnly.MaxValue;

    private AuditRecord Record(Account account, string action, string resource, object? change) =>
        AuditRecords.Of(clock, account, action, resource, change);
}
