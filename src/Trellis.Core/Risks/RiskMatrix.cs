namespace Trellis.Core.Risks;

/// <summary>A level on the risk matrix, with the least score (likelihood × impact) that reaches it.</summary>
/// <param name="Name">e.g. <c>high</c>.</param>
/// <param name="MinScore">Least score of the level.</param>
public sealed record RiskLevel(string Name, int MinScore);

/// <summary>
/// The likelihood × impact matrix used to rate risks (clause 6.1.2 c–d). The default is 5 × 5 with
/// levels low (1–4), medium (5–9), high (10–16) and critical (17–25).
/// </summary>
public sealed record RiskMatrix
{
    /// <summary>The default 5 × 5 matrix.</summary>
    public static RiskMatrix Default { get; } = new();

    /// <summary>Number of likelihood levels. The default is 5.</summary>
    public int LikelihoodLevels { get; init; } = 5;

    /// <summary>Number of impact levels. The default is 5.</summary>
    public int ImpactLevels { get; init; } = 5;

    /// <summary>Levels in ascending order of <see cref="RiskLevel.MinScore"/>; the first must start at 1.</summary>
    public IReadOnlyList<RiskLevel> Levels { get; init; } =
        [new("low", 1), new("medium", 5), new("high", 10), new("critical", 17)];

    /// <summary>Risk acceptance threshold: levels at or above it need treatment other than retain. The default is high.</summary>
    public string AcceptanceThreshold { get; init; } = "high";

    /// <summary>The level of a likelihood and impact pair; throws when outside the matrix (a validation bug).</summary>
    public RiskLevel Rate(int likelihood, int impact)
    {
        if (likelihood < 1 || likelihood > LikelihoodLevels || impact < 1 || impact > ImpactLevels)
        {
            throw new ArgumentOutOfRangeException(nameof(likelihood), $"({likelihood}, {impact}) is outside the {LikelihoodLevels}x{ImpactLevels} matrix");
        }

        var score = likelihood * impact;
        return Levels.Last(l => l.MinScore <= score);
    }

    /// <summary>True when the pair is on the matrix.</summary>
    public bool Contains(int likelihood, int impact) =>
        likelihood >= 1 && likelihood <= LikelihoodLevels && impact >= 1 && impact <= ImpactLevels;

    /// <summary>
    /// The name of the level of a likelihood and impact pair (clause 6.1.2 d), or <c>off-matrix</c> when the pair is
    /// outside the matrix (e.g. a rating made before the matrix shrank): what the CLI and the API report as a
    /// risk's inherent and residual level.
    /// </summary>
    public string LevelName(int likelihood, int impact) =>
        Contains(likelihood, impact) ? Rate(likelihood, impact).Name : "off-matrix";
}
