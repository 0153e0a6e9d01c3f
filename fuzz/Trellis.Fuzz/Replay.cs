using System.Runtime.InteropServices;

namespace Trellis.Fuzz;

/// <summary>Runs a target once on each input file, outside afl-fuzz: reproduces crashes and checks a corpus.</summary>
internal static class Replay
{
    /// <summary>
    /// Points SharpFuzz's edge counters at a scratch map. Instrumented code writes through this pointer; before
    /// SharpFuzz attaches afl's shared memory (target setup, afl's out-of-process parent, replays) it must still point
    /// somewhere, or the first instrumented call is an access violation.
    /// </summary>
    public static unsafe void UseScratchMap() => SharpFuzz.Common.Trace.SharedMem = (byte*)Marshal.AllocHGlobal(1 << 16);

    /// <summary>Exit code 0 when no input threw, 1 when any did (each is printed with its exception).</summary>
    public static int Run(Action<byte[]> target, IEnumerable<string> paths)
    {
        var files = paths.SelectMany(p => Directory.Exists(p)
            ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.'))
            : [p]).Order(StringComparer.Ordinal).ToList();
        var crashes = 0;
        foreach (var file in files)
        {
            try
            {
                target(File.ReadAllBytes(file));
            }
#pragma warning disable CA1031 // every exception is a finding to report, not to handle
            catch (Exception ex)
#pragma warning restore CA1031
            {
                crashes++;
                Console.WriteLine($"CRASH {file}\n{ex}\n");
            }
        }

        Console.WriteLine($"{files.Count} inputs, {crashes} crashed");
        return crashes == 0 ? 0 : 1;
    }
}
