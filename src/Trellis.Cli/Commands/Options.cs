using System.CommandLine;

namespace Trellis.Cli.Commands;

/// <summary>Options shared by several commands, built the same way everywhere.</summary>
internal static class Options
{
    /// <summary>A <c>--format</c> option restricted to the given values; the first is the default.</summary>
    public static Option<string> Format(params string[] formats)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = $"Output format: {string.Join(", ", formats)}.",
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }
}
