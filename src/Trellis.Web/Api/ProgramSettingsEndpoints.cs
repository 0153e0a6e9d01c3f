using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Web.Auth;

namespace Trellis.Web.Api;

/// <summary><c>/api/v1/program/frameworks</c>: the frameworks the program pursues (the dashboard shows these; the catalog keeps all).</summary>
public static class ProgramSettingsEndpoints
{
    /// <summary>Maps the area.</summary>
    public static RouteGroupBuilder MapProgramSettingsEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var g = api.MapGroup("/program").WithTags("Program");
        g.MapGet("/frameworks", Get).RequireAuthorization(Policies.ProgramRead).WithName("GetPursuedFrameworks")
            .WithSummary("The IDs of the frameworks the program pursues (default: ISO/IEC 27001:2022, SOC 2, NIST CSF 2.0 and every imported framework).");
        g.MapPut("/frameworks", Put).RequireAuthorization(Policies.ProgramSettingsWrite).WithName("PutPursuedFrameworks")
            .WithSummary("Sets the frameworks the program pursues: at least one framework of the catalog; audited.");
        return api;
    }

    private static async Task<Ok<PursuedFrameworksView>> Get(HttpContext context, ProgramService program, CancellationToken ct)
    {
        var account = context.Account();
        return TypedResults.Ok(new PursuedFrameworksView([.. (await program.PursuedFrameworksAsync(ct)).Where(account.SeesFramework)]));
    }

    private static async Task<Results<Ok<PursuedFrameworksView>, ProblemHttpResult>> Put(HttpContext context, ProgramService program, PursuedFrameworksView request, CancellationToken ct)
    {
        var saved = await program.SetPursuedFrameworksAsync(context.Account(), request?.Frameworks, ct);
        return saved.IsSuccess ? TypedResults.Ok(new PursuedFrameworksView(saved.Value)) : ApiErrors.Problem(saved.Error!);
    }
}

/// <summary>The frameworks the program pursues, by ID.</summary>
public sealed record PursuedFrameworksView(IReadOnlyList<string> Frameworks);
