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
/// The registers' writes (issue 17, items 5 and 6): people created, edited, end-dated and off-boarded, the training and
/// screening attestation, vendors created and edited with their assurance and subservice role. Admins and compliance
/// managers only; every write is one transaction with its audit entry (<see cref="PeopleService"/>, <see cref="VendorService"/>).
/// </summary>
public static class RegisterWriteEndpoints
{
    /// <summary>Maps the writes onto the <c>/people</c> and <c>/vendors</c> groups.</summary>
    public static void MapRegisterWrites(RouteGroupBuilder people, RouteGroupBuilder vendors)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(vendors);
        people.MapPost("/", AddPerson).RequireAuthorization(Policies.ProgramSettingsWrite).WithName("AddPerson")
            .WithSummary("Adds a person (409 when the e-mail is already in the register); audited under the new opaque ID.");
        people.MapPut("/{email}", EditPerson).RequireAuthorization(Policies.ProgramSettingsWrite).WithName("EditPerson")
            .WithSummary("Replaces a person's name, title, dates, manager, training and screening; the e-mail is the key.");
        people.MapPatch("/{email}", LeavePerson).RequireAuthorization(Policies.ProgramSettingsWrite).WithName("EndDatePerson")
            .WithSummary("End-dates a person ({\"endDate\": \"YYYY-MM-DD\"}): the off-boarding checklist opens.");
        people.MapPost("/{email}/offboarding", Offboard).RequireAuthorization(Policies.ProgramSettingsWrite).WithName("CompleteOffboardingItem")
            .WithSummary("Checks one item of a leaver's checklist with an optional note; the completed checklist is filed as evidence.");
        people.MapPost("/attestations", Attest).RequireAuthorization(Policies.ProgramSettingsWrite).WithName("AttestStaff")
            .WithSummary("Files the training (A.6.3/CC2.2) and screening (A.6.1/CC1.4) register extracts ?asOf a day (default today) as evidence; returns them and the gaps.");
        vendors.MapPost("/", AddVendor).RequireAuthorization(Policies.RisksWrite).WithName("AddVendor")
            .WithSummary("Adds a vendor (409 when the ID is taken).");
        vendors.MapPut("/{id}", EditVendor).RequireAuthorization(Policies.RisksWrite).WithName("EditVendor")
            .WithSummary("Replaces a vendor's fields; the last review is kept unless given.");
        vendors.MapPut("/{id}/assurance", RecordAssurance).RequireAuthorization(Policies.RisksWrite).WithName("RecordVendorAssurance")
            .WithSummary("Records the vendor's SOC 2 report (type, period, opinion) and ISO 27001 certificate (number, expiry); a missing part clears it.");
        vendors.MapPut("/{id}/subservice", SetSubservice).RequireAuthorization(Policies.RisksWrite).WithName("SetVendorSubservice")
            .WithSummary("Marks the vendor a carve-out or inclusive subservice organization with its CSOCs and our monitoring controls.");
        vendors.MapDelete("/{id}/subservice", ClearSubservice).RequireAuthorization(Policies.RisksWrite).WithName("ClearVendorSubservice")
            .WithSummary("The vendor is no longer a subservice organization of the SOC 2 system.");
    }

    private static async Task<Results<Created<PersonView>, ProblemHttpResult>> AddPerson(HttpContext context, PeopleService people, PersonRequest request, CancellationToken ct)
    {
        var added = await people.AddAsync(context.Account(), request.ToPerson(), ct);
        return added.IsSuccess
            ? TypedResults.Created($"/api/v1/people/{Uri.EscapeDataString(added.Value.Person.Email)}", added.Value)
            : ApiErrors.Problem(added.Error!);
    }

    private static async Task<Results<Ok<PersonView>, ProblemHttpResult>> EditPerson(HttpContext context, PeopleService people, string email, PersonRequest request, CancellationToken ct) =>
        Reply(await people.EditAsync(context.Account(), email, request.ToPerson(email), ct));

    private static async Task<Results<Ok<PersonView>, ProblemHttpResult>> LeavePerson(HttpContext context, PeopleService people, string email, LeaveRequest request, CancellationToken ct) =>
        request.EndDate is { } end
            ? Reply(await people.LeaveAsync(context.Account(), email, end, ct))
            : ApiErrors.Problem(new Error(ErrorCodes.InvalidPerson, "give endDate (YYYY-MM-DD), the last working day", "endDate"));

    private static async Task<Results<Ok<PersonView>, ProblemHttpResult>> Offboard(HttpContext context, PeopleService people, string email, OffboardingRequest request, CancellationToken ct) =>
        Reply(await people.CheckOffboardingAsync(context.Account(), email, request.System ?? "", request.On, request.Note, ct));

    private static async Task<Results<Ok<StaffAttestationResult>, ProblemHttpResult>> Attest(HttpContext context, PeopleService people, string? asOf, CancellationToken ct)
    {
        DateOnly? day = null;
        if (asOf is not null)
        {
            if (!DateOnly.TryParseExact(asOf, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
            {
                return ApiErrors.Problem(new Error(ErrorCodes.InvalidDate, $"asOf '{asOf}' is not a date (YYYY-MM-DD)", "asOf"));
            }

            day = d;
        }

        return Reply(await people.AttestAsync(context.Account(), day, ct));
    }

    private static async Task<Results<Created<VendorView>, ProblemHttpResult>> AddVendor(HttpContext context, VendorService vendors, VendorRequest request, CancellationToken ct)
    {
        var vendor = request.ToVendor();
        if (!vendor.IsSuccess)
        {
            return ApiErrors.Problem(vendor.Error!);
        }

        var added = await vendors.AddAsync(context.Account(), vendor.Value, ct);
        return added.IsSuccess
            ? TypedResults.Created($"/api/v1/vendors/{Uri.EscapeDataString(added.Value.Vendor.Id)}", added.Value)
            : ApiErrors.Problem(added.Error!);
    }

    private static async Task<Results<Ok<VendorView>, ProblemHttpResult>> EditVendor(HttpContext context, VendorService vendors, string id, VendorRequest request, CancellationToken ct)
    {
        var vendor = request.ToVendor(id);
        return vendor.IsSuccess ? Reply(await vendors.EditAsync(context.Account(), id, vendor.Value, ct)) : ApiErrors.Problem(vendor.Error!);
    }

    private static async Task<Results<Ok<VendorView>, ProblemHttpResult>> RecordAssurance(HttpContext context, VendorService vendors, string id, AssuranceRequest request, CancellationToken ct)
    {
        var soc2 = VendorRequest.Parse(request.Soc2);
        return soc2.IsSuccess
            ? Reply(await vendors.RecordAssuranceAsync(context.Account(), id, soc2.Value, VendorRequest.Parse(request.Iso27001), ct))
            : ApiErrors.Problem(soc2.Error!);
    }

    private static async Task<Results<Ok<VendorView>, ProblemHttpResult>> SetSubservice(HttpContext context, VendorService vendors, string id, SubserviceRequest request, CancellationToken ct)
    {
        var subservice = VendorRequest.Parse(request);
        return subservice.IsSuccess
            ? Reply(await vendors.SetSubserviceAsync(context.Account(), id, subservice.Value, ct))
            : ApiErrors.Problem(subservice.Error!);
    }

    private static async Task<Results<Ok<VendorView>, ProblemHttpResult>> ClearSubservice(HttpContext context, VendorService vendors, string id, CancellationToken ct) =>
        Reply(await vendors.SetSubserviceAsync(context.Account(), id, null, ct));

    private static Results<Ok<T>, ProblemHttpResult> Reply<T>(Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : ApiErrors.Problem(result.Error!);
}
