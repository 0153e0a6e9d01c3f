using System.Security.Cryptography;
using System.Text.Json;
using Trellis.Application.Actors;
using Trellis.Collectors;
using Trellis.Core.Common;
using Trellis.Core.Evidence;
using Trellis.Data;
using Trellis.Data.Rows;

namespace Trellis.Application.Collectors;

public sealed partial class CollectorService
{
    /// <summary>
    /// Runs the collector named <paramref name="name"/> once. With <paramref name="dryRun"/> the source is observed and
    /// the checks run, but nothing is written. Otherwise the run, its checks' results and its captures as evidence are
    /// stored in one transaction with the <c>collector.run</c> audit entry; a run that could not observe its source
    /// (status <c>error</c>) is stored with its reason and no evidence.
    /// </summary>
    public async Task<Result<CollectOutcome>> CollectAsync(Account account, string name, bool dryRun, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!account.ManagesProgram)
        {
            return new Error(ErrorCodes.Forbidden, "only admins and compliance managers run collectors");
        }

        var rows = await store.CollectorsAsync(ct);
        var row = rows.FirstOrDefault(c => c.Name == name);
        if (row is null)
        {
            return new Error(ErrorCodes.UnknownCollector, $"no collector '{name}'{Hint(Suggestions.Nearest(name ?? "", rows.Select(c => c.Name)))}", "name");
        }

        var definition = CollectorDocuments.Read(row);
        var collector = collectors.FirstOrDefault(c => c.Kind == definition.Kind);
        if (collector is null)
        {
            return new Error(ErrorCodes.CollectorNotAvailable, $"the {row.Kind} collector is not yet available");
        }

        string? secret = null;
        if (row.ProtectedSecret is not null)
        {
            var unprotected = secrets.Unprotect(row.ProtectedSecret);
            if (!unprotected.IsSuccess)
            {
                return unprotected.Error!;
            }

            secret = unprotected.Value;
        }

        var earlier = await store.CollectorRunsAsync(name, int.MaxValue, ct);
        var known = earlier.SelectMany(r => JsonSerializer.Deserialize<string[]>(r.Run.CapturesJson) ?? []).ToHashSet(StringComparer.Ordinal);
        var started = clock.GetUtcNow();
        var run = await collector.RunAsync(definition, new RunContext(secret, known), ct);
        var finished = clock.GetUtcNow();
        var id = "RUN-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var captures = run.Status == RunStatus.Error ? [] : run.Captures;
        if (dryRun)
        {
            return new CollectOutcome(id, name, run.Status.ToWire(), run.Failure, run.ObservedAt, [], run.Checks, run.Notes, DryRun: true);
        }

        var stored = new StoredCollectorRun(
            new CollectorRunRow
            {
                Id = id,
                Collector = name,
                StartedAt = started.ToUnixTimeMilliseconds(),
                FinishedAt = finished.ToUnixTimeMilliseconds(),
                ObservedAt = run.ObservedAt.ToUnixTimeMilliseconds(),
                Status = run.Status.ToWire(),
                Reason = run.Failure is { Length: > 2000 } text ? text[..2000] : run.Failure,
                Source = definition.Source,
                CapturesJson = JsonSerializer.Serialize(captures.Select(c => c.Sha256)),
            },
            [.. run.Checks.Select((c, i) => new CollectorCheckResultRow
            {
                RunId = id,
                Ordinal = i,
                CheckId = c.Id,
                Text = Cut(c.Text),
                Passed = c.Passed,
                Detail = Cut(c.Detail),
            })]);
        var evidence = captures.Select(c => (Evidence(definition, id, run, c), c.Content)).ToList();
        var saved = await store.RecordCollectorRunAsync(
            ids => AuditRecords.Of(clock, account, "collector.run", $"collectors/{name}/runs/{id}", new
            {
                run = id,
                collector = name,
                status = run.Status.ToWire(),
                reason = run.Failure,
                observedAt = run.ObservedAt,
                evidence = ids,
                checks = run.Checks.Select(c => new { id = c.Id, passed = c.Passed }),
            }),
            stored, evidence, ct);
        if (!saved.IsSuccess)
        {
            return saved.Error!;
        }

        program.Changed();
        return new CollectOutcome(id, name, run.Status.ToWire(), run.Failure, run.ObservedAt, saved.Value, run.Checks, run.Notes, DryRun: false);
    }

    // A capture as evidence: effective on the day the observed state held (not the day it was stored), with its
    // provenance (collector, kind, run, source) in the evidence's source.
    private static EvidenceItem Evidence(CollectorDefinition d, string runId, CollectorRun run, Capture capture)
    {
        var at = capture.ObservedAt ?? run.ObservedAt;
        return new EvidenceItem
        {
            Id = "",
            Title = $"{d.Name}: {capture.FileName} as observed {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC",
            Source = $"collector {d.Name} ({d.Kind.ToWire()}), run {runId}: {d.Source}",
            ControlIds = d.Controls,
            Versions =
            [
                new EvidenceVersion
                {
                    Number = 1,
                    Sha256 = capture.Sha256,
                    FileName = Trellis.Application.Compliance.EvidenceFiles.SanitizeFileName(capture.FileName.Replace('/', '_')),
                    Size = capture.Content.Length,
                    MediaType = capture.MediaType,
                    CollectedAt = at,
                    EffectiveFrom = DateOnly.FromDateTime(at.UtcDateTime),
                },
            ],
        };
    }

    private static string Cut(string s) => s.Length <= 1000 ? s : s[..999] + "…";
}
