namespace Trellis.Core.Common;

/// <summary>
/// An expected failure: bad input, an unknown identifier, a rule that forbids the operation.
/// Turned into ProblemDetails at the HTTP edge and into a one-line message plus exit code in the CLI.
/// Exceptions are reserved for bugs.
/// </summary>
/// <param name="Code">Stable machine-readable code, one of <see cref="ErrorCodes"/>, e.g. <c>unknown-framework</c>.</param>
/// <param name="Message">One line for a human, naming the offending value and, where possible, what would be valid.</param>
/// <param name="Location">Where the problem is (file:line, JSON path, field), or null.</param>
public sealed record Error(string Code, string Message, string? Location = null)
{
    /// <summary>What kind of failure it is (<see cref="ErrorCodes.CategoryOf"/>).</summary>
    public ErrorCategory Category => ErrorCodes.CategoryOf(Code);

    /// <summary>True when the thing named does not exist.</summary>
    public bool IsNotFound => Category == ErrorCategory.NotFound;

    /// <inheritdoc />
    public override string ToString() => Location is null ? Message : $"{Location}: {Message}";
}

/// <summary>The outcome of an operation that can fail in an expected way.</summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>The failure, or null on success.</summary>
    public Error? Error { get; }

    /// <summary>True when the operation succeeded.</summary>
    public bool IsSuccess => Error is null;

    /// <summary>The value; throws when the result is a failure (a bug in the caller).</summary>
    public T Value => Error is null ? _value! : throw new InvalidOperationException($"Result is a failure: {Error}");

    /// <summary>Creates a success.</summary>
    public static Result<T> Ok(T value) => new(value, null);

    /// <summary>Creates a failure.</summary>
    public static Result<T> Fail(Error error) => new(default, error);

    /// <summary>Implicit success.</summary>
    public static implicit operator Result<T>(T value) => Ok(value);

    /// <summary>Implicit failure.</summary>
    public static implicit operator Result<T>(Error error) => Fail(error);
}
