using Trellis.Bench;
using Trellis.Bench.Workloads;

// dotnet run -c Release --project bench/Trellis.Bench [-- iterations]
var iterations = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 15;
Harness.Run(CrosswalkWorkloads.Create().Concat(ReportWorkloads.Create()).Concat(OscalWorkloads.Create()), iterations, Console.Out);
