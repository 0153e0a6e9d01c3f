namespace Trellis.Core.Common;

/// <summary>
/// What kind of failure an error code stands for. Each code has exactly one (<see cref="ErrorCodes.CategoryOf"/>);
/// the HTTP edge answers each category with one status.
/// </summary>
public enum ErrorCategory
{
    /// <summary>The thing named does not exist (HTTP 404).</summary>
    NotFound,

    /// <summary>The thing would clash with one that exists: a duplicate ID or name (HTTP 409).</summary>
    Conflict,

    /// <summary>The caller's version is stale: someone changed the thing since it was read (HTTP 412).</summary>
    PreconditionFailed,

    /// <summary>Changing an existing thing needs the version the caller read (If-Match) (HTTP 428).</summary>
    PreconditionRequired,

    /// <summary>The caller's role or scope does not allow it (HTTP 403).</summary>
    Forbidden,

    /// <summary>The content sent is larger than the configured limit (HTTP 413).</summary>
    TooLarge,

    /// <summary>Well-formed input that breaks a rule of the domain (HTTP 422).</summary>
    Unprocessable,

    /// <summary>Malformed or unacceptable input: anything the caller can fix by sending something else (HTTP 400).</summary>
    Invalid,

    /// <summary>Trellis's own data is damaged; the caller cannot fix it (HTTP 500).</summary>
    Internal,

    /// <summary>The request did not arrive in time: its body came too slowly (HTTP 408).</summary>
    Timeout,

    /// <summary>Trellis is busy right now; the same request later will do (HTTP 503, with Retry-After).</summary>
    Unavailable,
}

/// <summary>Wire names of <see cref="ErrorCategory"/>.</summary>
public static class ErrorCategories
{
    private static readonly WireNames<ErrorCategory> Wire = new(new Dictionary<ErrorCategory, string>
    {
        [ErrorCategory.NotFound] = "not-found",
        [ErrorCategory.Conflict] = "conflict",
        [ErrorCategory.PreconditionFailed] = "precondition-failed",
        [ErrorCategory.PreconditionRequired] = "precondition-required",
        [ErrorCategory.Forbidden] = "forbidden",
        [ErrorCategory.TooLarge] = "too-large",
        [ErrorCategory.Unprocessable] = "unprocessable",
        [ErrorCategory.Invalid] = "invalid",
        [ErrorCategory.Internal] = "internal",
        [ErrorCategory.Timeout] = "timeout",
        [ErrorCategory.Unavailable] = "unavailable",
    });

    /// <summary>Wire name, e.g. <c>not-found</c>.</summary>
    public static string ToWire(this ErrorCategory category) => Wire[category];

    /// <summary>Parses a wire name; false when unknown.</summary>
    public static bool TryParse(string? text, out ErrorCategory category) => Wire.TryParse(text, out category);
}

/// <summary>The category of the error code it is put on (in <see cref="ErrorCodes"/> only).</summary>
/// <param name="category">The category.</param>
[AttributeUsage(AttributeTargets.Field)]
public sealed class ErrorCategoryAttribute(ErrorCategory category) : Attribute
{
    /// <summary>The category.</summary>
    public ErrorCategory Category { get; } = category;
}
