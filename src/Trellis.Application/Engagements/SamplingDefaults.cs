using System.Globalization;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Core.Program;

namespace Trellis.Application.Engagements;

/// <summary>
/// The deployment's default sample sizes per control frequency (issue 16, item 3): configuration
/// <c>Trellis:Sampling:&lt;cadence&gt; = size</c> (e.g. <c>Trellis:Sampling:monthly=3</c>, environment variable
/// <c>Trellis__Sampling__monthly=3</c>, read by <c>serve</c> and by the CLI alike). A cadence not configured keeps the
/// practice default of <see cref="Sampling.DefaultSize"/>. A size given with a draw always wins.
/// </summary>
public sealed class SamplingDefaults
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Trellis:Sampling";

    /// <summary>No overrides: common practice (<see cref="Sampling.DefaultSize"/>).</summary>
    public static SamplingDefaults Practice { get; } = new(new Dictionary<Cadence, int>());

    private SamplingDefaults(IReadOnlyDictionary<Cadence, int> sizes) => Sizes = sizes;

    /// <summary>The configured sizes by cadence.</summary>
    public IReadOnlyDictionary<Cadence, int> Sizes { get; }

    /// <summary>The default size for a control of <paramref name="cadence"/> with <paramref name="populationSize"/> items.</summary>
    public int For(Cadence cadence, int populationSize) => Sampling.DefaultSize(cadence, populationSize, Sizes);

    /// <summary>
    /// Reads <c>cadence = size</c> pairs (keys are cadence names: <c>daily</c>, <c>monthly</c>, <c>semi-annual</c>, …;
    /// sizes 1 to <see cref="Sampling.MaxSize"/>); an unknown cadence or a bad size is an error naming the key.
    /// </summary>
    public static Result<SamplingDefaults> Parse(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var sizes = new Dictionary<Cadence, int>();
        foreach (var (key, value) in settings)
        {
            var name = key.Trim().ToLowerInvariant();
            if (!Cadences.TryParse(name, out var cadence))
            {
                return new Error(ErrorCodes.InvalidSample, $"{Section}:{key}: '{key}' is not a cadence (one of {string.Join(", ", Cadences.WireNames)})", key);
            }

            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1 || size > Sampling.MaxSize)
            {
                return new Error(ErrorCodes.InvalidSample, $"{Section}:{key}: the size is a whole number from 1 to {Sampling.MaxSize} (got '{value}')", key);
            }

            sizes[cadence] = size;
        }

        return new SamplingDefaults(sizes);
    }
}
