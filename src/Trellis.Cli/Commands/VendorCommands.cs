using System.CommandLine;
using Trellis.Application.Vendors;
using Trellis.Cli.Output;
using Trellis.Core.Audits;
using Trellis.Core.Common;
using Trellis.Core.Program;
using Trellis.Core.Vendors;

namespace Trellis.Cli.Commands;

/// <summary>
/// <c>trellis vendors [--format table|json]</c>, <c>vendors add</c>, <c>vendors review ID [--on DATE]</c>: the vendor
/// register and its subservice organizations (docs/operations.md, "Vendor register").
/// </summary>
internal static class VendorCommands
{
    public static IEnumerable<Command> Create(CliContext ctx)
    {
        var format = Options.Format("table", "json");
        var db = Db.Option();
        var cmd = new Command("vendors", "The vendor register: service, data shared, criticality, reviews, SOC 2 and ISO assurance with expiry warnings, subservice organizations.")
        {
            format, db,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var vendors = CliContext.Require(await useCases.Vendors.ListAsync(useCases.Actor, ct).ConfigureAwait(false));
            if (parse.GetValue(format) == "json")
            {
                Render.WriteJson(ctx.Out, vendors.Select(Json));
            }
            else
            {
                Render.WriteTable(
                    ctx.Out,
                    ["id", "name", "criticality", "owner", "review due", "SOC 2", "ISO 27001", "subservice", "warnings"],
                    vendors.Select(v => (IReadOnlyList<string?>)
                    [
                        v.Vendor.Id, v.Vendor.Name, v.Vendor.Criticality.ToWire(), v.Vendor.Owner, v.ReviewDue is { } d ? CalendarDates.Format(d) : "now",
                        v.Vendor.Soc2 is { } s ? $"{s.Type.ToWire()} to {CalendarDates.Format(s.PeriodEnd)} ({s.Opinion.ToWire()})" : "",
                        v.Vendor.Iso27001 is { } i ? $"{i.Number} to {CalendarDates.Format(i.Expiry)}" : "",
                        v.Vendor.Subservice?.Method.ToWire() ?? "",
                        string.Join("; ", v.Warnings.Select(w => w.Kind)),
                    ]),
                    $"{vendors.Count} vendors, {vendors.Count(v => v.Warnings.Any(w => w.IsException))} with exceptions");
            }

            return ExitCodes.Ok;
        });
        cmd.Subcommands.Add(Add(ctx));
        cmd.Subcommands.Add(Review(ctx));
        yield return cmd;
    }

    /// <summary>The JSON of a vendor: record, next review, warnings.</summary>
    internal static object Json(VendorView v) => new
    {
        id = v.Vendor.Id,
        name = v.Vendor.Name,
        service = v.Vendor.Service,
        dataShared = v.Vendor.DataShared,
        criticality = v.Vendor.Criticality.ToWire(),
        owner = v.Vendor.Owner,
        reviewCadence = v.Vendor.ReviewCadence.ToWire(),
        lastReview = v.Vendor.LastReview,
        reviewDue = v.ReviewDue,
        soc2 = v.Vendor.Soc2 is { } s ? new { type = s.Type.ToWire(), periodStart = s.PeriodStart, periodEnd = s.PeriodEnd, opinion = s.Opinion.ToWire(), validUntil = VendorStanding.Soc2ValidUntil(s) } : null,
        iso27001 = v.Vendor.Iso27001 is { } i ? new { number = i.Number, expiry = i.Expiry } : null,
        riskIds = v.Vendor.RiskIds,
        subservice = v.Vendor.Subservice is { } sub ? new { method = sub.Method.ToWire(), controls = sub.Controls.Select(c => new { description = c.Description, monitoredBy = c.MonitoredBy }) } : null,
        warnings = v.Warnings.Select(w => new { kind = w.Kind, exception = w.IsException, text = w.Text, on = w.On }),
    };

    private static Command Add(CliContext ctx)
    {
        var id = new Argument<string>("id") { Description = "Vendor ID, e.g. V-AWS." };
        var name = new Option<string>("--name") { Description = "Vendor name.", Required = true };
        var service = new Option<string?>("--service") { Description = "The service it provides." };
        var data = new Option<string?>("--data-shared") { Description = "The data it receives." };
        var criticality = new Option<string>("--criticality") { Description = $"One of {string.Join(", ", VendorCriticalities.WireNames)}.", DefaultValueFactory = _ => "medium" };
        var owner = new Option<string?>("--owner") { Description = "E-mail of who reviews it." };
        var cadence = new Option<string>("--review-cadence") { Description = "monthly, quarterly, semi-annual or annual.", DefaultValueFactory = _ => "annual" };
        var last = new Option<string?>("--last-review") { Description = "Day of the last review (YYYY-MM-DD)." };
        var soc2 = new Option<string?>("--soc2") { Description = "SOC 2 report held: TYPE:FROM:TO:OPINION, e.g. type2:2025-01-01:2025-12-31:unqualified." };
        var iso = new Option<string?>("--iso27001") { Description = "ISO 27001 certificate held: NUMBER:EXPIRY, e.g. IS-12345:2027-05-31." };
        var db = Db.Option();
        var cmd = new Command("add", "Add a vendor, or replace the one with that ID; audited.") { id, name, service, data, criticality, owner, cadence, last, soc2, iso, db };
        cmd.SetAction(async (parse, ct) =>
        {
            if (!VendorCriticalities.TryParse(parse.GetValue(criticality), out var crit))
            {
                throw new CliFailureException(new Error(ErrorCodes.InvalidVendor, $"--criticality must be one of {string.Join(", ", VendorCriticalities.WireNames)}", "--criticality"));
            }

            if (!Cadences.TryParse(parse.GetValue(cadence), out var cad))
            {
                throw new CliFailureException(new Error(ErrorCodes.InvalidVendor, "--review-cadence must be monthly, quarterly, semi-annual or annual", "--review-cadence"));
            }

            var vendor = new Vendor
            {
                Id = parse.GetValue(id)!,
                Name = parse.GetValue(name)!,
                Service = parse.GetValue(service) ?? "",
                DataShared = parse.GetValue(data) ?? "",
                Criticality = crit,
                Owner = parse.GetValue(owner) ?? "",
                ReviewCadence = cad,
                LastReview = parse.GetValue(last) is { } l ? ProgramCommands.ParseDate(l, "--last-review") : null,
                Soc2 = parse.GetValue(soc2) is { } s ? ParseSoc2(s) : null,
                Iso27001 = parse.GetValue(iso) is { } i ? ParseIso(i) : null,
            };
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var saved = CliContext.Require(await useCases.Vendors.SaveAsync(useCases.Actor, vendor, ct).ConfigureAwait(false));
            await ctx.Out.WriteLineAsync($"saved {saved.Vendor.Id}{(saved.Warnings.Count > 0 ? ": " + string.Join("; ", saved.Warnings.Select(w => w.Text)) : "")}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Review(CliContext ctx)
    {
        var id = new Argument<string>("id") { Description = "The vendor." };
        var on = new Option<string?>("--on") { Description = "Day of the review (default today)." };
        var db = Db.Option();
        var cmd = new Command("review", "Record that a vendor was reviewed; audited.") { id, on, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var day = parse.GetValue(on) is { } s ? ProgramCommands.ParseDate(s, "--on") : (DateOnly?)null;
            var useCases = await UseCases.OpenAsync(parse, db, ctx, ct).ConfigureAwait(false);
            var v = CliContext.Require(await useCases.Vendors.ReviewAsync(useCases.Actor, parse.GetValue(id)!, day, ct).ConfigureAwait(false));
            await ctx.Out.WriteLineAsync($"{v.Vendor.Id} reviewed {CalendarDates.Format(v.Vendor.LastReview!.Value)}; next due {CalendarDates.Format(v.ReviewDue!.Value)}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Soc2Assurance ParseSoc2(string text)
    {
        var parts = text.Split(':');
        return parts.Length == 4 && Soc2ReportTypes.TryParse(parts[0], out var type) && AuditOpinions.TryParse(parts[3], out var opinion)
            ? new Soc2Assurance(type, ProgramCommands.ParseDate(parts[1], "--soc2 FROM"), ProgramCommands.ParseDate(parts[2], "--soc2 TO"), opinion)
            : throw new CliFailureException(new Error(ErrorCodes.InvalidVendor, $"--soc2 '{text}' is not TYPE:FROM:TO:OPINION (type1|type2, YYYY-MM-DD, {string.Join("|", AuditOpinions.WireNames)})", "--soc2"));
    }

    private static IsoCertificateAssurance ParseIso(string text)
    {
        var cut = text.LastIndexOf(':');
        return cut > 0
            ? new IsoCertificateAssurance(text[..cut], ProgramCommands.ParseDate(text[(cut + 1)..], "--iso27001 EXPIRY"))
            : throw new CliFailureException(new Error(ErrorCodes.InvalidVendor, $"--iso27001 '{text}' is not NUMBER:EXPIRY", "--iso27001"));
    }
}
