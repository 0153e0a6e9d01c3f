using System.Globalization;
using System.Text;
using Trellis.Content;
using Trellis.Core.Crosswalk;
using Trellis.Core.Evidence;
using Trellis.Core.Program;
using Trellis.Core.Risks;
using Trellis.Exchange.Reports.Builders;
using Trellis.Exchange.Reports.Writers;

namespace Trellis.Bench.Workloads;

/// <summary>
/// SoA to XLSX and to PDF (issue 6, item 7), each against writing the same 93 rows as plain CSV with a StreamWriter
/// in the same run. The report document is built once; the workloads time the writers.
/// </summary>
internal static class ReportWorkloads
{
    public static IEnumerable<Workload> Create()
    {
        var today = new DateOnly(2026, 11, 27);
        var generatedAt = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
        var iso = ShippedContent.Catalog.Framework("iso27001-2022").Value;
        var document = SoaReport.Build(Program(iso.Requirements.Where(r => r.Id.StartsWith("A.", StringComparison.Ordinal)).Select(r => r.Id).ToList(), today), iso, today, generatedAt);
        var rows = document.Sections[0].Table.Rows;

        var csvBytes = 0L;
        var xlsxBytes = 0L;
        var pdfBytes = 0L;
        yield return new Workload(
            $"SoA -> XLSX ({rows.Count} rows)",
            () => csvBytes = PlainCsv(rows),
            () => xlsxBytes = XlsxReportWriter.Write(document).Length,
            () => $"csv {csvBytes:N0} B, xlsx {xlsxBytes:N0} B");
        yield return new Workload(
            $"SoA -> PDF ({rows.Count} rows)",
            () => csvBytes = PlainCsv(rows),
            () => pdfBytes = PdfReportWriter.Write(document).Length,
            () => $"csv {csvBytes:N0} B, pdf {pdfBytes:N0} B");
    }

    /// <summary>The baseline: the same cells, comma-joined, one line per row, no quoting or neutralizing.</summary>
    private static long PlainCsv(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true))
        {
            foreach (var row in rows)
            {
                writer.WriteLine(string.Join(",", row));
            }
        }

        return stream.Length;
    }

    /// <summary>A realistic program: about two controls per Annex A control, quarterly evidence, risks, every SoA decision.</summary>
    private static ComplianceProgram Program(List<string> annexA, DateOnly today)
    {
        var controls = new List<Control>();
        var evidence = new List<EvidenceItem>();
        var risks = new List<Risk>();
        var soa = new List<SoaDecision>();
        for (var i = 0; i < annexA.Count; i++)
        {
            var excluded = i % 15 == 7;
            soa.Add(new SoaDecision
            {
                Control = annexA[i],
                Applicable = !excluded,
                Justification = excluded ? "Not relevant to a fully remote organization hosted on a cloud provider (carve-out)." : "Required to treat identified risks and by customer contracts.",
                Reasons = excluded ? [] : [InclusionReason.Risk, InclusionReason.Contractual],
            });
            for (var k = 0; k < 2 && !excluded; k++)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"C-{i:D3}-{k}");
                controls.Add(new Control
                {
                    Id = id,
                    Title = $"Control {id} for {annexA[i]}",
                    Status = (i + k) % 4 == 0 ? ImplementationStatus.InProgress : ImplementationStatus.Implemented,
                    Cadence = Cadence.Quarterly,
                    Mappings = [new ControlMapping(new RequirementRef("iso27001-2022", annexA[i]), k == 0 ? Relationship.Equal : Relationship.SubsetOf)],
                });
                evidence.Add(new EvidenceItem
                {
                    Id = "EV-" + id,
                    Title = $"Quarterly evidence for {id}",
                    ControlIds = [id],
                    Versions = [new EvidenceVersion
                    {
                        Number = 1,
                        Sha256 = new string('a', 64),
                        FileName = id + ".pdf",
                        Size = 1024,
                        CollectedAt = new DateTimeOffset(today.AddMonths(-(i % 6)).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                        EffectiveFrom = today.AddMonths(-(i % 6)),
                    }],
                });
            }

            if (i % 3 == 0)
            {
                risks.Add(new Risk { Id = string.Create(CultureInfo.InvariantCulture, $"R-{i:D3}"), Title = $"Risk needing {annexA[i]}", RequirementIds = [annexA[i]] });
            }
        }

        return new ComplianceProgram
        {
            Organization = "Bench Co",
            Controls = controls,
            Evidence = evidence,
            Risks = risks,
            Soa = soa,
            SoaApproval = new SoaApproval("v7", "ciso@bench.example", today.AddMonths(-2)),
        };
    }
}
