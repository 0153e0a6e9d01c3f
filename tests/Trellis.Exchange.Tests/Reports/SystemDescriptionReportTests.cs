using System.Text;
using Trellis.Core.Program;
using Trellis.Core.Vendors;
using Trellis.Exchange.Reports;
using static Trellis.Exchange.Tests.Reports.ReportFixtures;

namespace Trellis.Exchange.Tests.Reports;

/// <summary>
/// The SOC 2 system description (issue 17, item 6) on a hand-built program (today 2026-11-27): Cloud Co is a carve-out
/// subservice organization in the vendor register whose SOC 2 period ended 2025-06-30 (so it counted until 2026-06-30,
/// 12 months later), with one CSOC monitored by AC-01; the scope still lists Cloud Co as inclusive and Old Host, which the
/// register does not hold.
/// </summary>
public sealed class SystemDescriptionReportTests
{
    private static readonly Vendor CloudCo = new()
    {
        Id = "V-CLOUD",
        Name = "Cloud Co",
        Service = "Hosting",
        Soc2 = new Soc2Assurance(Soc2ReportType.Type2, new DateOnly(2024, 7, 1), new DateOnly(2025, 6, 30), AuditOpinion.Unqualified),
        Subservice = new VendorSubservice(SubserviceMethod.CarveOut, [new ComplementarySubserviceControl("Cloud Co restricts physical access to its data centres", ["AC-01"])]),
    };

    private static ComplianceProgram Described()
    {
        var program = Program().Categories("security", "availability").Build();
        return program with
        {
            Scope = program.Scope with
            {
                System = new SystemDescription
                {
                    Name = "Example Cloud",
                    Services = ["Invoicing as a service"],
                    ServiceCommitments = ["99.9% monthly availability"],
                    Subservices =
                    [
                        new SubserviceOrganization("cloud co", "Hosting", SubserviceMethod.Inclusive, ["Physical security"]),
                        new SubserviceOrganization("Old Host", "Backups", SubserviceMethod.CarveOut, ["Old Host encrypts backups"]),
                    ],
                    UserEntityControls = ["Customers review their users' access", "Customers protect their API keys"],
                },
            },
        };
    }

    [Fact]
    public void Build_RegisterIsTheSource_ScopeOnlyEntriesKept_MethodConflictNamed()
    {
        var document = Ok(Service.Build("system-description", new ReportOptions { Format = "json", Vendors = [CloudCo] }, Described(), Content.ShippedContent.Engine, Today));

        var sections = document.Sections.ToDictionary(s => s.Heading);
        var orgs = sections["Subservice organizations"].Table.Rows;
        Assert.Equal(["Cloud Co", "Old Host"], orgs.Select(r => r[0]));
        Assert.Equal("carve-out", orgs[0][2]);
        Assert.Equal("SOC 2 type2 2024-07-01 to 2025-06-30, unqualified opinion — expired 2026-06-30", orgs[0][3]);
        Assert.Equal(["vendor register (V-CLOUD)", "scope only"], orgs.Select(r => r[4]));
        Assert.Contains("The scope lists cloud co as inclusive; the vendor register's carve-out is used.", sections["Subservice organizations"].Paragraph, StringComparison.Ordinal);

        var csocs = sections["Complementary subservice-organization controls (CSOCs)"].Table.Rows;
        Assert.Equal(["Cloud Co", "Cloud Co restricts physical access to its data centres", "AC-01 Access control policy and quarterly access review"], csocs[0]);
        Assert.Equal(["Old Host", "Old Host encrypts backups", "not recorded (scope only)"], csocs[1]);

        Assert.Equal(["Customers review their users' access", "Customers protect their API keys"], sections["Complementary user-entity controls (CUECs)"].Table.Rows.Select(r => r[1]));
        Assert.Equal(["yes", "yes", "no", "no", "no"], sections["Trust Services Criteria categories"].Table.Rows.Select(r => r[1]));
        Assert.Contains(["Service commitment", "99.9% monthly availability"], sections["Services and principal service commitments"].Table.Rows);
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("pdf")]
    [InlineData("html")]
    [InlineData("csv")]
    [InlineData("json")]
    public void Render_EveryFormat_Succeeds(string format)
    {
        var bytes = Ok(Service.Render("system-description", new ReportOptions { Format = format, Vendors = [CloudCo] }, Described(), Content.ShippedContent.Engine, Today));

        Assert.NotEmpty(bytes);
        if (format is "csv" or "json" or "html")
        {
            Assert.Contains("Cloud Co restricts physical access", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }
    }
}
