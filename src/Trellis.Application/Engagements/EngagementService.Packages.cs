using System.Globalization;
using System.Text.Json;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Data;

namespace Trellis.Application.Engagements;

/// <summary>
/// The frozen package (issue 16, item 4; docs/auditors.md): the engagement's populations (CSV and query), samples,
/// requests with their threads and accepted answers, and the files of the evidence those answers give (the versions
/// effective in the window), zipped with a manifest of SHA-256 hashes and stored content-addressed; later edits to
/// evidence never change a stored package. Frozen by an admin or compliance manager (<c>package.freeze</c>).
/// </summary>
public sealed partial class EngagementService
{
    private static readonly JsonSerializerOptions PackageJson = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new WireNamesJsonConverter() } };

    /// <summary>Freezes the engagement's package now.</summary>
    public async Task<Result<(PackageRecord Record, byte[] Zip)>> FreezePackageAsync(Account account, string engagementId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var found = await GetAsync(account, engagementId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        if (!account.ManagesProgram)
        {
            return new Error(ErrorCodes.Forbidden, "only an admin or a compliance manager freezes the package");
        }

        var engagement = found.Value.Value;
        var files = new List<(string Path, byte[] Bytes)>();
        foreach (var p in (await store.PopulationsAsync(ct)).Select(p => p.Value).Where(p => p.EngagementId == engagementId))
        {
            files.Add(($"populations/{p.Id}.csv", AuditPackage.Utf8(p.Csv)));
            files.Add(($"populations/{p.Id}.json", JsonSerializer.SerializeToUtf8Bytes(p with { Csv = "" }, PackageJson)));
        }

        foreach (var s in (await store.SamplesAsync(ct)).Select(s => s.Value).Where(s => s.EngagementId == engagementId))
        {
            files.Add(($"samples/{s.Id}.json", JsonSerializer.SerializeToUtf8Bytes(new { s.Id, s.ControlId, s.PopulationSource, s.PopulationSize, s.Method, Seed = s.Seed.ToString(CultureInfo.InvariantCulture), s.Items, s.RequestIds, s.DrawnBy, s.DrawnAt }, PackageJson)));
        }

        var allRequests = (await store.RequestsAsync(ct)).Select(r => r.Value).ToList();
        var requests = allRequests.Where(r => r.EngagementId == engagementId).ToList();
        foreach (var r in requests)
        {
            files.Add(($"requests/{r.Id}.json", JsonSerializer.SerializeToUtf8Bytes(r, PackageJson)));
        }

        files.Add(("reuse.json", JsonSerializer.SerializeToUtf8Bytes(Reuse(engagementId, requests, allRequests), PackageJson)));

        var accepted = requests.Where(r => r.Status == AuditRequestStatus.Accepted).SelectMany(r => r.EvidenceIds).ToHashSet(StringComparer.Ordinal);
        var window = engagement.Window is { } w ? (w.Start, w.End) : engagement.AsOf is { } a ? (a, a) : ((DateOnly, DateOnly)?)null;
        foreach (var item in (await program.LoadAsync(ct)).Evidence.Where(e => accepted.Contains(e.Id)))
        {
            foreach (var v in item.Versions.Where(v => v.Sha256 is not null && (window is null || (v.EffectiveEnd >= window.Value.Item1 && v.EffectiveFrom <= window.Value.Item2))))
            {
                var file = await program.OpenEvidenceFileAsync(Account.System, item.Id, v.Number, ct);
                if (!file.IsSuccess)
                {
                    return file.Error!;
                }

                await using var content = file.Value.Content;
                using var copy = new MemoryStream();
                await content.CopyToAsync(copy, ct);
                files.Add(($"evidence/{item.Id}/v{v.Number}-{EvidenceFiles.SanitizeFileName(v.FileName ?? "file")}", copy.ToArray()));
            }
        }

        var at = clock.GetUtcNow();
        var header = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["engagement"] = engagementId,
            ["framework"] = engagement.Framework,
            ["frozenBy"] = account.Email,
            ["frozenAt"] = at.ToString("O", CultureInfo.InvariantCulture),
        };
        var (zip, manifest) = AuditPackage.Build(header, files);
        var record = new PackageRecord(engagementId, AuditPackage.Hash(zip), zip.LongLength, manifest, account.Email, at);
        await store.AddPackageAsync(Record(account, "package.freeze", $"package/{record.Sha256}", new { engagement = engagementId, sha256 = record.Sha256, files = manifest.Count }), record, zip, ct);
        return (record, zip);
    }

    // Where each tested occurrence serves two audits: items this engagement reused from another, and items of this
    // engagement another one reused (as recorded when the package is frozen).
    private static object Reuse(string engagementId, List<AuditRequest> requests, List<AuditRequest> all)
    {
        var byId = all.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var mine = requests.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        return new
        {
            engagement = engagementId,
            reusedHere = requests.Where(r => r.ReusedFrom is not null).Select(r => new
            {
                request = r.Id,
                control = r.ControlId,
                item = r.SampleItem,
                status = r.Status,
                testedIn = byId.TryGetValue(r.ReusedFrom!, out var from) ? from.EngagementId : null,
                testedBy = r.ReusedFrom,
            }),
            reusedElsewhere = all.Where(r => r.ReusedFrom is not null && mine.Contains(r.ReusedFrom)).Select(r => new
            {
                request = r.ReusedFrom,
                control = r.ControlId,
                item = r.SampleItem,
                reusedIn = r.EngagementId,
                reusedBy = r.Id,
                status = r.Status,
            }),
        };
    }

    /// <summary>The newest frozen package of an engagement the account sees, with its verified bytes.</summary>
    public async Task<Result<(PackageRecord Record, byte[] Zip)>> LatestPackageAsync(Account account, string engagementId, CancellationToken ct)
    {
        var found = await GetAsync(account, engagementId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var latest = (await store.PackagesAsync(ct)).LastOrDefault(p => p.EngagementId == engagementId);
        if (latest is null)
        {
            return new Error(ErrorCodes.UnknownPackage, $"engagement {engagementId} has no frozen package yet");
        }

        var bytes = await store.PackageBytesAsync(latest.Sha256, ct);
        return bytes.IsSuccess ? (latest, bytes.Value) : bytes.Error!;
    }
}
