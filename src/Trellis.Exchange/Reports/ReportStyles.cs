using Trellis.Core.Common;

namespace Trellis.Exchange.Reports;

/// <summary>Wire names of <see cref="ColumnAlignment"/> and <see cref="ChartTone"/>, as the JSON report and the HTML styles use them.</summary>
public static class ReportStyles
{
    private static readonly WireNames<ColumnAlignment> Alignments = new(new Dictionary<ColumnAlignment, string>
    {
        [ColumnAlignment.Left] = "left",
        [ColumnAlignment.Center] = "center",
        [ColumnAlignment.Right] = "right",
    });

    private static readonly WireNames<ChartTone> Tones = new(new Dictionary<ChartTone, string>
    {
        [ChartTone.Neutral] = "neutral",
        [ChartTone.Good] = "good",
        [ChartTone.Warning] = "warning",
        [ChartTone.Bad] = "bad",
        [ChartTone.Muted] = "muted",
    });

    /// <summary>Wire name: <c>left</c>, <c>center</c> or <c>right</c>.</summary>
    public static string ToWire(this ColumnAlignment alignment) => Alignments[alignment];

    /// <summary>Parses an alignment wire name; false when unknown.</summary>
    public static bool TryParse(string? text, out ColumnAlignment alignment) => Alignments.TryParse(text, out alignment);

    /// <summary>Wire name: <c>neutral</c>, <c>good</c>, <c>warning</c>, <c>bad</c> or <c>muted</c>.</summary>
    public static string ToWire(this ChartTone tone) => Tones[tone];

    /// <summary>Parses a tone wire name; false when unknown.</summary>
    public static bool TryParse(string? text, out ChartTone tone) => Tones.TryParse(text, out tone);
}
