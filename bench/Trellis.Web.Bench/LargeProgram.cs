using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Bench.Workloads;
using Trellis.Content;
using Trellis.Data;

/// <summary>
/// <c>pages --large</c> (issue 18, item 6): the demo company grown to the size. The synthetic controls and
/// evidence of the readiness-scale workload (bench/Trellis.Bench, <see cref="SyntheticProgram"/>: a fixed seed, dates
/// relative to a fixed day) are added to the demo program the server loaded, and the whole is stored through the
/// product's own program replacement (<see cref="ProgramImports.ReplaceAsync"/>, which writes with BulkInsert), so
/// the demo's risks, SoA, policies, registers, engagements and findings stay and every page has something to show.
/// </summary>
internal static class LargeProgram
{
    /// <summary>The size: synthetic controls added to the demo's.</summary>
    public const int Controls = 2_000;

    /// <summary>The size: synthetic evidence items added to the demo's.</summary>
    public const int Evidence = 200_000;

    /// <summary>A synthetic control with evidence (the first one), for the pages about one control.</summary>
    public const string Control = "CTL-00000";

    private static readonly DateOnly Today = new(2026, 11, 27);

    public static async Task LoadAsync(WebApplication app)
    {
        var t = Stopwatch.StartNew();
        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ProgramStore>();
        var demo = await store.LoadAsync();
        var synthetic = SyntheticProgram.Build(ShippedContent.Catalog, Controls, Evidence, Today);
        var program = demo with
        {
            Controls = [.. demo.Controls, .. synthetic.Controls],
            Evidence = [.. demo.Evidence, .. synthetic.Evidence],
        };
        var generated = t.Elapsed;
        var counts = await scope.ServiceProvider.GetRequiredService<ProgramImports>()
            .ReplaceAsync(Account.System, program, new Dictionary<string, byte[]>(), "bench --large", CancellationToken.None);
        if (!counts.IsSuccess)
        {
            throw new InvalidOperationException($"storing the large program failed: {counts.Error!.Message}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Large program: {counts.Value.Controls} controls, {counts.Value.Evidence} evidence items, {counts.Value.EvidenceVersions} versions " +
            $"(generated in {generated.TotalSeconds:F1} s, stored in {(t.Elapsed - generated).TotalSeconds:F1} s)"));
    }
}
