using System.Net;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Operations;

/// <summary>
/// The SOC 2 system description report on the demo (clock 2026-11-02): AWS is a carve-out subservice organization in
/// the vendor register whose SOC 2 period ended 2025-09-02 and so counted until 2026-09-02, with CSOCs monitored by AC-23
/// and AC-24; the scope's CUECs include "Customers manage the users of their tenant and review their access regularly"
/// (src/Trellis.Content/Demo/DemoRegisters.cs, DemoScope.cs).
/// </summary>
public sealed class SystemDescriptionApiTests
{
    [Fact]
    public async Task Demo_SystemDescription_ListsAwsCarveOutExpiredWithCsocsAndCuecs()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var viewer = await app.ClientAsAsync(Roles.Viewer, "viewer@example.com");

        var response = await viewer.GetAsync(new Uri("/api/v1/reports/system-description?format=csv", UriKind.Relative));
        var csv = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, csv);
        Assert.Contains("Amazon Web Services", csv, StringComparison.Ordinal);
        Assert.Contains("carve-out", csv, StringComparison.Ordinal);
        Assert.Contains("2024-09-02 to 2025-09-02, unqualified opinion", csv, StringComparison.Ordinal);
        Assert.Contains("expired 2026-09-02", csv, StringComparison.Ordinal);
        Assert.Contains("vendor register (V-AWS)", csv, StringComparison.Ordinal);
        Assert.Contains("AWS securely destroys storage media before disposal", csv, StringComparison.Ordinal);
        Assert.Contains("AC-24", csv, StringComparison.Ordinal);
        Assert.Contains("Customers manage the users of their tenant and review their access regularly", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("scope only", csv, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(new Uri("/api/v1/reports/system-description?format=pdf", UriKind.Relative))).StatusCode);
    }
}
