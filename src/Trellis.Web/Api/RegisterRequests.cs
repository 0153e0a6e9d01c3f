using Trellis.Core.Common;
using Trellis.Core.People;
using Trellis.Core.Program;
using Trellis.Core.Vendors;

namespace Trellis.Web.Api;

/// <summary>A training in a request: the day and the course.</summary>
/// <param name="Date">Day completed.</param>
/// <param name="Course">Course name.</param>
public sealed record TrainingRequest(DateOnly Date, string? Course);

/// <summary>Screening in a request: the day and who did it.</summary>
/// <param name="Date">Day completed.</param>
/// <param name="By">Who did it.</param>
public sealed record ScreeningRequest(DateOnly Date, string? By);

/// <summary>A person to add (POST) or their fields to replace (PUT; the e-mail in the path is the key).</summary>
/// <param name="Email">E-mail (required to add).</param>
/// <param name="Name">Full name.</param>
/// <param name="Title">Role or title.</param>
/// <param name="StartDate">First working day.</param>
/// <param name="EndDate">Last working day (opens the off-boarding checklist).</param>
/// <param name="Manager">Manager's e-mail.</param>
/// <param name="Training">Trainings completed.</param>
/// <param name="Screening">Screening done.</param>
public sealed record PersonRequest(
    string? Email, string? Name, string? Title, DateOnly? StartDate, DateOnly? EndDate, string? Manager,
    IReadOnlyList<TrainingRequest>? Training, ScreeningRequest? Screening)
{
    /// <summary>The person the request describes (ID left empty: the use case assigns or keeps it).</summary>
    internal Person ToPerson(string? emailFromPath = null) => new()
    {
        Id = "",
        Email = Email ?? emailFromPath ?? "",
        Name = Name ?? "",
        Title = Title ?? "",
        StartDate = StartDate,
        EndDate = EndDate,
        Manager = Manager,
        Training = [.. (Training ?? []).Select(t => new TrainingCompletion(t.Date, t.Course ?? ""))],
        Screening = Screening is { } s ? new ScreeningRecord(s.Date, s.By ?? "") : null,
    };
}

/// <summary>End-dating a person (PATCH): their last working day.</summary>
/// <param name="EndDate">Last working day.</param>
public sealed record LeaveRequest(DateOnly? EndDate);

/// <summary>One off-boarding checklist item done: the system, the day (default today) and a note (what shows it).</summary>
/// <param name="System">The system whose access was removed.</param>
/// <param name="On">Day removed (default today).</param>
/// <param name="Note">A ticket or record showing it, at most 500 characters.</param>
public sealed record OffboardingRequest(string? System, DateOnly? On, string? Note);

/// <summary>A SOC 2 report in a request.</summary>
/// <param name="Type"><c>type1</c> or <c>type2</c>.</param>
/// <param name="PeriodStart">First day of the period.</param>
/// <param name="PeriodEnd">Last day of the period.</param>
/// <param name="Opinion"><c>unqualified</c>, <c>qualified</c>, <c>adverse</c> or <c>disclaimer</c>.</param>
public sealed record Soc2Request(string? Type, DateOnly PeriodStart, DateOnly PeriodEnd, string? Opinion);

/// <summary>An ISO/IEC 27001 certificate in a request.</summary>
/// <param name="Number">Certificate number.</param>
/// <param name="Expiry">Last day valid.</param>
public sealed record IsoRequest(string? Number, DateOnly Expiry);

/// <summary>The assurance a vendor gave; a missing part clears it.</summary>
/// <param name="Soc2">SOC 2 report.</param>
/// <param name="Iso27001">ISO/IEC 27001 certificate.</param>
public sealed record AssuranceRequest(Soc2Request? Soc2, IsoRequest? Iso27001);

/// <summary>A CSOC in a request.</summary>
/// <param name="Description">The control, in our words.</param>
/// <param name="MonitoredBy">Our controls that monitor it.</param>
public sealed record CsocRequest(string? Description, IReadOnlyList<string>? MonitoredBy);

/// <summary>A vendor's subservice role: <c>carve-out</c> or <c>inclusive</c> with its CSOCs.</summary>
/// <param name="Method"><c>carve-out</c> or <c>inclusive</c>.</param>
/// <param name="Controls">Its CSOCs.</param>
public sealed record SubserviceRequest(string? Method, IReadOnlyList<CsocRequest>? Controls);

/// <summary>A vendor to add (POST, ID required) or replace (PUT, ID from the path).</summary>
/// <param name="Id">ID, e.g. <c>V-AWS</c>.</param>
/// <param name="Name">Name.</param>
/// <param name="Service">The service it provides.</param>
/// <param name="DataShared">The data it receives.</param>
/// <param name="Criticality"><c>low</c>, <c>medium</c>, <c>high</c> or <c>critical</c> (default medium).</param>
/// <param name="Owner">Who reviews it (e-mail).</param>
/// <param name="ReviewCadence"><c>monthly</c>, <c>quarterly</c>, <c>semi-annual</c> or <c>annual</c> (default annual).</param>
/// <param name="Soc2">SOC 2 report.</param>
/// <param name="Iso27001">ISO/IEC 27001 certificate.</param>
/// <param name="Risks">Risk IDs it carries.</param>
/// <param name="Subservice">Its subservice role.</param>
public sealed record VendorRequest(
    string? Id, string? Name, string? Service, string? DataShared, string? Criticality, string? Owner, string? ReviewCadence,
    Soc2Request? Soc2, IsoRequest? Iso27001, IReadOnlyList<string>? Risks, SubserviceRequest? Subservice)
{
    /// <summary>The vendor the request describes, or the first field that does not parse.</summary>
    internal Result<Vendor> ToVendor(string? idFromPath = null)
    {
        var criticality = VendorCriticality.Medium;
        if (Criticality is not null && !VendorCriticalities.TryParse(Criticality, out criticality))
        {
            return Bad($"unknown criticality '{Criticality}'; use {string.Join(", ", VendorCriticalities.WireNames)}", "criticality");
        }

        var cadence = Cadence.Annual;
        if (ReviewCadence is not null && !Cadences.TryParse(ReviewCadence, out cadence))
        {
            return Bad($"unknown review cadence '{ReviewCadence}'", "reviewCadence");
        }

        var soc2 = Parse(Soc2);
        var subservice = Parse(Subservice);
        if (!soc2.IsSuccess || !subservice.IsSuccess)
        {
            return soc2.Error ?? subservice.Error!;
        }

        return new Vendor
        {
            Id = Id ?? idFromPath ?? "",
            Name = Name ?? "",
            Service = Service ?? "",
            DataShared = DataShared ?? "",
            Criticality = criticality,
            Owner = Owner ?? "",
            ReviewCadence = cadence,
            Soc2 = soc2.Value,
            Iso27001 = Parse(Iso27001),
            RiskIds = Risks ?? [],
            Subservice = subservice.Value,
        };
    }

    /// <summary>A SOC 2 report from its request form; null for none.</summary>
    internal static Result<Soc2Assurance?> Parse(Soc2Request? r)
    {
        if (r is null)
        {
            return Result<Soc2Assurance?>.Ok(null);
        }

        if (!Soc2ReportTypes.TryParse(r.Type, out var type))
        {
            return Bad($"unknown SOC 2 report type '{r.Type}'; use {string.Join(", ", Soc2ReportTypes.WireNames)}", "soc2.type");
        }

        return AuditOpinions.TryParse(r.Opinion, out var opinion)
            ? Result<Soc2Assurance?>.Ok(new Soc2Assurance(type, r.PeriodStart, r.PeriodEnd, opinion))
            : Bad($"unknown opinion '{r.Opinion}'; use {string.Join(", ", AuditOpinions.WireNames)}", "soc2.opinion");
    }

    /// <summary>An ISO certificate from its request form; null for none.</summary>
    internal static IsoCertificateAssurance? Parse(IsoRequest? r) => r is null ? null : new IsoCertificateAssurance(r.Number?.Trim() ?? "", r.Expiry);

    /// <summary>A subservice role from its request form; null for none.</summary>
    internal static Result<VendorSubservice?> Parse(SubserviceRequest? r)
    {
        if (r is null)
        {
            return Result<VendorSubservice?>.Ok(null);
        }

        return SubserviceMethods.TryParse(r.Method, out var method)
            ? Result<VendorSubservice?>.Ok(new VendorSubservice(method, [.. (r.Controls ?? []).Select(c => new ComplementarySubserviceControl(c.Description ?? "", c.MonitoredBy ?? []))]))
            : Bad($"unknown subservice method '{r.Method}'; use carve-out or inclusive", "subservice.method");
    }

    private static Error Bad(string message, string field) => new(ErrorCodes.InvalidVendor, message, field);
}
