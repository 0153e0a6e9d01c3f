using Trellis.Core.Common;
using Trellis.Core.Program;

namespace Trellis.Exchange.Spreadsheets;

/// <summary>
/// The outcome of reading a controls workbook: every control, or every problem found (up to
/// <see cref="WorkbookLimits.MaxErrors"/>) and no controls at all, so an import is all-or-nothing.
/// </summary>
public sealed record ControlWorkbookReadResult
{
    private ControlWorkbookReadResult(IReadOnlyList<Control>? controls, IReadOnlyList<Error> errors)
    {
        Controls = controls;
        Errors = errors;
    }

    /// <summary>The controls in sheet order; null when there are errors.</summary>
    public IReadOnlyList<Control>? Controls { get; }

    /// <summary>
    /// Every problem found; empty on success. A cell problem is located at sheet, cell and column
    /// (<c>Controls!E7 (cadence)</c>), a file problem at the file name.
    /// </summary>
    public IReadOnlyList<Error> Errors { get; }

    /// <summary>True when every row was read without any problem.</summary>
    public bool IsSuccess => Controls is not null;

    internal static ControlWorkbookReadResult Ok(IReadOnlyList<Control> controls) => new(controls, []);

    internal static ControlWorkbookReadResult Fail(IReadOnlyList<Error> errors) =>
        new(null, errors.Count > 0 ? errors : throw new ArgumentException("a failure needs errors", nameof(errors)));
}
