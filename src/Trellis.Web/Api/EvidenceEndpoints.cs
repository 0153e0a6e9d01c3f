using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Application.Exports;
using Trellis.Core.Common;
using Trellis.Core.Evidence;
using Trellis.Data;
using Trellis.Web.Auth;
using Trellis.Web.Hosting;

namespace Trellis.Web.Api;

/// <summary>
/// <c>/api/v1/evidence</c>: evidence items (auditors: versions effective inside their window), streaming multipart
/// upload with a size limit, and downloads verified against their SHA-256, always as attachments.
/// </summary>
public static class EvidenceEndpoints
{
    /// <summary>Maps the area.</summary>
    public static RouteGroupBuilder MapEvidenceEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var g = api.MapGroup("/evidence").WithTags("Evidence");
        g.MapGet("/", List).RequireAuthorization(Policies.ProgramRead).WithName("ListEvidence").WithSummary("Evidence items, one page at a time: ?control, ?q (ID or title contains), ?sort=effective|id|title (effective: newest first), ?order=asc|desc.");
        g.MapGet("/{id}", Get).RequireAuthorization(Policies.ProgramRead).WithName("GetEvidence").WithSummary("One evidence item with its versions.");
        g.MapPost("/", Upload).RequireAuthorization(Policies.EvidenceWrite).WithName("UploadEvidence").DisableAntiforgery().WithMetadata(new UploadEndpointAttribute())
            .WithSummary("multipart/form-data: title, controls (comma-separated), effectiveFrom, effectiveTo?, source?, and either file or url.");
        g.MapPost("/{id}/versions", AddVersion).RequireAuthorization(Policies.EvidenceWrite).WithName("AddEvidenceVersion").DisableAntiforgery().WithMetadata(new UploadEndpointAttribute())
            .WithSummary("multipart/form-data: the next version of an evidence item — effectiveFrom, effectiveTo?, and either file or url. Earlier versions are kept.");
        g.MapGet("/{id}/versions/{number:int}/content", Download).RequireAuthorization(Policies.ProgramRead).WithName("DownloadEvidence")
            .WithSummary("The file of one version, as an attachment, after checking its bytes still hash to their SHA-256.");
        return api;
    }

    private static async Task<Results<Ok<Paged<EvidenceView>>, ProblemHttpResult>> List(
        HttpContext context, ProgramService program, string? control, string? q, string? sort, string? order, int? page, int? pageSize, CancellationToken ct)
    {
        var sorting = Paging.Sort(sort, order, EvidenceQuery.Sorts);
        var window = Paging.Window(page, pageSize);
        if (!sorting.IsSuccess || !window.IsSuccess)
        {
            return ApiErrors.Problem(sorting.Error ?? window.Error!);
        }

        var rows = await program.ListEvidenceAsync(context.Account(), new EvidenceQuery(q, control, sorting.Value.Sort, sorting.Value.Descending), window.Value, ct);
        return TypedResults.Ok(Paging.Of(rows, window.Value, e => EvidenceView.From(e.Item)));
    }

    private static async Task<Results<Ok<EvidenceView>, ProblemHttpResult>> Get(HttpContext context, ProgramService program, string id, CancellationToken ct)
    {
        var item = (await program.EvidenceAsync(context.Account(), ct)).FirstOrDefault(e => e.Id == id);
        return item is null ? ApiErrors.Problem(new Error(ErrorCodes.UnknownEvidence, $"no evidence '{id}'")) : TypedResults.Ok(EvidenceView.From(item));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(HttpContext context, ProgramService program, string id, int number, CancellationToken ct)
    {
        var file = await program.OpenEvidenceFileAsync(context.Account(), id, number, ct);
        if (!file.IsSuccess)
        {
            return ApiErrors.Problem(file.Error!);
        }

        var version = file.Value.Version;
        context.Response.Headers.ETag = "\"" + version.Sha256 + "\"";
        return TypedResults.File(file.Value.Content, EvidenceFiles.MediaTypeOf(version.MediaType), EvidenceFiles.SanitizeFileName(version.FileName));
    }

    private static Task<Results<Created<EvidenceView>, ProblemHttpResult>> Upload(
        HttpContext context, ProgramService program, TimeProvider clock, IOptions<TrellisWebOptions> options, CancellationToken ct) =>
        SaveFormAsync(context, options, async (fields, file, content) =>
        {
            var item = await BuildAsync(program, clock, fields, file, ct);
            return item.IsSuccess ? await program.AddEvidenceAsync(context.Account(), item.Value, await content(), ct) : item.Error!;
        }, ct);

    // The version is read by the same rules as a first upload; the title and controls stay the item's.
    private static Task<Results<Created<EvidenceView>, ProblemHttpResult>> AddVersion(
        HttpContext context, ProgramService program, TimeProvider clock, IOptions<TrellisWebOptions> options, string id, CancellationToken ct) =>
        SaveFormAsync(context, options, async (fields, file, content) =>
        {
            var version = Version(clock, fields, file);
            return version.IsSuccess ? await program.AddEvidenceVersionAsync(context.Account(), id, version.Value, await content(), ct) : version.Error!;
        }, ct);

    // One multipart evidence write: the form read under the upload limits, the received file's temporary copy disposed
    // whatever happens, 201 with the item or the problem. `save` gets the fields, the file and a reader of its bytes.
    private static async Task<Results<Created<EvidenceView>, ProblemHttpResult>> SaveFormAsync(
        HttpContext context, IOptions<TrellisWebOptions> options,
        Func<IReadOnlyDictionary<string, string>, ReceivedFile?, Func<Task<byte[]?>>, Task<Result<Versioned<EvidenceItem>>>> save, CancellationToken ct)
    {
        var form = await EvidenceForm.ReadRequestAsync(context, options.Value.MaxUploadBytes, ct);
        if (!form.IsSuccess)
        {
            return ApiErrors.Problem(form.Error!);
        }

        var file = form.Value.File;
        try
        {
            // The bytes are read only once the fields are valid.
            var saved = await save(form.Value.Fields, file, async () => file is null ? null : await file.ReadAllBytesAsync(ct));
            return saved.IsSuccess
                ? TypedResults.Created($"/api/v1/evidence/{Uri.EscapeDataString(saved.Value.Value.Id)}", EvidenceView.From(saved.Value.Value))
                : ApiErrors.Problem(saved.Error!);
        }
        finally
        {
            if (file is not null)
            {
                await file.DisposeAsync();
            }
        }
    }

    /// <summary>Builds the evidence item (first version) from form fields and the received file.</summary>
    internal static Task<Result<EvidenceItem>> BuildAsync(ProgramService program, TimeProvider clock, IReadOnlyDictionary<string, string> fields, ReceivedFile? file, CancellationToken ct)
    {
        string? Field(string name) => fields.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var title = Field("title") ?? file?.FileName;
        if (title is null)
        {
            return Task.FromResult<Result<EvidenceItem>>(new Error(ErrorCodes.InvalidEvidence, "a title is needed", "title"));
        }

        var version = Version(clock, fields, file);
        return Task.FromResult<Result<EvidenceItem>>(!version.IsSuccess ? version.Error! : new EvidenceItem
        {
            Id = Field("id") ?? "", // empty: the store gives the next free ID inside the write
            Title = title,
            Source = Field("source") ?? "",
            ControlIds = [.. (Field("controls") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)],
            Versions = [version.Value],
        });
    }

    // One version from the form: effectiveFrom, effectiveTo?, and a file or an http(s) url. Numbered 1; the next
    // version's number is given by the use case.
    private static Result<EvidenceVersion> Version(TimeProvider clock, IReadOnlyDictionary<string, string> fields, ReceivedFile? file)
    {
        string? Field(string name) => fields.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        if (!DateOnly.TryParseExact(Field("effectiveFrom") ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
        {
            return new Error(ErrorCodes.InvalidEvidence, "effectiveFrom must be the date the evidence shows (YYYY-MM-DD)", "effectiveFrom");
        }

        DateOnly? to = null;
        if (Field("effectiveTo") is { } toText)
        {
            if (!DateOnly.TryParseExact(toText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) || t < from)
            {
                return new Error(ErrorCodes.InvalidEvidence, "effectiveTo must be a date (YYYY-MM-DD) on or after effectiveFrom", "effectiveTo");
            }

            to = t;
        }

        var url = Field("url");
        if (file is null && EvidenceFiles.HttpLink(url) is null)
        {
            return new Error(ErrorCodes.InvalidEvidence, "send a file, or an http(s) url", "file");
        }

        return new EvidenceVersion
        {
            Number = 1,
            Sha256 = file?.Sha256,
            FileName = file?.FileName,
            Size = file?.Size ?? 0,
            MediaType = file?.MediaType,
            Url = file is null ? url : null,
            CollectedAt = clock.GetUtcNow(),
            EffectiveFrom = from,
            EffectiveTo = to,
        };
    }
}
