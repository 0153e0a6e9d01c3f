using System.CommandLine;
using Trellis.Cli.Commands;
using Trellis.Core.Common;

namespace Trellis.Cli;

/// <summary>Exit codes of the <c>trellis</c> command.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The command line itself is malformed (System.CommandLine's parse errors).</summary>
    public const int Usage = 1;

    /// <summary>An expected failure: unknown framework or requirement, invalid input, a rule that forbids it.</summary>
    public const int Invalid = 2;

    /// <summary>A bug: an unexpected exception (reported in one line, never as a stack trace).</summary>
    public const int Internal = 70;
}

/// <summary>An expected failure raised deep inside a command, reported as one line with exit code 2.</summary>
public sealed class CliFailureException(Error error) : Exception(error.ToString())
{
    /// <summary>The typed error.</summary>
    public Error Error { get; } = error;
}

/// <summary>Builds and runs the <c>trellis</c> command tree.</summary>
public static class CliApp
{
    /// <summary>Runs the command line, writing to the given streams; returns the exit code.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error (progress bars are drawn here).</param>
    /// <param name="clock">The clock; the system clock by default.</param>
    /// <param name="terminal">True when both streams are an interactive terminal, so long work may draw progress bars.</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, TimeProvider? clock = null, bool terminal = false)
    {
        var context = new CliContext(output, error) { Clock = clock ?? TimeProvider.System, Terminal = terminal };
        var root = new RootCommand("Trellis: one program for ISO/IEC 27001 and SOC 2 — frameworks, crosswalk, controls, evidence, audits.");
        root.Options.Add(context.ActAs);
        foreach (var command in new[]
        {
            FrameworkCommands.Create(context),
            CrosswalkCommands.Create(context),
            WalkthroughCommands.Create(context),
            AdviceCommands.Create(context),
            ServeCommands.Create(context),
            ProgramCommands.Create(context),
            ReadinessCommands.Create(context),
            ProgramExchangeCommands.Create(context),
            ReportCommands.Create(context),
            BridgeLetterCommands.Create(context),
            EngagementCommands.Create(context),
            EngagementCommandsOnDatabase.Create(context),
            SampleCommands.Create(context),
            PackageCommands.Create(context),
            OscalCommands.Create(context),
            MappingCommands.Create(context),
            JudgementCommands.Create(context),
            TaskCommands.Create(context),
            PolicyCommands.Create(context),
            PeopleCommands.Create(context),
            VendorCommands.Create(context),
            NotifyCommands.Create(context),
            BackupCommands.Create(context),
            KeyRingCommands.Create(context),
            CollectorCommands.Create(context),
        }.SelectMany(c => c))
        {
            root.Subcommands.Add(command);
        }

        try
        {
            return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }).GetAwaiter().GetResult();
        }
        catch (CliFailureException failure)
        {
            error.WriteLine($"error: {failure.Error}");
            return ExitCodes.Invalid;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            error.WriteLine($"internal error: {ex.GetType().Name}: {ex.Message.Split('\n')[0]}");
            return ExitCodes.Internal;
        }
    }
}

/// <summary>What every command needs: where to write, and the clock.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Err">Standard error.</param>
public sealed record CliContext(TextWriter Out, TextWriter Err)
{
    /// <summary>The clock (tests inject a fixed one). The default is the system clock.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// <c>--as EMAIL</c>, on every command: act as that web account (its role and auditor scope decide what the command
    /// may do, and the audit trail names it) instead of <c>cli:&lt;operating-system user&gt;</c>.
    /// </summary>
    public Option<string?> ActAs { get; } = new("--as")
    {
        Description = "Act as this web account (its role decides what you may do; the audit trail names it) instead of cli:<operating-system user>.",
        Recursive = true,
    };

    /// <summary>
    /// True when standard output and standard error are both a terminal: long work then draws progress bars on standard
    /// error (<see cref="Output.TerminalProgress"/>). False in tests, pipes and redirections.
    /// </summary>
    public bool Terminal { get; init; }

    /// <summary>Today's calendar date in UTC, from <see cref="Clock"/>.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    /// <summary>Unwraps a result or raises the failure to be reported with exit code 2.</summary>
    public static T Require<T>(Result<T> result) => result.IsSuccess ? result.Value : throw new CliFailureException(result.Error!);
}
