using SharpFuzz;
using Trellis.Fuzz;

// Usage (docs/fuzzing.md):
//   Trellis.Fuzz <target>                    run under afl-fuzz (fuzz/run.sh does this)
//   Trellis.Fuzz <target> --run <file|dir>…  run inputs once each without afl (reproduce a crash, check a corpus)
//   Trellis.Fuzz seed <corpus-dir>            write the generated seeds (workbooks, multipart bodies)
if (args.Length == 2 && args[0] == "seed")
{
    Seeds.Write(args[1]);
    return 0;
}

if (args.Length == 0 || !Targets.All.TryGetValue(args[0], out var make))
{
    Console.Error.WriteLine($"usage: Trellis.Fuzz <{string.Join('|', Targets.All.Keys)}> [--run <file|dir>...] | seed <dir>");
    return 2;
}

Replay.UseScratchMap();
var target = make();
if (args.Length > 1 && args[1] == "--run")
{
    return Replay.Run(target, args[2..]);
}

void Action(Stream stream)
{
    using var copy = new MemoryStream();
    stream.CopyTo(copy);
    target(copy.ToArray());
}

// Out of process by default: a stack overflow or a hang restarts the child instead of ending the campaign.
if (Environment.GetEnvironmentVariable("TRELLIS_FUZZ_IN_PROCESS") == "1")
{
    Fuzzer.Run(Action);
}
else
{
    Fuzzer.OutOfProcess.Run(Action);
}

return 0;
