using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Trellis.Core.Common;

namespace Trellis.Web.Hosting;

/// <summary>
/// Title, description, licence, server, tag descriptions, the problem details schema and the bearer security scheme
/// of the OpenAPI document (it passes <c>redocly lint</c> with the recommended rules: tests/Trellis.Web.Tests).
/// </summary>
internal sealed class OpenApiDocumentInfo : IOpenApiDocumentTransformer
{
    /// <summary>Every tag the endpoints use, with what it groups.</summary>
    internal static readonly IReadOnlyDictionary<string, string> Tags = new Dictionary<string, string>
    {
        ["Frameworks"] = "Frameworks Trellis knows (shipped and imported) and their requirements.",
        ["Crosswalk"] = "Typed links between the requirements of two frameworks, curated and inferred, with how much one covers of the other.",
        ["Readiness"] = "How far the program's controls and evidence meet each requirement of a framework, and what is missing.",
        ["Controls"] = "The program's controls: owner, cadence, status and the requirements each maps to.",
        ["Evidence"] = "Evidence files and their versions, stored by SHA-256 and shown for the days they are effective.",
        ["Risks"] = "The risk register: assessment, treatment actions and acceptances.",
        ["Statement of Applicability"] = "ISO/IEC 27001 Annex A decisions (applicable or excluded, with the justification) and drift.",
        ["Judgements"] = "The program's recorded judgements on requirements (not relevant, or sufficient with its reason).",
        ["Engagements"] = "Audits and assessments: windows, the operation ledger, the request list (PBC) and findings.",
        ["Policies"] = "Policies in Markdown: adopt a starter template, edit the draft, submit to named approvers, approve, publish (evidence for the mapped requirements), acknowledge, PDF.",
        ["People"] = "The staff register (admins and compliance managers only): off-boarding state, export and erasure per person.",
        ["Vendors"] = "The vendor register: assurance held with expiry warnings, reviews, subservice organizations and their CSOCs.",
        ["Tasks"] = "Recurring control work from each control's cadence: due occurrences, completion with evidence, reassigning, snoozing, did not occur.",
        ["Notifications"] = "Your own in-app notifications (the daily digest's lines and stale-evidence notices), marking them read, and your notification preferences.",
        ["Requests"] = "Requests an auditor raises in an engagement: assigned, answered with evidence, accepted or flagged, with a comment thread.",
        ["Calendar"] = "The audit calendar as events (also as RFC 5545 ICS).",
        ["Exports"] = "Reports and exchange files: SoA, SOC 2 matrix, gap, readiness, OSCAL.",
        ["Accounts"] = "The signed-in account, its personal API tokens, and accounts an admin manages.",
        ["Audit trail"] = "The hash-chained audit trail of every write, and its verification.",
    };

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
            // Trellis has no published licence (no LICENSE file in the repository): the API description says so
            // instead of naming one. Change this line with the licence once the project picks one.
            License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Trellis-Proprietary" },
        };

        // Relative to where the document is served (OpenAPI 3.1, 4.8.5.1): the same document is right behind any
        // host name or proxy, and the operations' paths already start with /api/v1.
        document.Servers = [new OpenApiServer { Url = "/", Description = "This Trellis server" }];

        document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[OpenApiProblemResponses.Schema] = ProblemDetails();
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

    /// <summary>RFC 9457 problem details with Trellis's extensions: <c>code</c> (ErrorCodes) and <c>location</c>.</summary>
    private static OpenApiSchema ProblemDetails() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A URI reference naming the problem type." },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A short summary of the problem type." },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "The HTTP status code." },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What went wrong, for a person." },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A URI reference to this occurrence." },
            ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Trellis's error code (one per kind of error)." },
            ["location"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Where in the input: a JSON path, file:line or field." },
        },
        Examples = [new JsonObject { ["title"] = "Not Found", ["status"] = 404, ["detail"] = "no control AC-99", ["code"] = ErrorCodes.UnknownControl }],
    };
}
