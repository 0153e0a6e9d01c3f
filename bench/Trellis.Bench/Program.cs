using System.Globalization;
using Trellis.Bench;
using Trellis.Bench.Workloads;

// dotnet run -c Release --project bench/Trellis.Bench [-- [iterations] [workload ...] [--controls N] [--evidence N] [--cli PATH] [--json FILE]]
// Workloads: crosswalk, reports, oscal, readiness-scale, cold-start (default: all). --controls/--evidence size readiness-scale
// (defaults 2,000 and 200,000), e.g. `-- 3 readiness-scale --controls 200 --evidence 20000` for a smoke run.
// cold-start launches the built CLI (or --cli PATH, e.g. a published out/trellis) against a hello world built alongside.
// --json FILE also writes every workload's baseline, Trellis time, ratio and peak memory, with the machine, as JSON.
var iterations = 15;
string? json = null;
string? cli = null;
var controls = ReadinessScaleWorkloads.DefaultControls;
var evidence = ReadinessScaleWorkloads.DefaultEvidence;
var groups = new (string Name, Func<IEnumerable<Workload>> Create)[]
{
    ("crosswalk", CrosswalkWorkloads.Create),
    ("reports", ReportWorkloads.Create),
    ("oscal", OscalWorkloads.Create),
    ("readiness-scale", () => ReadinessScaleWorkloads.Create(controls, evidence)),
    ("cold-start", () => ColdStartWorkloads.Create(cli)),
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
    else if (args[i] is "--json" or "--cli" && i + 1 < args.Length)
    {
        (json, cli) = args[i] == "--json" ? (args[i + 1], cli) : (json, Path.GetFullPath(args[i + 1]));
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
        await Console.Error.WriteLineAsync($"unknown argument '{args[i]}'; workloads: {string.Join(", ", groups.Select(g => g.Name))}; options: --controls N, --evidence N, --cli PATH, --json FILE");
        return 2;
    }
}

var results = Harness.Run(groups.Where(g => selected.Count == 0 || selected.Contains(g.Name)).SelectMany(g => g.Create()), iterations, Console.Out);
if (json is not null)
{
    JsonReport.Write(json, "Trellis.Bench", results, iterations);
    Console.WriteLine($"figures written to {json}");
}

return 0;
