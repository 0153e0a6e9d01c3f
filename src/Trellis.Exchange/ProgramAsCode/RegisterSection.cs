using Trellis.Core.Common;
using Trellis.Core.People;
using Trellis.Core.Program;
using Trellis.Core.Serialization;
using Trellis.Core.Vendors;

namespace Trellis.Exchange.ProgramAsCode;

/// <summary>The staff register, its settings and the vendor register, as program.yaml carries them.</summary>
/// <param name="People">The staff register.</param>
/// <param name="Vendors">The vendor register.</param>
/// <param name="Settings">Off-boarding days and systems, training interval.</param>
public sealed record ProgramRegisters(IReadOnlyList<Person> People, IReadOnlyList<Vendor> Vendors, PeopleSettings Settings)
{
    /// <summary>No people, no vendors, default settings: what a program.yaml without the sections means.</summary>
    public static ProgramRegisters Empty { get; } = new([], [], new PeopleSettings());

    /// <summary>True when there is nothing to write (the sections are then left out, as before registers existed).</summary>
    public bool IsEmpty => People.Count == 0 && Vendors.Count == 0
        && Settings.OffboardingDays == PeopleSettings.DefaultOffboardingDays && Settings.TrainingMonths == PeopleSettings.DefaultTrainingMonths && Settings.OffboardingSystems.SequenceEqual(new PeopleSettings().OffboardingSystems);
}

/// <summary>Reads and writes <c>people</c> (settings and staff) and <c>vendors</c> of program.yaml (issue 17, items 5 and 6).</summary>
internal static class RegisterSection
{
    private static readonly string[] PeopleKeys = ["offboardingDays", "trainingMonths", "offboardingSystems", "staff"];
    private static readonly string[] PersonKeys = ["id", "email", "name", "title", "startDate", "endDate", "manager", "training", "screening", "offboarding"];
    private static readonly string[] TrainingKeys = ["date", "course"];
    private static readonly string[] ScreeningKeys = ["date", "by"];
    private static readonly string[] ItemKeys = ["system", "doneOn", "doneBy", "note"];
    private static readonly string[] VendorKeys = ["id", "name", "service", "dataShared", "criticality", "owner", "reviewCadence", "lastReview", "soc2", "iso27001", "risks", "subservice"];
    private static readonly string[] Soc2Keys = ["type", "periodStart", "periodEnd", "opinion"];
    private static readonly string[] IsoKeys = ["number", "expiry"];
    private static readonly string[] SubserviceKeys = ["method", "controls"];
    private static readonly string[] CsocKeys = ["description", "monitoredBy"];

    /// <summary>Reads both registers; a vendor's risks and its CSOCs' monitoring controls must exist in <paramref name="program"/>.</summary>
    public static ProgramRegisters Read(YamlMap root, YamlFields f, ComplianceProgram program)
    {
        var risks = program.Risks.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var controls = program.Controls.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var people = f.AsMap(root["people"], "people");
        var settings = new PeopleSettings();
        var staff = new List<Person>();
        if (people is not null)
        {
            f.OnlyKeys(people, PeopleKeys);
            settings = new PeopleSettings
            {
                OffboardingDays = f.Int(people, "offboardingDays", 0, 30) ?? PeopleSettings.DefaultOffboardingDays,
                TrainingMonths = f.Int(people, "trainingMonths", 1, 36) ?? PeopleSettings.DefaultTrainingMonths,
                OffboardingSystems = people["offboardingSystems"] is null ? settings.OffboardingSystems : f.Strings(people, "offboardingSystems"),
            };
            var emails = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in f.Maps(people, "staff"))
            {
                var person = ReadPerson(p, f);
                if (person.Email.Length > 0 && !emails.Add(person.Email))
                {
                    f.Fail(p.Line, ErrorCodes.DuplicateId, $"person '{person.Email}' is listed twice");
                }

                staff.Add(person);
            }
        }

        var vendors = new List<Vendor>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in f.Maps(root, "vendors"))
        {
            var vendor = ReadVendor(v, f);
            if (!ids.Add(vendor.Id))
            {
                f.Fail(v.Line, ErrorCodes.DuplicateId, $"vendor '{vendor.Id}' is listed twice");
            }
            else if (VendorStanding.Validate(vendor) is { } bad)
            {
                f.Fail(v.Line, bad.Code, bad.Message);
            }

            CheckReferences(v, f, vendor, risks, controls);
            vendors.Add(vendor);
        }

        return new ProgramRegisters(staff, vendors, settings);
    }

    public static void Add(MapBuilder root, ProgramRegisters r)
    {
        if (r.IsEmpty)
        {
            return;
        }

        root.Add("people", new MapBuilder()
            .Add("offboardingDays", YToken.Of(r.Settings.OffboardingDays))
            .Add("trainingMonths", YToken.Of(r.Settings.TrainingMonths))
            .AddStrings("offboardingSystems", r.Settings.OffboardingSystems)
            .AddList("staff", r.People.Select(Person))
            .Build());
        root.AddList("vendors", r.Vendors.Select(Vendor));
    }

    // A vendor's linked risks are the program's risks (A.5.19, CC9.2) and a CSOC is monitored by the program's controls.
    private static void CheckReferences(YamlMap map, YamlFields f, Vendor vendor, HashSet<string> risks, HashSet<string> controls)
    {
        foreach (var risk in vendor.RiskIds.Where(r => !risks.Contains(r)))
        {
            f.Fail(map["risks"]!.Line, ErrorCodes.UnknownRisk, $"vendor '{vendor.Id}' links risk '{risk}', which is not in the program's risk register");
        }

        if (vendor.Subservice is not { } sub || map["subservice"] is not YamlMap sm || sm["controls"] is not YamlList csocs)
        {
            return;
        }

        for (var i = 0; i < sub.Controls.Count && i < csocs.Items.Count; i++)
        {
            foreach (var control in sub.Controls[i].MonitoredBy.Where(c => !controls.Contains(c)))
            {
                var at = csocs.Items[i] is YamlMap m && m["monitoredBy"] is { } mb ? mb.Line : csocs.Items[i].Line;
                f.Fail(at, ErrorCodes.UnknownControl, $"vendor '{vendor.Id}': a complementary subservice-organization control is monitored by control '{control}', which is not among the program's controls");
            }
        }
    }

    private static Person ReadPerson(YamlMap map, YamlFields f)
    {
        f.OnlyKeys(map, PersonKeys);
        var emailText = f.String(map, "email", required: true);
        var email = PersonRules.NormalizeEmail(emailText);
        if (emailText is not null && email is null)
        {
            f.Fail(map["email"]!.Line, ErrorCodes.InvalidPerson, $"'{emailText}' is not an e-mail address");
        }

        var screening = f.AsMap(map["screening"], "screening");
        return new Person
        {
            Id = f.String(map, "id", required: true) ?? "",
            Email = email ?? "",
            Name = f.String(map, "name") ?? "",
            Title = f.String(map, "title") ?? "",
            StartDate = f.Date(map, "startDate"),
            EndDate = f.Date(map, "endDate"),
            Manager = f.String(map, "manager"),
            Training = [.. f.Maps(map, "training").Select(t =>
            {
                f.OnlyKeys(t, TrainingKeys);
                return new TrainingCompletion(f.Date(t, "date", required: true) ?? default, f.String(t, "course", required: true) ?? "");
            })],
            Screening = screening is null ? null : ReadScreening(screening, f),
            Offboarding = [.. f.Maps(map, "offboarding").Select(i =>
            {
                f.OnlyKeys(i, ItemKeys);
                return new OffboardingItem(f.String(i, "system", required: true) ?? "", f.Date(i, "doneOn"), f.String(i, "doneBy"), f.String(i, "note"));
            })],
        };
    }

    private static ScreeningRecord ReadScreening(YamlMap s, YamlFields f)
    {
        f.OnlyKeys(s, ScreeningKeys);
        return new ScreeningRecord(f.Date(s, "date", required: true) ?? default, f.String(s, "by", required: true) ?? "");
    }

    private static Vendor ReadVendor(YamlMap map, YamlFields f)
    {
        f.OnlyKeys(map, VendorKeys);
        var soc2 = f.AsMap(map["soc2"], "soc2");
        var iso = f.AsMap(map["iso27001"], "iso27001");
        var sub = f.AsMap(map["subservice"], "subservice");
        return new Vendor
        {
            Id = f.String(map, "id", required: true) ?? "",
            Name = f.String(map, "name", required: true) ?? "",
            Service = f.String(map, "service") ?? "",
            DataShared = f.String(map, "dataShared") ?? "",
            Criticality = f.Wire<VendorCriticality>(map, "criticality", VendorCriticalities.TryParse, VendorCriticalities.WireNames) ?? VendorCriticality.Medium,
            Owner = f.String(map, "owner") ?? "",
            ReviewCadence = f.Wire<Cadence>(map, "reviewCadence", Cadences.TryParse, Cadences.WireNames) ?? Cadence.Annual,
            LastReview = f.Date(map, "lastReview"),
            Soc2 = soc2 is null ? null : ReadSoc2(soc2, f),
            Iso27001 = iso is null ? null : ReadIso(iso, f),
            RiskIds = f.Strings(map, "risks"),
            Subservice = sub is null ? null : ReadSubservice(sub, f),
        };
    }

    private static Soc2Assurance ReadSoc2(YamlMap s, YamlFields f)
    {
        f.OnlyKeys(s, Soc2Keys);
        return new Soc2Assurance(
            f.Wire<Soc2ReportType>(s, "type", Soc2ReportTypes.TryParse, Soc2ReportTypes.WireNames, required: true) ?? Soc2ReportType.Type2,
            f.Date(s, "periodStart", required: true) ?? default,
            f.Date(s, "periodEnd", required: true) ?? default,
            f.Wire<AuditOpinion>(s, "opinion", AuditOpinions.TryParse, AuditOpinions.WireNames, required: true) ?? AuditOpinion.Unqualified);
    }

    private static IsoCertificateAssurance ReadIso(YamlMap i, YamlFields f)
    {
        f.OnlyKeys(i, IsoKeys);
        return new IsoCertificateAssurance(f.String(i, "number", required: true) ?? "", f.Date(i, "expiry", required: true) ?? default);
    }

    private static VendorSubservice ReadSubservice(YamlMap s, YamlFields f)
    {
        f.OnlyKeys(s, SubserviceKeys);
        return new VendorSubservice(
            f.Wire<SubserviceMethod>(s, "method", SubserviceMethods.TryParse, SubserviceMethods.WireNames, required: true) ?? SubserviceMethod.CarveOut,
            [.. f.Maps(s, "controls").Select(c =>
            {
                f.OnlyKeys(c, CsocKeys);
                return new ComplementarySubserviceControl(f.String(c, "description", required: true) ?? "", f.Strings(c, "monitoredBy"));
            })]);
    }

    private static YMap Person(Person p)
    {
        var map = new MapBuilder()
            .Add("id", new YText(p.Id))
            .Add("email", new YText(p.Email))
            .AddText("name", p.Name)
            .AddText("title", p.Title)
            .AddDate("startDate", p.StartDate)
            .AddDate("endDate", p.EndDate)
            .AddOptional("manager", p.Manager)
            .AddList("training", p.Training.Select(t => new MapBuilder().Add("date", YToken.Of(t.Date)).Add("course", new YText(t.Course)).Build()));
        if (p.Screening is { } s)
        {
            map.Add("screening", new MapBuilder().Add("date", YToken.Of(s.Date)).Add("by", new YText(s.By)).Build());
        }

        return map
            .AddList("offboarding", p.Offboarding.Select(i => new MapBuilder().Add("system", new YText(i.System)).AddDate("doneOn", i.DoneOn).AddOptional("doneBy", i.DoneBy).AddOptional("note", i.Note).Build()))
            .Build();
    }

    private static YMap Vendor(Vendor v)
    {
        var map = new MapBuilder()
            .Add("id", new YText(v.Id))
            .Add("name", new YText(v.Name))
            .AddText("service", v.Service)
            .AddText("dataShared", v.DataShared)
            .Add("criticality", new YText(v.Criticality.ToWire()))
            .AddText("owner", v.Owner)
            .Add("reviewCadence", new YText(v.ReviewCadence.ToWire()))
            .AddDate("lastReview", v.LastReview);
        if (v.Soc2 is { } s)
        {
            map.Add("soc2", new MapBuilder()
                .Add("type", new YText(s.Type.ToWire()))
                .Add("periodStart", YToken.Of(s.PeriodStart))
                .Add("periodEnd", YToken.Of(s.PeriodEnd))
                .Add("opinion", new YText(s.Opinion.ToWire()))
                .Build());
        }

        if (v.Iso27001 is { } i)
        {
            map.Add("iso27001", new MapBuilder().Add("number", new YText(i.Number)).Add("expiry", YToken.Of(i.Expiry)).Build());
        }

        map.AddStrings("risks", v.RiskIds);
        if (v.Subservice is { } sub)
        {
            map.Add("subservice", new MapBuilder()
                .Add("method", new YText(sub.Method.ToWire()))
                .AddList("controls", sub.Controls.Select(c => new MapBuilder().Add("description", new YText(c.Description)).AddStrings("monitoredBy", c.MonitoredBy).Build()))
                .Build());
        }

        return map.Build();
    }
}
