using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Trellis.Web.Api;

/// <summary>Maps every <c>/api/v1</c> area. Each area names its own authorization policy per endpoint.</summary>
public static class TrellisApi
{
    /// <summary>Maps the REST API under <c>/api/v1</c>.</summary>
    public static IEndpointRouteBuilder MapTrellisApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/api/v1");
        v1.AddEndpointFilter(SerializedResponses.FilterAsync);
        v1.MapFrameworkEndpoints();
        v1.MapCrosswalkEndpoints();
        v1.MapReadinessEndpoints();
        v1.MapControlEndpoints();
        v1.MapEvidenceEndpoints();
        v1.MapRiskEndpoints();
        v1.MapSoaEndpoints();
        v1.MapJudgementEndpoints();
        v1.MapCalendarEndpoints();
        v1.MapEngagementEndpoints();
        v1.MapRequestEndpoints();
        v1.MapSampleEndpoints();
        v1.MapPackageEndpoints();
        v1.MapExportEndpoints();
        v1.MapBridgeLetterEndpoints();
        v1.MapAccountEndpoints();
        v1.MapSearchEndpoints();
        v1.MapProgramSettingsEndpoints();
        v1.MapTaskEndpoints();
        v1.MapNotificationEndpoints();
        v1.MapPolicyEndpoints();
        v1.MapRegisterEndpoints();
        return app;
    }
}
