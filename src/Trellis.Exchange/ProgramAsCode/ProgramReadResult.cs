using Trellis.Core.Common;
using Trellis.Core.Policies;
using Trellis.Core.Program;

namespace Trellis.Exchange.ProgramAsCode;

/// <summary>
/// The outcome of reading a program folder: the whole program and every evidence file it references, or every
/// problem found and nothing else (imports are all-or-nothing).
/// </summary>
public sealed record ProgramReadResult
{
    private ProgramReadResult(ComplianceProgram? program, IReadOnlyDictionary<string, byte[]> blobs, IReadOnlyList<Error> errors)
    {
        Program = program;
        Blobs = blobs;
        Errors = errors;
    }

    /// <summary>The program; null when there are errors.</summary>
    public ComplianceProgram? Program { get; }

    /// <summary>Evidence file contents by lowercase hex SHA-256 (verified); empty when there are errors.</summary>
    public IReadOnlyDictionary<string, byte[]> Blobs { get; }

    /// <summary>Every problem found, each naming file and line (<c>program.yaml:12</c>) and the field; empty on success.</summary>
    public IReadOnlyList<Error> Errors { get; }

    /// <summary>True when the program was read and validated without any problem.</summary>
    public bool IsSuccess => Program is not null;

    /// <summary>The staff and vendor registers (<see cref="ProgramRegisters.Empty"/> when the file has none, or on errors).</summary>
    public ProgramRegisters Registers { get; private init; } = ProgramRegisters.Empty;

    /// <summary>
    /// The policies of the file's <c>policies</c> section (an empty list for <c>policies: []</c>); null when the file
    /// has no such section (an import then keeps the stored policies) or on errors.
    /// </summary>
    public IReadOnlyList<Policy>? Policies { get; private init; }

    internal static ProgramReadResult Ok(ComplianceProgram program, IReadOnlyDictionary<string, byte[]> blobs, ProgramRegisters registers, IReadOnlyList<Policy>? policies) =>
        new(program, blobs, []) { Registers = registers, Policies = policies };

    internal static ProgramReadResult Fail(IReadOnlyList<Error> errors) =>
        new(null, new Dictionary<string, byte[]>(), errors.Count > 0 ? errors : throw new ArgumentException("a failure needs errors", nameof(errors)));
}
