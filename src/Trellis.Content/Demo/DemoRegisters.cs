using Trellis.Core.People;
using Trellis.Core.Program;
using Trellis.Core.Vendors;

namespace Trellis.Content.Demo;

/// <summary>
/// The demo company's staff register and vendor register, relative to "today": the control owners as staff (trained,
/// screened), one leaver whose off-boarding checklist is partly done and past its due day, and vendors including AWS,
/// a carve-out subservice organization whose SOC 2 report is expired (period ended 14 months ago), with its CSOCs
/// monitored by AC-23 and AC-24.
/// </summary>
public static class DemoRegisters
{
    /// <summary>The leaver of the demo.</summary>
    public const string Leaver = "jamie.ross@northwind.example";

    /// <summary>The demo's off-boarding settings (the defaults).</summary>
    public static PeopleSettings Settings { get; } = new();

    /// <summary>The staff register as of <paramref name="today"/>.</summary>
    public static IReadOnlyList<Person> People(DateOnly today)
    {
        (string Email, string Name, string Title, string? Manager, int Years)[] staff =
        [
            (DemoPeople.Ceo, "Daniel Okafor", "Chief Executive Officer", null, 6),
            (DemoPeople.Cto, "Lena Fischer", "Chief Technology Officer", DemoPeople.Ceo, 6),
            (DemoPeople.Ciso, "Priya Shah", "Chief Information Security Officer", DemoPeople.Ceo, 4),
            (DemoPeople.People, "Maria Gomez", "Head of People", DemoPeople.Ceo, 5),
            (DemoPeople.Compliance, "Tom Becker", "Compliance Lead", DemoPeople.Ciso, 3),
            (DemoPeople.SecurityEngineering, "Aiko Tanaka", "Security Engineering Lead", DemoPeople.Ciso, 3),
            (DemoPeople.It, "Sam Oduya", "IT Manager", DemoPeople.Cto, 4),
            (DemoPeople.Sre, "Jonas Berg", "SRE Lead", DemoPeople.Cto, 4),
            (DemoPeople.Engineering, "Ravi Menon", "Engineering Manager", DemoPeople.Cto, 5),
            (DemoPeople.Legal, "Claire Dubois", "General Counsel", DemoPeople.Ceo, 2),
            (DemoPeople.Dpo, "Elif Yilmaz", "Data Protection Officer", DemoPeople.Legal, 2),
            (DemoPeople.Facilities, "Nora Walsh", "Office Manager", DemoPeople.People, 3),
        ];
        var people = staff.Select((s, i) => new Person
        {
            Id = $"P-{i + 1:000000000000}",
            Email = s.Email,
            Name = s.Name,
            Title = s.Title,
            StartDate = today.AddYears(-s.Years).AddDays(-17 * i),
            Manager = s.Manager,
            Screening = new ScreeningRecord(today.AddYears(-s.Years).AddDays((-17 * i) - 14), "Verified Screening Ltd"),
            // One owner's training is 14 months old: the register shows them as not trained within 12 months.
            Training = [new TrainingCompletion(today.AddMonths(i == 9 ? -14 : -(i % 10) - 1), "Security awareness " + today.AddMonths(i == 9 ? -14 : -(i % 10) - 1).Year)],
        }).ToList();
        var end = today.AddDays(-3);
        people.Add(new Person
        {
            Id = "P-000000000013",
            Email = Leaver,
            Name = "Jamie Ross",
            Title = "Support Engineer",
            StartDate = today.AddYears(-2),
            EndDate = end,
            Manager = DemoPeople.It,
            Screening = new ScreeningRecord(today.AddYears(-2).AddDays(-10), "Verified Screening Ltd"),
            Training = [new TrainingCompletion(today.AddMonths(-5), "Security awareness " + today.AddMonths(-5).Year)],
            Offboarding =
            [
                new OffboardingItem(Settings.OffboardingSystems[0], end, DemoPeople.It),
                new OffboardingItem(Settings.OffboardingSystems[1], end, DemoPeople.It),
                .. Settings.OffboardingSystems.Skip(2).Select(s => new OffboardingItem(s)),
            ],
        });
        return people;
    }

    /// <summary>The vendor register as of <paramref name="today"/>.</summary>
    public static IReadOnlyList<Vendor> Vendors(DateOnly today) =>
    [
        new Vendor
        {
            Id = "V-AWS",
            Name = "Amazon Web Services",
            Service = "Cloud hosting: compute, databases, storage, CDN (eu-west-1, eu-central-1)",
            DataShared = "All customer data (encrypted at rest), system logs",
            Criticality = VendorCriticality.Critical,
            Owner = DemoPeople.Compliance,
            ReviewCadence = Cadence.Annual,
            LastReview = today.AddMonths(-10),
            // Period ended 14 months ago: more than 12 months old, so expired; the new report was never collected.
            Soc2 = new Soc2Assurance(Soc2ReportType.Type2, today.AddMonths(-26), today.AddMonths(-14), AuditOpinion.Unqualified),
            Iso27001 = new IsoCertificateAssurance("AWS-ISMS-27001", today.AddMonths(20)),
            RiskIds = ["R-04", "R-07"],
            Subservice = new VendorSubservice(SubserviceMethod.CarveOut,
            [
                new ComplementarySubserviceControl("AWS restricts physical access to data centres to authorized personnel", ["AC-23", "AC-24"]),
                new ComplementarySubserviceControl("AWS protects data centres against environmental threats and maintains power and cooling", ["AC-23", "AC-24"]),
                new ComplementarySubserviceControl("AWS securely destroys storage media before disposal", ["AC-24"]),
            ]),
        },
        new Vendor
        {
            Id = "V-STRIPE",
            Name = "Stripe",
            Service = "Payment card processing for subscription billing",
            DataShared = "Customer billing contacts; no card data passes Northwind systems",
            Criticality = VendorCriticality.High,
            Owner = DemoPeople.Compliance,
            ReviewCadence = Cadence.Annual,
            LastReview = today.AddMonths(-4),
            Soc2 = new Soc2Assurance(Soc2ReportType.Type2, today.AddMonths(-9), today.AddMonths(-3), AuditOpinion.Unqualified),
            RiskIds = ["R-07"],
            Subservice = new VendorSubservice(SubserviceMethod.CarveOut, [new ComplementarySubserviceControl("Stripe protects cardholder data under PCI DSS", ["AC-23"])]),
        },
        new Vendor
        {
            Id = "V-OKTA",
            Name = "Okta",
            Service = "Single sign-on and multi-factor authentication for staff",
            DataShared = "Staff identities",
            Criticality = VendorCriticality.High,
            Owner = DemoPeople.It,
            ReviewCadence = Cadence.Annual,
            LastReview = today.AddMonths(-11).AddDays(-10),
            Soc2 = new Soc2Assurance(Soc2ReportType.Type2, today.AddMonths(-7), today.AddMonths(-1), AuditOpinion.Unqualified),
            Iso27001 = new IsoCertificateAssurance("OKTA-27001-2291", today.AddDays(45)),
        },
        new Vendor
        {
            Id = "V-DATADOG",
            Name = "Datadog",
            Service = "Monitoring and log management",
            DataShared = "System logs and metrics (no customer content)",
            Criticality = VendorCriticality.Medium,
            Owner = DemoPeople.Sre,
            ReviewCadence = Cadence.Annual,
            LastReview = today.AddMonths(-13),
            Soc2 = new Soc2Assurance(Soc2ReportType.Type2, today.AddMonths(-8), today.AddMonths(-2), AuditOpinion.Qualified),
        },
    ];
}
