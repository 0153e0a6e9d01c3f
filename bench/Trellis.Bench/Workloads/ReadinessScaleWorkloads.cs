using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Trellis.Content;
using Trellis.Core.Evidence;
using Trellis.Core.Readiness;
using Trellis.Data;

namespace Trellis.Bench.Workloads;

/// <summary>
/// Readiness at scale (issue 3, item 8): a program of 2,000 controls and 200,000 evidence items stored in a
/// temporary SQLite database, read with <see cref="ProgramStore.LoadReadinessAsync"/> (the database aggregates the
/// evidence, issue 18) and judged against the four shipped frameworks as <c>trellis readiness</c> does, against one
/// hand-written SQL query over the same tables.
/// </summary>
internal static class ReadinessScaleWorkloads
{
    /// <summary>The size.</summary>
    public const int DefaultControls = 2_000;

    /// <summary>The size.</summary>
    public const int DefaultEvidence = 200_000;

    /// <summary>
    /// The baseline: per control, its status, cadence and the newest effective end of any version of any evidence
    /// linked to it (what <see cref="ControlState"/> starts from). Dates are ISO text, so MAX orders them.
    /// </summary>
    private const string LatestEvidenceSql = """
        SELECT c.id, c.status, c.cadence, MAX(COALESCE(v.effective_to, v.effective_from)) AS latest
        FROM controls c
        LEFT JOIN evidence_controls ec ON ec.control_id = c.id
        LEFT JOIN evidence_versions v ON v.evidence_id = ec.evidence_id
        GROUP BY c.id
        """;

    private static readonly DateOnly Today = new(2026, 11, 27);

    public static IEnumerable<Workload> Create(int controls, int evidence)
    {
        var folder = Path.Combine(Path.GetTempPath(), "trellis-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var setup = Stopwatch.StartNew();
            var program = SyntheticProgram.Build(ShippedContent.Catalog, controls, evidence, Today);
            var generated = setup.Elapsed;
            var database = TrellisDatabase.Open(Path.Combine(folder, "trellis.db")).Value;
            database.MigrateAsync().GetAwaiter().GetResult();
            var counts = new ProgramStore(database).ReplaceAsync(new Trellis.Data.AuditTrail.AuditRecord(DateTimeOffset.UnixEpoch, "bench", "program.import", "program", null), program, new Dictionary<string, byte[]>()).GetAwaiter().GetResult();
            if (!counts.IsSuccess)
            {
                throw new InvalidOperationException($"storing the synthetic program failed: {counts.Error!.Message}");
            }

            var stored = setup.Elapsed - generated;
            var stale = CheckBaselineAgrees(database);
            var expected = WholeProgramSummaries(database);
            if (Readiness(database).Summaries != expected)
            {
                throw new InvalidOperationException($"readiness from the aggregates differs from readiness of the whole program: {expected}");
            }

            var rows = 0;
            var queries = 0L;
            var load = new List<double>();
            var judge = new List<double>();
            var summary = string.Empty;
            yield return new Workload(
                $"readiness x4 ({controls} controls, {evidence} evidence)",
                () => rows = LatestEvidence(database.ConnectionString).Count,
                () =>
                {
                    database.Queries.Reset();
                    var t = Stopwatch.GetTimestamp();
                    var (loadMs, summaries) = Readiness(database);
                    load.Add(loadMs);
                    judge.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds - loadMs);
                    queries = database.Queries.Count;
                    summary = summaries;
                },
                () => string.Create(CultureInfo.InvariantCulture,
                    $"{queries} SQL queries vs 1 ({rows} rows); load {Median(load):F0} ms + readiness {Median(judge):F0} ms; " +
                    $"{counts.Value.EvidenceVersions} versions, {stale} controls stale; setup {generated.TotalSeconds:F1} s generate + {stored.TotalSeconds:F1} s migrate+replace; {summary}"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>
    /// The steps of <c>trellis readiness FRAMEWORK</c> (src/Trellis.Cli/Commands/ReadinessCommands.cs through
    /// ProgramService.ReadinessAsync), for each framework, sharing one load: the shipped engine, the framework looked up
    /// in its catalog, the readiness view read (<see cref="ProgramStore.LoadReadinessAsync"/>: the database aggregates
    /// the evidence), <c>ReadinessAnalysis.Compute</c> over its states
    /// with the default policy and no <c>--from</c>. Opening and migrating the database, which the CLI does at every
    /// start, is setup here. Returns the load time and the summaries.
    /// </summary>
    private static (double LoadMs, string Summaries) Readiness(TrellisDatabase database)
    {
        var engine = ShippedContent.Engine;
        var t = Stopwatch.GetTimestamp();
        var view = new ProgramStore(database).LoadReadinessAsync(Today, new FreshnessPolicy()).GetAwaiter().GetResult();
        var loadMs = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        var summaries = new List<string>();
        foreach (var id in SyntheticProgram.Frameworks)
        {
            var fw = engine.Catalog.Framework(id).Value;
            var report = ReadinessAnalysis.Compute(view.Program, view.States, engine, fw.Id, Today).Value;
            summaries.Add($"{id} {report.Summary.GetValueOrDefault(ReadinessStatus.Covered)}/{report.Requirements.Count} covered");
        }

        return (loadMs, string.Join(", ", summaries));
    }

    /// <summary>The same summaries from the whole program (the path before issue 18), to check the new one agrees.</summary>
    private static string WholeProgramSummaries(TrellisDatabase database)
    {
        var engine = ShippedContent.Engine;
        var program = new ProgramStore(database).LoadAsync().GetAwaiter().GetResult();
        return string.Join(", ", SyntheticProgram.Frameworks.Select(id =>
        {
            var report = ReadinessAnalysis.Compute(program, engine, id, Today).Value;
            return $"{id} {report.Summary.GetValueOrDefault(ReadinessStatus.Covered)}/{report.Requirements.Count} covered";
        }));
    }

    /// <summary>Runs the baseline query and reads every row.</summary>
    private static Dictionary<string, DateOnly?> LatestEvidence(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = LatestEvidenceSql;
        using var reader = command.ExecuteReader();
        var result = new Dictionary<string, DateOnly?>(StringComparer.Ordinal);
        while (reader.Read())
        {
            _ = reader.GetString(1);
            _ = reader.GetString(2);
            result[reader.GetString(0)] = reader.IsDBNull(3) ? null : DateOnly.ParseExact(reader.GetString(3), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return result;
    }

    /// <summary>
    /// The baseline must find the same newest date per control as readiness does, or the ratio means nothing.
    /// Returns the number of controls whose evidence is stale.
    /// </summary>
    private static int CheckBaselineAgrees(TrellisDatabase database)
    {
        var program = new ProgramStore(database).LoadAsync().GetAwaiter().GetResult();
        var states = ControlState.Index(program, Today, new FreshnessPolicy());
        var baseline = LatestEvidence(database.ConnectionString);
        var differing = states.Values.Where(s => !baseline.TryGetValue(s.Control.Id, out var d) || d != s.LatestEffective).Select(s => s.Control.Id).ToList();
        if (differing.Count > 0 || baseline.Count != states.Count)
        {
            throw new InvalidOperationException($"baseline query and ControlState disagree on {differing.Count} controls, e.g. {differing.FirstOrDefault()}");
        }

        return states.Values.Count(s => s.Freshness == FreshnessState.Stale);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}
