using Trellis.Core.Common;
using Trellis.Core.Program;

namespace Trellis.Core.Audits;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014; the reference
/// code is Vigna's <c>splitmix64.c</c>, prng.di.unimi.it): a 64-bit state advanced by the golden-ratio increment
/// 0x9E3779B97F4A7C15 and mixed by two xor-shift-multiply rounds. Written out here so a sample drawn today is drawn
/// the same on any runtime forever (System.Random(seed) promises its sequence only per runtime version). Not
/// cryptographic: a sample's seed is recorded and published on purpose, so anyone can redraw it.
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The next 64-bit output.</summary>
    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>
    /// A uniform integer in [0, <paramref name="bound"/>): outputs below 2^64 mod bound are rejected (Lemire's threshold)
    /// so that no value is favoured by the modulo.
    /// </summary>
    public ulong NextBelow(ulong bound)
    {
        ArgumentOutOfRangeException.ThrowIfZero(bound);
        var threshold = (0UL - bound) % bound;
        while (true)
        {
            var r = Next();
            if (r >= threshold)
            {
                return r % bound;
            }
        }
    }
}

/// <summary>One item of a population: what happened, when, and the evidence that shows it.</summary>
/// <param name="Item">The item's name: a ledger occurrence's period (<c>2026-05-01..2026-05-31</c>) or an uploaded row's ID.</param>
/// <param name="OccurredOn">The day it occurred (a period's last day), or null when unknown.</param>
/// <param name="Evidence">Evidence IDs that speak for it (may be empty: a missing occurrence is still in the population).</param>
public sealed record PopulationItem(string Item, DateOnly? OccurredOn, IReadOnlyList<string> Evidence);

/// <summary>
/// Drawing a sample for a test of operating effectiveness: simple random sampling without replacement. The items are
/// taken in population order, a partial Fisher–Yates shuffle driven by <see cref="SplitMix64"/> picks the first
/// <c>size</c> positions, and the picks are returned in population order. Same population, size and seed → same items.
/// </summary>
public static class Sampling
{
    /// <summary>The recorded name of the method.</summary>
    public const string Method = "simple-random-without-replacement (partial Fisher-Yates, SplitMix64)";

    /// <summary>The largest sample Trellis draws.</summary>
    public const int MaxSize = 1000;

    /// <summary>Draws <paramref name="size"/> items of <paramref name="population"/> with <paramref name="seed"/>.</summary>
    public static Result<IReadOnlyList<PopulationItem>> Draw(IReadOnlyList<PopulationItem> population, int size, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(population);
        if (population.Count == 0)
        {
            return new Error(ErrorCodes.InvalidSample, "the population is empty: there is nothing to sample", "population");
        }

        if (size < 1 || size > MaxSize)
        {
            return new Error(ErrorCodes.InvalidSample, $"a sample has 1 to {MaxSize} items (asked: {size})", "size");
        }

        var n = population.Count;
        var k = Math.Min(size, n);
        var positions = Enumerable.Range(0, n).ToArray();
        var random = new SplitMix64(seed);
        for (var i = 0; i < k; i++)
        {
            var j = i + (int)random.NextBelow((ulong)(n - i));
            (positions[i], positions[j]) = (positions[j], positions[i]);
        }

        return Result<IReadOnlyList<PopulationItem>>.Ok([.. positions.Take(k).Order().Select(p => population[p])]);
    }

    /// <summary>
    /// The default sample size for a control of <paramref name="cadence"/> with <paramref name="populationSize"/> items:
    /// the low end of the range common audit practice uses for tests of controls (annual 1; quarterly 2; monthly 2–5;
    /// weekly 5–15; daily 20–40; several times a day 25–60) — practice, not a standard (AICPA's Audit Guide
    /// "Audit Sampling" and the firms' own tables vary). Semi-annual takes 1 like annual; on-event controls are sized by
    /// their population like the nearest frequency. Never more than the population. <paramref name="overrides"/> replace a
    /// cadence's default (configuration).
    /// </summary>
    public static int DefaultSize(Cadence cadence, int populationSize, IReadOnlyDictionary<Cadence, int>? overrides = null)
    {
        var size = overrides is not null && overrides.TryGetValue(cadence, out var configured) ? configured : cadence switch
        {
            Cadence.Annual or Cadence.SemiAnnual => 1,
            Cadence.Quarterly => 2,
            Cadence.Monthly => 2,
            Cadence.Weekly => 5,
            Cadence.Daily => 20,
            Cadence.Continuous => 25,
            _ => populationSize switch
            {
                <= 1 => 1,
                <= 12 => 2,
                <= 52 => 5,
                <= 365 => 20,
                _ => 25,
            },
        };
        return Math.Max(1, Math.Min(size, populationSize));
    }
}
