using System.Text.Json;
using Trellis.Collectors;
using Trellis.Collectors.Checks;
using Trellis.Data;
using Trellis.Data.Rows;

namespace Trellis.Application.Collectors;

/// <summary>A collector's definition as stored (collectors.definition_json) and read back; the secret is never in it.</summary>
internal static class CollectorDocuments
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write(CollectorDefinition d) => JsonSerializer.Serialize(
        new Document(d.Controls, d.Url?.AbsoluteUri, d.Method, d.SecretHeader, d.SecretReference, [.. d.Checks.Select(c => c.Text)], d.AllowPrivateNetwork, d.Path), Json);

    public static CollectorDefinition Read(CollectorRow row)
    {
        var doc = JsonSerializer.Deserialize<Document>(row.DefinitionJson, Json) ?? throw new InvalidDataException($"collector '{row.Name}' has no definition");
        if (!CollectorKinds.TryParse(row.Kind, out var kind))
        {
            throw new InvalidDataException($"collector '{row.Name}' has an unknown kind '{row.Kind}'");
        }

        return new CollectorDefinition
        {
            Name = row.Name,
            Kind = kind,
            Controls = doc.Controls,
            Url = doc.Url is null ? null : new Uri(doc.Url),
            Method = doc.Method ?? "GET",
            SecretHeader = doc.SecretHeader,
            SecretReference = doc.SecretReference,
            Schedule = row.Schedule,
            Checks = [.. doc.Checks.Select((c, i) => CollectorCheck.Parse(c, i + 1).Value)],
            AllowPrivateNetwork = doc.AllowPrivateNetwork,
            Path = doc.Path,
        };
    }

    public static RunFacts Facts(StoredCollectorRun run)
    {
        if (!RunStatuses.TryParse(run.Run.Status, out var status))
        {
            throw new InvalidDataException($"collector run '{run.Run.Id}' has an unknown status '{run.Run.Status}'");
        }

        return new RunFacts(status, DateTimeOffset.FromUnixTimeMilliseconds(run.Run.ObservedAt), run.Run.Reason,
            [.. run.Checks.Select(c => new CheckResult(c.CheckId, c.Text, c.Passed, c.Detail))]);
    }

    /// <summary>The exceptions of every collector from its stored runs.</summary>
    public static async Task<IReadOnlyList<CollectorAlert>> ExceptionsAsync(ProgramStore store, CancellationToken ct)
    {
        var collectors = await store.CollectorsAsync(ct).ConfigureAwait(false);
        if (collectors.Count == 0)
        {
            return [];
        }

        var runs = (await store.CollectorRunsAsync(null, 50, ct).ConfigureAwait(false)).ToLookup(r => r.Run.Collector, StringComparer.Ordinal);
        return [.. collectors.SelectMany(c => CollectorReadiness.Exceptions(c.Name, Read(c).Controls, [.. runs[c.Name].Select(Facts)]))];
    }

    private sealed record Document(
        IReadOnlyList<string> Controls, string? Url, string? Method, string? SecretHeader, string? SecretReference,
        IReadOnlyList<string> Checks, bool AllowPrivateNetwork, string? Path);
}
