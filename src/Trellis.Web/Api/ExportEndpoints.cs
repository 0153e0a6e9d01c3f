using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Application.Exports;
using Trellis.Web.Auth;

namespace Trellis.Web.Api;

/// <summary>
/// <c>/api/v1/reports/{kind}</c> and <c>/api/v1/oscal/{kind}</c>: the reports auditors receive (SoA, SOC 2 control
/// matrix, gap, crosswalk, readiness, evidence index as XLSX, PDF, HTML, CSV or JSON) and the program as OSCAL,
/// downloaded as attachments. Staff only.
/// </summary>
public static class ExportEndpoints
{
    /// <summary>Maps the area.</summary>
    public static RouteGroupBuilder MapExportEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/reports/{kind}", Report).WithTags("Exports").RequireAuthorization(Policies.InternalRead).WithName("GetReport")
            .WithSummary("A report as a file: kind soa|matrix|gap|crosswalk|readiness|evidence-index|system-description; ?format=xlsx|pdf|html|csv|json, ?framework, ?to, ?engagement, ?inferred.");
        api.MapGet("/oscal/{kind}", Oscal).WithTags("Exports").RequireAuthorization(Policies.InternalRead).WithName("GetOscal")
            .WithSummary("The program as OSCAL 1.2 JSON, schema-checked: component, ssp (?framework=) or assessment-results (?engagement=).");
        return api;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Report(
        HttpContext context, ExportService exports, string kind, string? format, string? framework, string? to, string? engagement, bool? inferred, CancellationToken ct)
    {
        var file = await exports.ReportAsync(context.Account(), kind, format, Blank(framework), Blank(to), Blank(engagement), inferred ?? false, ct);
        return file.IsSuccess ? TypedResults.File(file.Value.Content, file.Value.MediaType, file.Value.FileName) : ApiErrors.Problem(file.Error!);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Oscal(
        HttpContext context, ExportService exports, string kind, string? framework, string? engagement, CancellationToken ct)
    {
        var file = await exports.OscalAsync(context.Account(), kind, Blank(framework), Blank(engagement), ct);
        return file.IsSuccess ? TypedResults.File(file.Value.Content, file.Value.MediaType, file.Value.FileName) : ApiErrors.Problem(file.Error!);
    }

    // HTML forms send empty fields for "none chosen".
    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
