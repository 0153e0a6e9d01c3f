using Trellis.Core.Serialization;

namespace Trellis.Exchange.ProgramAsCode;

/// <summary>Limits applied when importing a program folder (program.yaml and its evidence files).</summary>
public sealed record ProgramYamlLimits
{
    /// <summary>Largest accepted evidence file, in bytes. The default is 50 MB (52,428,800 bytes).</summary>
    public long MaxEvidenceFileBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Largest accepted sum of all distinct evidence files, in bytes. The default is 1 GiB.</summary>
    public long MaxTotalEvidenceBytes { get; init; } = 1024L * 1024 * 1024;

    /// <summary>Largest accepted program.yaml, in bytes. The default is 64 MB (67,108,864 bytes).</summary>
    public long MaxProgramFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Depth, node and scalar limits for parsing program.yaml. The default is <see cref="YamlLimits"/>'s defaults.</summary>
    public YamlLimits Yaml { get; init; } = new();
}
