using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Trellis.Application.Actors;
using Trellis.Application.Engagements;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Web.Auth;

namespace Trellis.Web.Api;

/// <summary>One item of a population or a sample.</summary>
public sealed record PopulationItemView(string Item, DateOnly? OccurredOn, IReadOnlyList<string> Evidence)
{
    internal static PopulationItemView From(PopulationItem i) => new(i.Item, i.OccurredOn, i.Evidence);
}

/// <summary>A sample: the seed as a decimal string (it is a 64-bit unsigned number, beyond JSON's safe integers).</summary>
public sealed record SampleView(
    string Id, string Engagement, string Control, string Population, int PopulationSize, string Method, string Seed, int Size,
    IReadOnlyList<PopulationItemView> Items, IReadOnlyList<string> Requests, string DrawnBy, DateTimeOffset DrawnAt)
{
    internal static SampleView From(AuditSample s) => new(
        s.Id, s.EngagementId, s.ControlId, s.PopulationSource, s.PopulationSize, s.Method, s.Seed.ToString(CultureInfo.InvariantCulture), s.Items.Count,
        [.. s.Items.Select(PopulationItemView.From)], s.RequestIds, s.DrawnBy, s.DrawnAt);
}

/// <summary>An uploaded population.</summary>
public sealed record PopulationView(string Id, string Engagement, string Control, string Query, int Size, IReadOnlyList<PopulationItemView> Items, string UploadedBy, DateTimeOffset UploadedAt)
{
    internal static PopulationView From(Population p) => new(p.Id, p.EngagementId, p.ControlId, p.Query, p.Items.Count, [.. p.Items.Select(PopulationItemView.From)], p.UploadedBy, p.UploadedAt);
}

/// <summary>Body of <c>POST /api/v1/engagements/{id}/samples</c>: <c>seed</c> as a decimal string or number.</summary>
public sealed record DrawSampleBody(string? Control, int? Size, string? Seed, string? Population, DateOnly? DueOn);

/// <summary>An occurrence tested and accepted in an overlapping engagement that this one may reuse.</summary>
public sealed record ReuseOfferView(string FromEngagement, string FromRequest, string FromSample, string Control, string Item, DateOnly OccurredOn, IReadOnlyList<string> Evidence)
{
    internal static ReuseOfferView From(ReuseOffer o) => new(o.FromEngagement, o.FromRequest, o.FromSample, o.ControlId, o.Item, o.OccurredOn, o.EvidenceIds);
}

/// <summary>Body of <c>POST /api/v1/engagements/{id}/reuse</c>: the accepted request to reuse and when the auditor's decision is due.</summary>
public sealed record ReuseBody(string? Request, DateOnly? DueOn);

/// <summary>Body of <c>POST /api/v1/engagements/{id}/populations</c>.</summary>
public sealed record UploadPopulationBody(string? Control, string? Query, string? Csv);

/// <summary>Populations and samples of an engagement (issue 16, item 3; docs/auditors.md).</summary>
public static class SampleEndpoints
{
    /// <summary>Maps the area.</summary>
    public static RouteGroupBuilder MapSampleEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var g = api.MapGroup("/engagements/{id}").WithTags("Requests");
        g.MapGet("/samples", List).RequireAuthorization(Policies.ProgramRead).WithName("ListSamples").WithSummary("The samples drawn in the engagement, with method, seed, items and their requests.");
        g.MapPost("/samples", Draw).RequireAuthorization(Policies.RequestsReview).WithName("DrawSample")
            .WithSummary("Draws a sample of a control's population (the ledger's occurrences, or ?population= an uploaded one): size defaults by frequency, seed recorded; each item becomes a request.");
        g.MapGet("/populations", Populations).RequireAuthorization(Policies.ProgramRead).WithName("ListPopulations").WithSummary("The population lists uploaded for the engagement.");
        g.MapPost("/populations", Upload).RequireAuthorization(Policies.EngagementsWrite).WithName("UploadPopulation")
            .WithSummary("Uploads a population list for a control: CSV (item, occurredOn, evidence) with the query or filter that produced it.");
        g.MapGet("/reuse", Offers).RequireAuthorization(Policies.EngagementsWrite).WithName("ListReuseOffers")
            .WithSummary("Occurrences sampled and accepted in an overlapping engagement (an ISO audit and a SOC 2 Type 2 window) that occurred in this engagement's period.");
        g.MapPost("/reuse", Reuse).RequireAuthorization(Policies.EngagementsWrite).WithName("ReuseOccurrence")
            .WithSummary("Reuses a tested occurrence here: raises a request answered with the same evidence, naming where it was tested; this engagement's auditor accepts or flags it.");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<SampleView>>, ProblemHttpResult>> List(HttpContext context, EngagementService engagements, string id, CancellationToken ct)
    {
        var found = await engagements.SamplesAsync(context.Account(), id, ct);
        return found.IsSuccess ? TypedResults.Ok<IReadOnlyList<SampleView>>([.. found.Value.Select(SampleView.From)]) : ApiErrors.Problem(found.Error!);
    }

    private static async Task<Results<Created<SampleView>, ProblemHttpResult>> Draw(HttpContext context, EngagementService engagements, string id, DrawSampleBody body, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Control))
        {
            return ApiErrors.Problem(new Error(ErrorCodes.MissingField, "name the control to sample", "control"));
        }

        ulong? seed = null;
        if (!string.IsNullOrWhiteSpace(body.Seed))
        {
            if (!ulong.TryParse(body.Seed, NumberStyles.None, CultureInfo.InvariantCulture, out var s))
            {
                return ApiErrors.Problem(new Error(ErrorCodes.InvalidSample, $"the seed is a whole number from 0 to {ulong.MaxValue} (got '{body.Seed}')", "seed"));
            }

            seed = s;
        }

        var drawn = await engagements.DrawSampleAsync(context.Account(), id, new DrawSample(body.Control.Trim(), body.Size, seed, body.Population, body.DueOn), ct);
        return drawn.IsSuccess ? TypedResults.Created($"/api/v1/engagements/{id}/samples", SampleView.From(drawn.Value)) : ApiErrors.Problem(drawn.Error!);
    }

    private static async Task<Results<Ok<IReadOnlyList<ReuseOfferView>>, ProblemHttpResult>> Offers(HttpContext context, EngagementService engagements, string id, CancellationToken ct)
    {
        var found = await engagements.ReuseOffersAsync(context.Account(), id, ct);
        return found.IsSuccess ? TypedResults.Ok<IReadOnlyList<ReuseOfferView>>([.. found.Value.Select(ReuseOfferView.From)]) : ApiErrors.Problem(found.Error!);
    }

    private static async Task<Results<Created<AuditRequestView>, ProblemHttpResult>> Reuse(HttpContext context, EngagementService engagements, string id, ReuseBody body, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Request))
        {
            return ApiErrors.Problem(new Error(ErrorCodes.MissingField, "name the accepted request to reuse (REQ-…)", "request"));
        }

        var reused = await engagements.ReuseAsync(context.Account(), id, body.Request, body.DueOn, ct);
        return reused.IsSuccess
            ? TypedResults.Created($"/api/v1/requests/{reused.Value.Id}", AuditRequestView.From(reused.Value, engagements.Today))
            : ApiErrors.Problem(reused.Error!);
    }

    private static async Task<Results<Ok<IReadOnlyList<PopulationView>>, ProblemHttpResult>> Populations(HttpContext context, EngagementService engagements, string id, CancellationToken ct)
    {
        var found = await engagements.PopulationsAsync(context.Account(), id, ct);
        return found.IsSuccess ? TypedResults.Ok<IReadOnlyList<PopulationView>>([.. found.Value.Select(PopulationView.From)]) : ApiErrors.Problem(found.Error!);
    }

    private static async Task<Results<Created<PopulationView>, ProblemHttpResult>> Upload(HttpContext context, EngagementService engagements, string id, UploadPopulationBody body, CancellationToken ct)
    {
        var stored = await engagements.UploadPopulationAsync(context.Account(), id, body.Control?.Trim() ?? "", body.Query, body.Csv, ct);
        return stored.IsSuccess ? TypedResults.Created($"/api/v1/engagements/{id}/populations", PopulationView.From(stored.Value)) : ApiErrors.Problem(stored.Error!);
    }
}

/// <summary>A frozen package as recorded.</summary>
public sealed record PackageView(string Engagement, string Sha256, long Size, int Files, string FrozenBy, DateTimeOffset FrozenAt, string Download);

/// <summary><c>POST</c> and <c>GET /api/v1/engagements/{id}/package</c>: freeze the package, download the newest (issue 16, item 4).</summary>
public static class PackageEndpoints
{
    /// <summary>Maps the area.</summary>
    public static RouteGroupBuilder MapPackageEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/engagements/{id}/package", Freeze).WithTags("Requests").RequireAuthorization(Policies.EngagementsWrite).WithName("FreezePackage")
            .WithSummary("Freezes the engagement's populations, samples, requests with their accepted answers and the evidence files into an immutable zip with a SHA-256 manifest.");
        api.MapGet("/engagements/{id}/package", Download).WithTags("Requests").RequireAuthorization(Policies.ProgramRead).WithName("GetPackage")
            .WithSummary("The newest frozen package of the engagement (zip), verified against its SHA-256 before it is served.");
        return api;
    }

    private static async Task<Results<Created<PackageView>, ProblemHttpResult>> Freeze(HttpContext context, EngagementService engagements, string id, CancellationToken ct)
    {
        var frozen = await engagements.FreezePackageAsync(context.Account(), id, ct);
        if (!frozen.IsSuccess)
        {
            return ApiErrors.Problem(frozen.Error!);
        }

        var r = frozen.Value.Record;
        var url = $"/api/v1/engagements/{id}/package";
        return TypedResults.Created(url, new PackageView(r.EngagementId, r.Sha256, r.Size, r.Files.Count, r.FrozenBy, r.FrozenAt, url));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(HttpContext context, EngagementService engagements, string id, CancellationToken ct)
    {
        var latest = await engagements.LatestPackageAsync(context.Account(), id, ct);
        return latest.IsSuccess
            ? TypedResults.File(latest.Value.Zip, "application/zip", Trellis.Application.Compliance.EvidenceFiles.SanitizeFileName($"trellis-{id}-package-{latest.Value.Record.Sha256[..12]}.zip"))
            : ApiErrors.Problem(latest.Error!);
    }
}
