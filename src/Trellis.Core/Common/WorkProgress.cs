namespace Trellis.Core.Common;

/// <summary>
/// How far a long piece of work has got (issue 18, item 7): imports, large reports and collector runs report it, and the
/// command line draws it as a progress bar on a terminal. Reporting is optional everywhere (a null
/// <see cref="IProgress{T}"/> costs nothing) and never changes what the work does or returns.
/// </summary>
/// <param name="Step">What is being done, in words a user reads ("Reading evidence files").</param>
/// <param name="Done">Units finished in this step.</param>
/// <param name="Total">Units in this step, or 0 when the size is not known in advance (drawn as a spinner).</param>
public readonly record struct WorkProgress(string Step, long Done, long Total)
{
    /// <summary>A step whose size is not known; drawn as running until the next step starts.</summary>
    public static WorkProgress Started(string step) => new(step, 0, 0);
}
