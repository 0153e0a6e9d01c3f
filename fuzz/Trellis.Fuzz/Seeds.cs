using System.Text;
using Trellis.Content;
using Trellis.Core.Crosswalk;
using Trellis.Core.Program;
using Trellis.Exchange.ProgramAsCode;
using Trellis.Exchange.Spreadsheets;
using Trellis.Testing;

namespace Trellis.Fuzz;

/// <summary>
/// Seeds that no test keeps as a file: small program.yaml documents (the shapes of ProgramYamlReaderTests), controls
/// workbooks written by <see cref="ControlTemplate"/>, and evidence upload bodies. fuzz/seed.sh writes them beside
/// the OSCAL documents it copies from the tests; the output is committed under fuzz/corpus.
/// </summary>
internal static class Seeds
{
    private static readonly DateTimeOffset GeneratedAt = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    public static void Write(string corpus)
    {
        Text(corpus, "program-yaml", "minimal.yaml", "format: trellis-program/1\norganization: Test Co\n");
        Text(corpus, "program-yaml", "control-and-evidence.yaml", """
            format: trellis-program/1
            organization: Test Co
            scope:
              frameworks: [iso27001-2022, soc2-2017]
            controls:
              - id: AC-01
                title: Access control policy
                cadence: annual
                status: implemented
                owner: ciso@example.com
                mappings:
                  - requirement: iso27001-2022:A.5.15
                    relationship: equal
                  - requirement: soc2-2017:CC6.1
                    relationship: subset-of
            evidence:
              - id: EV-1
                title: Access control policy document
                controls: [AC-01]
                versions:
                  - number: 1
                    file: evidence/policy.txt
                    collectedAt: 2025-03-01T09:00:00Z
                    effectiveFrom: 2025-02-28
                    effectiveTo: 2026-02-28
            """);
        Text(corpus, "program-yaml", "written.yaml", ProgramYamlWriter.ToYaml(WrittenProgram()));

        Binary(corpus, "xlsx-controls", "one-control.xlsx", Workbook(1));
        Binary(corpus, "xlsx-controls", "three-controls.xlsx", Workbook(3));

        Text(corpus, "evidence-multipart", "file-and-fields.txt", Multipart(
            ("title", null, "Access policy"), ("effectiveFrom", null, "2025-02-28"), ("effectiveTo", null, "2026-02-28"),
            ("controls", null, "AC-01, AC-02"), ("file", "policy.txt", "policy text")));
        Text(corpus, "evidence-multipart", "url-only.txt", Multipart(
            ("title", null, "Ticket export"), ("effectiveFrom", null, "2025-02-28"), ("url", null, "https://example.com/tickets/1")));
        Text(corpus, "evidence-multipart", "rfc5987-name.txt",
            "multipart/form-data; boundary=\"b\"\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename*=UTF-8''r%C3%A9sum%C3%A9%20..%2F.txt\r\n"
            + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\r\n--b\r\nContent-Disposition: form-data; name=effectiveFrom\r\n\r\n2025-01-01\r\n--b--\r\n");
    }

    // Every section the writer emits (scope, risk matrix, risks, SoA), in the writer's own layout.
    private static ComplianceProgram WrittenProgram()
    {
        var builder = new ProgramBuilder();
        builder.Control("AC-01", ImplementationStatus.Implemented, Cadence.Annual, ("iso27001-2022:A.5.15", Relationship.Equal));
        builder.Control("OP-02", ImplementationStatus.Planned, Cadence.Monthly, ("soc2-2017:CC7.2", Relationship.IntersectsWith));
        builder.Organization("Test Co").Categories("security", "availability");
        builder.Evidence("EV-2", "OP-02", new DateOnly(2025, 2, 28), new DateOnly(2026, 2, 28));
        builder.Risk("R-01", ["iso27001-2022:A.5.15"], "AC-01");
        builder.Soa("A.5.15", applicable: true, "access is restricted", ImplementationStatus.Implemented);
        builder.SoaApproval("1.0", "ciso@example.com", new DateOnly(2025, 3, 1));
        return builder.Build();
    }

    private static byte[] Workbook(int controls)
    {
        var builder = new ProgramBuilder();
        for (var i = 1; i <= controls; i++)
        {
            builder.Control($"AC-{i:00}", ImplementationStatus.Implemented, Cadence.Quarterly, ("iso27001-2022:A.5.15", Relationship.Equal), ("soc2-2017:CC6.1", Relationship.SubsetOf));
        }

        return ControlTemplate.Write(builder.Build().Controls, GeneratedAt, ShippedContent.Catalog);
    }

    private static string Multipart(params (string Name, string? FileName, string Value)[] parts)
    {
        var sb = new StringBuilder("multipart/form-data; boundary=XyZ\n");
        foreach (var (name, fileName, value) in parts)
        {
            sb.Append("--XyZ\r\nContent-Disposition: form-data; name=\"").Append(name).Append('"');
            if (fileName is not null)
            {
                sb.Append("; filename=\"").Append(fileName).Append("\"\r\nContent-Type: text/plain");
            }

            sb.Append("\r\n\r\n").Append(value).Append("\r\n");
        }

        return sb.Append("--XyZ--\r\n").ToString();
    }

    private static void Text(string corpus, string target, string name, string text) => Binary(corpus, target, name, new UTF8Encoding(false).GetBytes(text));

    private static void Binary(string corpus, string target, string name, byte[] bytes)
    {
        var folder = Path.Combine(corpus, target);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name), bytes);
    }
}
