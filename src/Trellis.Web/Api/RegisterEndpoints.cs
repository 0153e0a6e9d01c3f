using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Trellis.Application.People;
using Trellis.Application.Vendors;
using Trellis.Core.Common;
using Trellis.Web.Auth;

namespace Trellis.Web.Api;

/// <summary>
/// <c>/api/v1/people</c> (admins and compliance managers only: personal data) and <c>/api/v1/vendors</c> (staff read,
/// managers write): the registers of issue 17, items 5 and 6.
/// </summary>
public static class RegisterEndpoints
{
    /// <summary>Maps the area.</summary>
    public static RouteGroupBuilder MapRegisterEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var people = api.MapGroup("/people").WithTags("People");
        people.MapGet("/", ListPeople).RequireAuthorization(Policies.InternalRead).WithName("ListPeople")
            .WithSummary("The staff register with each leaver's off-boarding state (admins and compliance managers only).");
        people.MapGet("/{email}", ExportPerson).RequireAuthorization(Policies.InternalRead).WithName("ExportPerson")
            .WithSummary("Everything held about one person (a subject access request); audited.");
        people.MapDelete("/{email}", ErasePerson).RequireAuthorization(Policies.InternalRead).WithName("ErasePerson")
            .WithSummary("Erases one person; the audit trail keeps the erasure under their opaque ID only.");
        var vendors = api.MapGroup("/vendors").WithTags("Vendors");
        vendors.MapGet("/", ListVendors).RequireAuthorization(Policies.InternalRead).WithName("ListVendors")
            .WithSummary("The vendor register with each vendor's next review and warnings (expired SOC 2 reports, overdue reviews, ...).");
        vendors.MapGet("/{id}", GetVendor).RequireAuthorization(Policies.InternalRead).WithName("GetVendor").WithSummary("One vendor.");
        vendors.MapPost("/{id}/review", ReviewVendor).RequireAuthorization(Policies.RisksWrite).WithName("ReviewVendor")
            .WithSummary("Records a review done ?on a day (default today); audited.");
        RegisterWriteEndpoints.MapRegisterWrites(people, vendors);
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<PersonView>>, ProblemHttpResult>> ListPeople(HttpContext context, PeopleService people, CancellationToken ct)
    {
        var found = await people.ListAsync(context.Account(), ct);
        return found.IsSuccess ? TypedResults.Ok(found.Value) : ApiErrors.Problem(found.Error!);
    }

    private static async Task<Results<Ok<PersonView>, ProblemHttpResult>> ExportPerson(HttpContext context, PeopleService people, string email, CancellationToken ct)
    {
        var found = await people.ExportAsync(context.Account(), email, ct);
        return found.IsSuccess ? TypedResults.Ok(found.Value) : ApiErrors.Problem(found.Error!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ErasePerson(HttpContext context, PeopleService people, string email, CancellationToken ct)
    {
        var erased = await people.EraseAsync(context.Account(), email, ct);
        return erased.IsSuccess ? TypedResults.NoContent() : ApiErrors.Problem(erased.Error!);
    }

    private static async Task<Results<Ok<IReadOnlyList<VendorView>>, ProblemHttpResult>> ListVendors(HttpContext context, VendorService vendors, CancellationToken ct)
    {
        var found = await vendors.ListAsync(context.Account(), ct);
        return found.IsSuccess ? TypedResults.Ok(found.Value) : ApiErrors.Problem(found.Error!);
    }

    private static async Task<Results<Ok<VendorView>, ProblemHttpResult>> GetVendor(HttpContext context, VendorService vendors, string id, CancellationToken ct)
    {
        var found = await vendors.GetAsync(context.Account(), id, ct);
        return found.IsSuccess ? TypedResults.Ok(found.Value) : ApiErrors.Problem(found.Error!);
    }

    private static async Task<Results<Ok<VendorView>, ProblemHttpResult>> ReviewVendor(HttpContext context, VendorService vendors, string id, string? on, CancellationToken ct)
    {
        DateOnly? day = null;
        if (on is not null)
        {
            if (!DateOnly.TryParseExact(on, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
            {
                return ApiErrors.Problem(new Error(ErrorCodes.InvalidDate, $"on '{on}' is not a date (YYYY-MM-DD)", "on"));
            }

            day = d;
        }

        var reviewed = await vendors.ReviewAsync(context.Account(), id, day, ct);
        return reviewed.IsSuccess ? TypedResults.Ok(reviewed.Value) : ApiErrors.Problem(reviewed.Error!);
    }
}
