using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Trellis.Core.Common;

namespace Trellis.Web.Api;

/// <summary>
/// Typed errors at the HTTP edge: every <see cref="Error"/> becomes RFC 9457 problem details with its code in
/// the <c>code</c> extension, and the status of its category (<see cref="ErrorCodes"/> gives every code one).
/// </summary>
public static class ApiErrors
{
    /// <summary>The HTTP status of an error category.</summary>
    public static int StatusOf(ErrorCategory category) => category switch
    {
        ErrorCategory.NotFound => StatusCodes.Status404NotFound,
        ErrorCategory.Conflict => StatusCodes.Status409Conflict,
        ErrorCategory.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        ErrorCategory.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
        ErrorCategory.Forbidden => StatusCodes.Status403Forbidden,
        ErrorCategory.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorCategory.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        ErrorCategory.Invalid => StatusCodes.Status400BadRequest,
        ErrorCategory.Timeout => StatusCodes.Status408RequestTimeout,
        ErrorCategory.Unavailable => StatusCodes.Status503ServiceUnavailable,
        ErrorCategory.Internal => StatusCodes.Status500InternalServerError,
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    /// <summary>The HTTP status of an error: the status of its category.</summary>
    public static int StatusOf(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return StatusOf(error.Category);
    }

    /// <summary>The problem details of an error.</summary>
    public static ProblemHttpResult Problem(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        if (error.Location is not null)
        {
            extensions["location"] = error.Location;
        }

        return TypedResults.Problem(error.Message, statusCode: StatusOf(error), extensions: extensions);
    }
}
