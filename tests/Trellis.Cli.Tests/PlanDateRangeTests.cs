namespace Trellis.Cli.Tests;

/// <summary>
/// Issue 14, hole J: <c>trellis plan --certification-decision 9999-12-31</c> exited 70 (the planner's date arithmetic
/// overflowed). A date outside 2000–2100 is a one-line error naming the option, exit code 2.
/// </summary>
public sealed class PlanDateRangeTests
{
    [Theory]
    [InlineData("--certification-decision", "9999-12-31")]
    [InlineData("--soc2-start", "9999-12-31")]
    [InlineData("--soc2-type1", "1999-12-31")]
    public void Plan_DateOutsideThePlanningRange_ExitsWith2AndOneLineNamingTheOption(string option, string date)
    {
        var (code, output, error) = CliRunner.Run("plan", option, date);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {option}: ", line, StringComparison.Ordinal);
        Assert.Contains($"{date} is outside the planning range 2000-01-01 to 2100-12-31", line, StringComparison.Ordinal);
    }
}
