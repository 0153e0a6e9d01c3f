using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Trellis.Web.Hosting;

/// <summary>Title, description and the bearer security scheme of the OpenAPI document.</summary>
internal sealed class OpenApiDocumentInfo : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Trellis API",
            Version = "v1",
            Description = "One compliance program for ISO/IEC 27001:2022 and SOC 2: frameworks, crosswalk, coverage, readiness, "
                + "the Statement of Applicability, controls, evidence and risks. Send a personal API token as "
                + "'Authorization: Bearer <token>'. Errors are RFC 9457 problem details; lists are paged (?page&pageSize); "
                + "updates need If-Match with the ETag you read.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A personal API token (trl_…), created under Account → API tokens.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
        return Task.CompletedTask;
    }
}
