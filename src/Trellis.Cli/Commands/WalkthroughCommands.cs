using System.CommandLine;
using Trellis.Application.Catalogs;
using Trellis.Core.Crosswalk;
using Trellis.Core.Frameworks;

namespace Trellis.Cli.Commands;

/// <summary><c>trellis walkthrough</c>: a short guided tour of the catalogs and the crosswalk, for a first run.</summary>
internal static class WalkthroughCommands
{
    public static IEnumerable<Command> Create(CliContext ctx)
    {
        var cmd = new Command("walkthrough", "A guided tour: frameworks, the crosswalk, what ISO 27001 covers of SOC 2, and the guide's table corrected.");
        cmd.SetAction(_ =>
        {
            var o = ctx.Out;
            var catalog = FrameworkLibrary.ShippedEngine.Catalog;
            o.WriteLine("Trellis — one program for ISO/IEC 27001 and SOC 2\n");
            o.WriteLine("1. Frameworks shipped as data (trellis frameworks):");
            foreach (var f in catalog.Frameworks)
            {
                o.WriteLine($"   {f.Id,-15} {f.Name} — {f.Requirements.Count} requirements ({f.Metadata.AssuranceModel})");
            }

            o.WriteLine("\n2. Curated crosswalks (trellis crosswalk <from> <to>):");
            foreach (var m in catalog.Mappings)
            {
                var counts = m.Links.GroupBy(l => l.Relationship).OrderBy(g => g.Key).Select(g => $"{g.Key.ToWire()} {g.Count()}");
                o.WriteLine($"   {m.From} → {m.To}: {m.Links.Count} links ({string.Join(", ", counts)})");
            }

            var coverage = CoverageAnalysis.Compute(FrameworkLibrary.ShippedEngine, FrameworkIds.Soc2v2017, FrameworkIds.Iso27001v2022).Value;
            o.WriteLine("\n3. We run an ISO 27001 ISMS: what does it give us for SOC 2? (trellis coverage soc2-2017 --implemented iso27001-2022)");
            foreach (var level in Enum.GetValues<CoverageLevel>())
            {
                var ids = coverage.Where(c => c.Level == level).Select(c => c.Requirement).ToList();
                o.WriteLine($"   {level.ToWire(),-8} {ids.Count,3}  {string.Join(" ", ids.Take(12))}{(ids.Count > 12 ? " …" : "")}");
            }

            o.WriteLine("   That is the ceiling: every ISO requirement implemented and operating. What your own program has of SOC 2 today,");
            o.WriteLine("   point of focus by point of focus, with judgements and evidence freshness: trellis readiness soc2-2017 --from iso27001-2022");

            var rows = LegacyGuideView.Build(FrameworkLibrary.ShippedEngine, FrameworkLibrary.GuideClaims);
            var claims = rows.SelectMany(r => r.Claims).ToList();
            o.WriteLine($"\n4. The source guide's mapping table, checked (trellis guide-table): {claims.Count(c => c.Verdict == ClaimVerdict.Confirmed)} of {claims.Count} claims confirmed;");
            foreach (var r in rows.Where(r => r.Claims.Any(c => c.Verdict != ClaimVerdict.Confirmed)).Take(5))
            {
                o.WriteLine($"   {r.Section,-5} guide says {string.Join(", ", r.Claims.Select(c => $"{c.Criterion} ({c.Verdict.ToWire()})"))}");
            }

            o.WriteLine("\nNext: trellis framework show soc2-2017 · trellis crosswalk iso27001-2013 soc2-2017 --inferred · trellis --help");
            return ExitCodes.Ok;
        });
        yield return cmd;
    }
}
