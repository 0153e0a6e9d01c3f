using System.Globalization;
using Trellis.Bench;
using Trellis.Bench.Workloads;

// dotnet run -c Release --project bench/Trellis.Bench [-- [iterations] [workload ...] [--controls N] [--evidence N]]
// Workloads: crosswalk, reports, oscal, readiness-scale (default: all). --controls/--evidence size readiness-scale
// (defaults 2,000 and 200,000), e.g. `-- 3 readiness-scale --controls 200 --evidence 20000` for a smoke run.
var iterations = 15;
var controls = ReadinessScaleWorkloads.DefaultControls;
var evidence = ReadinessScaleWorkloads.DefaultEvidence;
var groups = new (string Name, Func<IEnumerable<Workload>> Create)[]
{
    ("crosswalk", CrosswalkWorkloads.Create),
    ("reports", ReportWorkloads.Create),
    ("oscal", OscalWorkloads.Create),
    ("readiness-scale", () => ReadinessScaleWorkloads.Create(controls, evidence)),
};
var selected = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] is "--controls" or "--evidence" && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var size) && size > 0)
    {
        if (args[i] == "--controls")
        {
            controls = size;
        }
        else
        {
            evidence = size;
        }

        i++;
    }
    else if (int.TryParse(args[i], CultureInfo.InvariantCulture, out var n) && n > 0)
    {
        iterations = n;
    }
    else if (groups.Any(g => g.Name == args[i]))
    {
        selected.Add(args[i]);
    }
    else
    {
        await Console.Error.WriteLineAsync($"unknown argument '{args[i]}'; workloads: {string.Join(", ", groups.Select(g => g.Name))}; options: --controls N, --evidence N");
        return 2;
    }
}

Harness.Run(groups.Where(g => selected.Count == 0 || selected.Contains(g.Name)).SelectMany(g => g.Create()), iterations, Console.Out);
return 0;
