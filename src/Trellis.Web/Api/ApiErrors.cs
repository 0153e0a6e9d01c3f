using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Trellis.Core.Common;

namespace Trellis.Web.Api;

/// <summary>
/// Typed errors at the HTTP edge: every <see cref="Error"/> becomes RFC 9457 problem details with its code in
/// the <c>code</c> extension. <c>unknown-*</c> → 404; <c>concurrency-conflict</c> → 412;
/// <c>precondition-required</c> → 428; <c>duplicate-*</c> → 409; rule violations on well-formed input
/// (<see cref="UnprocessableCodes"/>) → 422; any other validation failure → 400.
/// </summary>
public static class ApiErrors
{
    /// <summary>Codes of well-formed requests that break a rule of the domain.</summary>
    public static readonly IReadOnlySet<string> UnprocessableCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "justification-required", "invalid-evidence", "missing-blob", "blob-hash-mismatch", "invalid-account",
        "off-matrix", "acceptance-required", "above-acceptance-threshold",
    };

    /// <summary>The HTTP status of an error.</summary>
    public static int StatusOf(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code switch
        {
            _ when error.IsNotFound => StatusCodes.Status404NotFound,
            "concurrency-conflict" => StatusCodes.Status412PreconditionFailed,
            "precondition-required" => StatusCodes.Status428PreconditionRequired,
            "blob-corrupt" => StatusCodes.Status500InternalServerError,
            "payload-too-large" => StatusCodes.Status413PayloadTooLarge,
            "forbidden" => StatusCodes.Status403Forbidden,
            _ when error.Code.StartsWith("duplicate-", StringComparison.Ordinal) => StatusCodes.Status409Conflict,
            _ when UnprocessableCodes.Contains(error.Code) => StatusCodes.Status422UnprocessableEntity,
            _ => StatusCodes.Status400BadRequest,
        };
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
