using Trellis.Content;
using Trellis.Exchange.Reports;
using static Trellis.Exchange.Tests.Reports.ReportFixtures;

namespace Trellis.Exchange.Tests.Reports;

/// <summary>What the CLI and API rely on: typed errors for everything a user can get wrong.</summary>
public class ReportServiceTests
{
    [Theory]
    [InlineData("soa", "docx", null, null, "invalid-format")]
    [InlineData("statement", "pdf", null, null, "unknown-report-kind")]
    [InlineData("gap", "pdf", "iso27001-2023", null, "unknown-framework")]
    [InlineData("matrix", "pdf", "soc3", null, "unknown-framework")]
    [InlineData("crosswalk", "csv", "iso27001-2013", null, "missing-option")]
    [InlineData("crosswalk", "csv", "iso27001-2013", "soc-2", "unknown-framework")]
    [InlineData("soa", "pdf", "soc2-2017", null, "unsupported-framework")]
    public void Render_BadRequest_IsATypedError(string kind, string format, string? framework, string? to, string code)
    {
        var result = Service.Render(kind, new ReportOptions { Format = format, Framework = framework, To = to }, Program().Build(), ShippedContent.Engine, Today);

        Assert.False(result.IsSuccess);
        Assert.Equal(code, result.Error!.Code);
    }

    [Fact]
    public void Render_UnknownKind_SuggestsTheNearestKind()
    {
        var result = Service.Render("evidence", new ReportOptions { Format = "pdf" }, Program().Build(), ShippedContent.Engine, Today);

        Assert.Contains("evidence-index", result.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("soa")]
    [InlineData("matrix")]
    [InlineData("gap")]
    [InlineData("readiness")]
    [InlineData("evidence-index")]
    public void Render_ProgramReportWithoutProgram_IsProgramRequired(string kind)
    {
        var result = Service.Render(kind, new ReportOptions { Format = "csv" }, program: null, ShippedContent.Engine, Today);

        Assert.Equal("program-required", result.Error!.Code);
    }

    [Fact]
    public void Render_CrosswalkWithoutProgram_Succeeds()
    {
        var result = Service.Render("crosswalk", new ReportOptions { Format = "pdf", Framework = "iso27001-2022", To = "soc2-2017" }, program: null, ShippedContent.Engine, Today);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal("%PDF-"u8.ToArray(), result.Value[..5]);
    }

    [Theory]
    [InlineData(2026, 6, 30, 2026, 1, 1)]
    public void Render_WindowEndingBeforeItStarts_IsInvalidWindow(int y1, int m1, int d1, int y2, int m2, int d2)
    {
        var options = new ReportOptions { Format = "csv", WindowStart = new DateOnly(y1, m1, d1), WindowEnd = new DateOnly(y2, m2, d2) };

        Assert.Equal("invalid-window", Service.Render("evidence-index", options, Program().Build(), ShippedContent.Engine, Today).Error!.Code);
        Assert.Equal("invalid-window", Service.Render("evidence-index", options with { WindowEnd = null }, Program().Build(), ShippedContent.Engine, Today).Error!.Code);
    }

    [Fact]
    public void Build_GeneratedAt_ComesFromTheInjectedClock()
    {
        var document = Ok(Service.Build("soa", new ReportOptions { Format = "pdf" }, Program().Build(), ShippedContent.Engine, Today));

        Assert.Equal(Now, document.GeneratedAt);
    }

    [Theory]
    [InlineData("xlsx", "PK")]
    [InlineData("pdf", "%PDF-")]
    [InlineData("html", "<!DOCTYPE html>")]
    [InlineData("json", "{")]
    [InlineData("csv", "control,title,")]
    public void Render_EachFormat_StartsWithItsSignature(string format, string signature)
    {
        var bytes = Render("soa", format, Program().Build());

        Assert.Equal(System.Text.Encoding.ASCII.GetBytes(signature), bytes[..signature.Length]);
    }
}
