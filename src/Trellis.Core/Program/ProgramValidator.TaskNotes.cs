using Trellis.Core.Common;
using Trellis.Core.Operations;

namespace Trellis.Core.Program;

/// <summary>Task note checks: one note per control and period, on a control of the program.</summary>
public static partial class ProgramValidator
{
    private static void CheckTaskNotes(IReadOnlyList<ControlTaskNote> notes, HashSet<string> controlIds, List<Error> errors)
    {
        var seen = new HashSet<(string, DateOnly)>();
        for (var i = 0; i < notes.Count; i++)
        {
            var n = notes[i];
            var at = $"taskNotes[{i}]";
            if (!seen.Add((n.ControlId, n.PeriodStart)))
            {
                errors.Add(new Error(ErrorCodes.InvalidField, $"control {n.ControlId}'s occurrence from {n.PeriodStart:yyyy-MM-dd} has a note already; keep one note per occurrence", at));
            }

            if (n.ControlId.Length > 0 && !controlIds.Contains(n.ControlId))
            {
                errors.Add(new Error(ErrorCodes.UnknownControl, $"the task note names control '{n.ControlId}', which is not in the program", $"{at}.control"));
            }
        }
    }
}
