using System.Security.Cryptography;
using System.Text;
using Trellis.Core.Policies;
using Trellis.Exchange.Policies;

namespace Trellis.Exchange.Tests.Policies;

/// <summary>Policy Markdown becomes safe HTML; hostile input loses everything that could run.</summary>
public class PolicyMarkdownTests
{
    [Fact]
    public void ToHtml_HeadingListAndLink_RendersThem()
    {
        var html = PolicyMarkdown.ToHtml("# Purpose\n\n- one\n- two\n\nSee [the intranet](https://intranet.example.com).");

        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Contains("<li>one</li>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://intranet.example.com\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<img src=x onerror=\"alert(1)\">", "onerror")]
    [InlineData("[click](javascript:alert(1))", "javascript:")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "javascript:")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    [InlineData("<div onclick=\"steal()\">hi</div>", "onclick")]
    [InlineData("<form action=\"https://evil.example\"><input name=p></form>", "<form")]
    [InlineData("<p style=\"background:url(javascript:alert(1))\">x</p>", "style=")]
    [InlineData("<svg><script>alert(1)</script></svg>", "alert")]
    public void ToHtml_HostileMarkdown_RemovesWhatCouldRun(string markdown, string forbidden)
    {
        var html = PolicyMarkdown.ToHtml("Intro.\n\n" + markdown + "\n\nEnd.");

        Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("End.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Sections_HeadingsAndBullets_PlainLinesUnderHeadings()
    {
        var sections = PolicyMarkdown.Sections("# Purpose\nWhy we do it.\n\n## Rules\n- **Use** MFA\n- Lock screens\n");

        Assert.Equal(["Purpose", "Rules"], sections.Select(s => s.Heading));
        Assert.Equal(["• Use MFA", "• Lock screens"], sections[1].Lines);
    }

    [Fact]
    public void PdfExport_ApprovedVersion_PrintsTheTextHashAndReturnsIt()
    {
        var at = new DateTimeOffset(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);
        var policy = new Policy
        {
            Id = "POL-002",
            Title = "Access control policy",
            Owner = "ciso@example.com",
            Versions = [new PolicyVersion
            {
                Number = 1, Body = "# Purpose\nOnly the right people get in.\n\n## Rules\n- Least privilege", Author = "ciso@example.com", Created = at,
                Status = PolicyStatus.Approved, Approvers = ["ceo@example.com"], Approvals = [new PolicyApproval("ceo@example.com", at)],
            }],
        };

        var export = PolicyPdf.Export(policy, policy.Versions[0], at).Value;

        var expectedText = Convert.ToHexStringLower(SHA256.HashData(PolicyMarkdown.Document(policy, policy.Versions[0])));
        Assert.Equal(expectedText, export.TextSha256);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(export.Pdf)), export.PdfSha256);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(export.Pdf);
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains(expectedText, text, StringComparison.Ordinal);
        Assert.Contains("Least privilege", text, StringComparison.Ordinal);
        Assert.Contains("Access control policy", text, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", Encoding.UTF8.GetString(PolicyMarkdown.Document(policy, policy.Versions[0])), StringComparison.Ordinal);
    }

    [Fact]
    public void PdfExport_Draft_PolicyState()
    {
        var policy = new Policy
        {
            Id = "POL-003",
            Title = "Draft",
            Owner = "ciso@example.com",
            Versions = [new PolicyVersion { Number = 1, Body = "x", Author = "a@example.com", Created = DateTimeOffset.UnixEpoch }],
        };

        Assert.Equal(Trellis.Core.Common.ErrorCodes.PolicyState, PolicyPdf.Export(policy, policy.Versions[0], DateTimeOffset.UnixEpoch).Error!.Code);
    }
}
