using System.Globalization;
using System.Security.Cryptography;
using Trellis.Core.Common;
using Trellis.Core.Policies;
using Trellis.Exchange.Reports;
using Trellis.Exchange.Reports.Writers;

namespace Trellis.Exchange.Policies;

/// <summary>A policy version as PDF, and the hashes that identify it.</summary>
/// <param name="Pdf">The PDF's bytes.</param>
/// <param name="TextSha256">SHA-256 of the version's published file (<see cref="PolicyMarkdown.Document"/>), printed in the PDF.</param>
/// <param name="PdfSha256">SHA-256 of the PDF's bytes.</param>
public sealed record PolicyPdfExport(byte[] Pdf, string TextSha256, string PdfSha256);

/// <summary>
/// Exports an approved (or published) policy version as PDF through the report stack (PDFsharp, embedded DejaVu):
/// title, owner, approvals, the SHA-256 of the approved text, then the text under its headings.
/// </summary>
public static class PolicyPdf
{
    /// <summary>The PDF of <paramref name="version"/>; <c>policy-state</c> unless it is approved, published or superseded.</summary>
    public static Result<PolicyPdfExport> Export(Policy policy, PolicyVersion version, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(version);
        if (version.Status is PolicyStatus.Draft or PolicyStatus.InReview)
        {
            return new Error(ErrorCodes.PolicyState, $"policy {policy.Id} version {version.Number} is {version.Status.ToWire()}; only an approved version is exported", "version");
        }

        var textSha = PolicyMarkdown.Sha256(policy, version);
        var sections = PolicyMarkdown.Sections(version.Body)
            .Select(s => new ReportSection(s.Heading, new ReportTable([new ReportColumn("text", s.Heading)], [.. s.Lines.Select(l => (IReadOnlyList<string>)[l])])))
            .ToList();
        var doc = new ReportDocument
        {
            Kind = "policy",
            Title = policy.Title,
            Subtitle = string.Create(CultureInfo.InvariantCulture, $"Policy {policy.Id}, version {version.Number} ({version.Status.ToWire()})"),
            GeneratedAt = generatedAt,
            Metadata =
            [
                new ReportField("Owner", policy.Owner),
                new ReportField("Approved by", string.Join("; ", version.Approvals.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Approver} {a.At.UtcDateTime:yyyy-MM-dd}")))),
                new ReportField("Published", version.PublishedAt is { } p ? p.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "not yet"),
                new ReportField("SHA-256 of the approved text", textSha),
            ],
            Sections = sections,
        };
        var pdf = PdfReportWriter.Write(doc);
        return new PolicyPdfExport(pdf, textSha, Convert.ToHexStringLower(SHA256.HashData(pdf)));
    }
}
