using Spectre.Console;
using Trellis.Core.Common;

namespace Trellis.Cli.Output;

/// <summary>
/// Progress bars for long work (issue 18, item 7): imports, exports, large reports and collector runs draw one line per
/// step on standard error while they run — a bar with a percentage where the work knows its size, a spinner where it
/// does not. Only on a terminal: when either output stream is redirected, or the command writes machine-readable
/// output (<c>--format json</c>), nothing extra is written and the work runs exactly as without progress.
/// </summary>
internal static class TerminalProgress
{
    /// <summary>Runs <paramref name="work"/>, drawing what it reports when <see cref="CliContext.Terminal"/> allows and <paramref name="quiet"/> does not forbid it.</summary>
    public static async Task<T> RunAsync<T>(CliContext ctx, bool quiet, Func<IProgress<WorkProgress>?, Task<T>> work)
    {
        if (quiet || !ctx.Terminal)
        {
            return await work(null).ConfigureAwait(false);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(ctx.Err),
        });
        return await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var steps = new Steps(context);
                try
                {
                    return await work(steps).ConfigureAwait(false);
                }
                finally
                {
                    steps.Finish();
                }
            }).ConfigureAwait(false);
    }

    /// <summary>Synchronous work, same rules.</summary>
    public static Task<T> Run<T>(CliContext ctx, bool quiet, Func<IProgress<WorkProgress>?, T> work) =>
        RunAsync(ctx, quiet, p => Task.FromResult(work(p)));

    // One Spectre task per step; a new step completes the previous one. Reports may come from any thread.
    private sealed class Steps(ProgressContext context) : IProgress<WorkProgress>
    {
        private readonly Lock _gate = new();
        private ProgressTask? _current;
        private string? _step;

        public void Report(WorkProgress value)
        {
            lock (_gate)
            {
                if (!string.Equals(value.Step, _step, StringComparison.Ordinal))
                {
                    Complete();
                    _step = value.Step;
                    _current = context.AddTask(Markup.Escape(value.Step), autoStart: true, maxValue: Math.Max(value.Total, 1));
                }

                _current!.IsIndeterminate = value.Total <= 0;
                if (value.Total > 0)
                {
                    _current.MaxValue = value.Total;
                    _current.Value = Math.Min(value.Done, value.Total);
                }
            }
        }

        public void Finish()
        {
            lock (_gate)
            {
                Complete();
            }
        }

        private void Complete()
        {
            if (_current is null)
            {
                return;
            }

            _current.IsIndeterminate = false;
            _current.Value = _current.MaxValue;
            _current.StopTask();
        }
    }
}
