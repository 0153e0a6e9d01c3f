using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Trellis.Web.Hosting;

/// <summary>
/// The 4xx answers every API operation can give, as RFC 9457 problem details (<c>Api/ApiErrors</c>,
/// <c>Auth/Responses</c>): 401 and 403 for an operation behind a policy, 400 when it takes parameters or a body,
/// 404 when its path names a resource. An answer the endpoint declares itself is kept.
/// </summary>
internal sealed class OpenApiProblemResponses : IOpenApiOperationTransformer
{
    /// <summary>The component schema of a problem details body.</summary>
    public const string Schema = "ProblemDetails";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var document = context.Document;
        operation.Responses ??= [];
        if (!metadata.OfType<IAllowAnonymous>().Any())
        {
            Add(operation, document, "401", "Not signed in: no valid session or personal API token, or the account expired or was disabled.");
            Add(operation, document, "403", "The account's role or auditor scope does not allow this.");
        }

        if (operation.Parameters is { Count: > 0 } || operation.RequestBody is not null)
        {
            Add(operation, document, "400", "The request is invalid: the problem's detail says what, and its location where.");
        }

        if (operation.Parameters?.Any(p => p.In == ParameterLocation.Path) == true)
        {
            Add(operation, document, "404", "Nothing with that ID, or not visible to the account.");
        }

        // In status order, as a reader scans them.
        var ordered = operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        operation.Responses.Clear();
        foreach (var (status, response) in ordered)
        {
            operation.Responses[status] = response;
        }

        return Task.CompletedTask;
    }

    private static void Add(OpenApiOperation operation, OpenApiDocument? document, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(Schema, document) },
            },
        };
    }
}
