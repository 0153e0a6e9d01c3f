using System.Diagnostics;
using System.Text;
using Trellis.Content;
using Trellis.Core.Common;
using Trellis.Core.Program;
using Trellis.Exchange.Reports;
using Trellis.Testing;
using UglyToad.PdfPig;
using R = Trellis.Core.Crosswalk.Relationship;

namespace Trellis.Exchange.Tests.Reports;

/// <summary>A clock that always reads the same instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>The program, clock and readers the report tests share.</summary>
internal static class ReportFixtures
{
    public static readonly DateOnly Today = new(2026, 11, 27);

    public static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 30, 0, TimeSpan.Zero);

    public static ReportService Service { get; } = new(new FixedClock(Now));

    /// <summary>A small program: an ISMS with access control, backup and physical security, mapped to ISO and SOC 2.</summary>
    public static ProgramBuilder Program() => new ProgramBuilder()
        .Organization("Example Co")
        .Control("AC-01", ImplementationStatus.Implemented, Cadence.Quarterly, ("iso27001-2022:A.5.15", R.Equal), ("soc2-2017:CC6.1", R.SubsetOf))
        .ControlTitle("AC-01", "Access control policy and quarterly access review")
        .FileEvidence("EV-0001", "AC-01", "access-review-q3.pdf", Encoding.UTF8.GetBytes("access review Q3 2026"), new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30), "Access review Q3")
        .Control("BK-01", ImplementationStatus.InProgress, Cadence.Daily, ("iso27001-2022:A.8.13", R.Equal))
        .ControlTitle("BK-01", "Daily backups with restore tests")
        .Evidence("EV-0002", "BK-01", new DateOnly(2026, 3, 1))
        .Risk("R-01", ["A.5.15"], "AC-01")
        .Risk("R-02", ["A.7.1"])
        .Soa("A.5.15", applicable: true)
        .Soa("A.8.13", applicable: true, declared: ImplementationStatus.Implemented)
        .Soa("A.7.1", applicable: false, justification: "No own premises: hosted on a cloud provider (carve-out)")
        .SoaApproval("v3", "ciso@example.com", new DateOnly(2026, 10, 1));

    public static byte[] Render(string kind, string format, ComplianceProgram? program, string? framework = null, string? to = null) =>
        Ok(Service.Render(kind, new ReportOptions { Format = format, Framework = framework, To = to }, program, ShippedContent.Engine, Today));

    public static T Ok<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return result.Value;
    }

    /// <summary>The Annex A control IDs of tests/reference/domain/iso27001-2022.csv, in the standard's order.</summary>
    public static IReadOnlyList<(string Id, string Title)> AnnexA() =>
        ReferenceData.Csv("iso27001-2022.csv").Where(r => r["theme"] != "clause").Select(r => (r["id"], r["title"])).ToList();

    /// <summary>Text of each page, read with PdfPig.</summary>
    public static IReadOnlyList<string> PdfPages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
    }

    /// <summary>Text extracted by poppler's pdftotext, or null when it is not installed.</summary>
    public static string? PdfToText(byte[] pdf)
    {
        var tool = new[] { "/usr/bin/pdftotext", "/usr/local/bin/pdftotext" }.FirstOrDefault(File.Exists);
        if (tool is null)
        {
            return null;
        }

        var path = Path.Combine(Path.GetTempPath(), $"trellis-report-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { "-layout", "-enc", "UTF-8", path, "-" })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>An RFC 4180 reader written for the tests (quoted fields may hold commas, quotes and line breaks).</summary>
internal static class Rfc4180
{
    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                Assert.True(field.Length == 0, $"quote inside an unquoted field at {i}");
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                Assert.False(c is '\r' or '\n', $"bare line break outside quotes at {i}");
                field.Append(c);
            }
        }

        Assert.False(quoted, "unterminated quoted field");
        Assert.True(field.Length == 0 && record.Count == 0, "the last record must end with CRLF");
        return records;
    }
}
