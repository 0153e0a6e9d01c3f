using System.Diagnostics;
using System.Globalization;
using Trellis.Data.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Trellis.Data.Tests;

public sealed class BulkReplaceTests(DatabaseFixture fixture, ITestOutputHelper output) : IClassFixture<DatabaseFixture>
{
    /// <summary>
    /// 10,000 evidence items by default; TRELLIS_BULK_EVIDENCE=200000 gives the benchmark's size (2,000
    /// controls) and prints wall and CPU time, e.g.
    /// <c>TRELLIS_BULK_EVIDENCE=200000 dotnet test tests/Trellis.Data.Tests --filter BulkReplace --logger "console;verbosity=detailed"</c>.
    /// </summary>
    [SkippableTheory, DatabaseData]
    public async Task ReplaceAsync_ManyEvidenceItems_LoadsBackEqualInTheSameQueryCount(DatabaseProvider provider)
    {
        var evidence = int.Parse(Environment.GetEnvironmentVariable("TRELLIS_BULK_EVIDENCE") ?? "10000", CultureInfo.InvariantCulture);
        var database = await fixture.OpenAsync(provider);
        var store = new ProgramStore(database);
        var program = ProgramSamples.Synthetic(evidence / 100, evidencePerControl: 100);
        var sw = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;

        var result = await store.ReplaceAsync(TestAudit.Record, program, new Dictionary<string, byte[]>());
        var replace = (Wall: sw.Elapsed, Cpu: Process.GetCurrentProcess().TotalProcessorTime - cpu);
        sw.Restart();
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        database.Queries.Reset();
        var loaded = await store.LoadAsync();
        var load = (Wall: sw.Elapsed, Cpu: Process.GetCurrentProcess().TotalProcessorTime - cpu);

        output.WriteLine($"{provider}, {evidence} evidence items: replace {replace.Wall.TotalSeconds:F1} s (CPU of this process {replace.Cpu.TotalSeconds:F1} s), load {load.Wall.TotalSeconds:F1} s (CPU {load.Cpu.TotalSeconds:F1} s) in {database.Queries.Count} queries");
        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(13, database.Queries.Count); // one per table: settings, 10 program tables, judgements, task notes
        DeepAssert.Equal(program, loaded);
    }
}
