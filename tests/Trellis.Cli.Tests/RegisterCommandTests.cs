using System.Text.Json;
using Trellis.Testing;

namespace Trellis.Cli.Tests;

/// <summary>
/// Issue 17, items 5 and 6: <c>trellis people</c> and <c>trellis vendors</c> on the demo (src/Trellis.Content/Demo/DemoRegisters.cs).
/// On 2026-12-03 the demo leaver (last day 2026-11-30, off-boarding within 1 day) has 3 of 5 items open, so the checklist
/// is late; AWS's SOC 2 period ended 2025-10-03, more than 12 months ago, so it is expired.
/// </summary>
public sealed class RegisterCommandTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("trellis-registers-").FullName;

    private string Db => Path.Combine(_folder, "t.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error, new FixedClock(Now));
        return (code, output.ToString(), error.ToString());
    }

    private JsonElement Json(params string[] args)
    {
        var (code, output, error) = Run([.. args, "--format", "json", "--db", Db]);
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement;
    }

    [Fact]
    public void People_Demo_LeaverChecklistLate_AndCompletingItFilesEvidenceNamingTheOpaqueId()
    {
        Assert.Equal(0, Run("demo", "--db", Db).Code);
        var leaver = Json("people").EnumerateArray().Single(p => p.GetProperty("email").GetString() == "jamie.ross@northwind.example");
        var off = leaver.GetProperty("offboarding");
        Assert.Equal("2026-12-01", off.GetProperty("due").GetString());
        Assert.Equal(3, off.GetProperty("open").GetInt32());
        Assert.True(off.GetProperty("late").GetBoolean());

        foreach (var system in new[] { "Source code hosting", "Cloud console", "Laptop returned" })
        {
            var done = Run("people", "offboard", "jamie.ross@northwind.example", "--system", system, "--on", "2026-12-02", "--db", Db);
            Assert.True(done.Code == 0, done.Err);
        }

        var trail = Json("audit-log", "list").EnumerateArray().ToList();
        Assert.Equal("evidence.add", trail[^1].GetProperty("action").GetString());
        Assert.Equal("people/" + leaver.GetProperty("id").GetString(), trail[^2].GetProperty("target").GetString());
        Assert.DoesNotContain(trail, e => e.ToString().Contains("jamie", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Import_BadRow_ChangesNothingAndNamesLineAndColumn()
    {
        var csv = Path.Combine(_folder, "people.csv");
        File.WriteAllText(csv, "email,name,start_date\nana@example.com,Ana,2024-01-01\nbo@example.com,Bo,2024-02-30\n");

        var (code, _, error) = Run("people", "import", csv, "--db", Db);

        Assert.Equal(2, code);
        Assert.Contains("line 3, column start_date", error, StringComparison.Ordinal);
        Assert.Empty(Json("people").EnumerateArray());
    }

    [Fact]
    public void ImportExportErase_Person_ExportHasTheirDataAndErasureLeavesOnlyTheOpaqueId()
    {
        var csv = Path.Combine(_folder, "people.csv");
        File.WriteAllText(csv, "email,name,title,manager\nana@example.com,=HYPERLINK(1),Engineer,bo@example.com\n");
        Assert.Equal(0, Run("people", "import", csv, "--db", Db).Code);

        var exported = Run("people", "export", "ana@example.com", "--db", Db);
        Assert.True(exported.Code == 0, exported.Err);
        var export = JsonDocument.Parse(exported.Out).RootElement;
        var id = export.GetProperty("id").GetString()!;
        Assert.Equal("bo@example.com", export.GetProperty("manager").GetString());
        var asCsv = Run("people", "--format", "csv", "--db", Db).Out;
        Assert.Contains("ana@example.com,'=HYPERLINK(1),Engineer", asCsv, StringComparison.Ordinal);

        var erased = Run("people", "erase", "ana@example.com", "--db", Db);
        Assert.True(erased.Code == 0, erased.Err);
        Assert.Empty(Json("people").EnumerateArray());
        var trail = Json("audit-log", "list").EnumerateArray().ToList();
        Assert.Equal("person.erase", trail[^1].GetProperty("action").GetString());
        Assert.Equal("people/" + id, trail[^1].GetProperty("target").GetString());
        Assert.DoesNotContain(trail, e => e.ToString().Contains("ana@example.com", StringComparison.Ordinal));
    }

    [Fact]
    public void Vendors_Demo_AwsCarveOutWithExpiredSoc2_ShowsInReadinessForCc92()
    {
        Assert.Equal(0, Run("demo", "--db", Db).Code);
        var before = Json("readiness", "soc2-2017").GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "CC9.2");
        var aws = Json("vendors").EnumerateArray().Single(v => v.GetProperty("id").GetString() == "V-AWS");
        Assert.Equal("carve-out", aws.GetProperty("subservice").GetProperty("method").GetString());
        Assert.Equal("2025-10-03", aws.GetProperty("soc2").GetProperty("periodEnd").GetString());
        Assert.Contains(aws.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("kind").GetString() == "soc2-report-expired");
        Assert.Contains(before.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("Amazon Web Services: SOC 2 report", StringComparison.Ordinal));

        var renewed = Run("vendors", "add", "V-AWS", "--name", "Amazon Web Services", "--criticality", "critical", "--last-review", "2026-11-01", "--soc2", "type2:2025-10-01:2026-09-30:unqualified", "--db", Db);
        Assert.True(renewed.Code == 0, renewed.Err);
        var after = Json("readiness", "soc2-2017").GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "CC9.2");
        Assert.DoesNotContain(after.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("Amazon Web Services", StringComparison.Ordinal));
    }

    [Fact]
    public void Notify_DryRun_VendorOwnerAndLeaversManagerGetTheirLines()
    {
        Assert.Equal(0, Run("demo", "--db", Db).Code);

        var digests = Json("notify", "--dry-run").EnumerateArray().ToList();

        var it = digests.Single(d => d.GetProperty("person").GetString() == "sam.oduya@northwind.example").ToString();
        Assert.Contains("offboarding-open", it, StringComparison.Ordinal);
        var compliance = digests.Single(d => d.GetProperty("person").GetString() == "tom.becker@northwind.example").ToString();
        Assert.Contains("assurance-expiring", compliance, StringComparison.Ordinal);
    }

    [Fact]
    public void People_AddLeaveAttest_OnTheDemo_GapNamedAndExtractsFiled()
    {
        // 2026-12-03: the General Counsel (P-000000000010) last trained 14 months before, 2025-10-03.
        Assert.Equal(0, Run("demo", "--db", Db).Code);
        var added = Run("people", "add", "new.hire@northwind.example", "--name", "New Hire", "--title", "Analyst", "--start", "2026-10-01",
            "--screened-on", "2026-09-20", "--screened-by", "Verified Screening Ltd", "--db", Db);
        Assert.True(added.Code == 0, added.Err);
        var again = Run("people", "add", "new.hire@northwind.example", "--name", "Again", "--db", Db);
        Assert.Equal(2, again.Code);
        Assert.Contains("already in the staff register", again.Err, StringComparison.Ordinal);
        var half = Run("people", "edit", "new.hire@northwind.example", "--training-date", "2026-11-20", "--db", Db);
        Assert.Equal(2, half.Code);
        Assert.Contains("--training-date and --training-course go together", half.Err, StringComparison.Ordinal);

        var attested = Json("people", "attest");
        var extracts = attested.GetProperty("extracts").EnumerateArray().ToDictionary(e => e.GetProperty("subject").GetString()!);
        Assert.Equal(["AC-10"], extracts["training"].GetProperty("controls").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["AC-32"], extracts["screening"].GetProperty("controls").EnumerateArray().Select(c => c.GetString()));
        // The new hire started 2026-10-01 without training: more than 30 days before 2026-12-03, so a gap too.
        var newHire = added.Out.Trim()[(added.Out.IndexOf('(', StringComparison.Ordinal) + 1)..^1];
        Assert.Equal(["P-000000000010", newHire], attested.GetProperty("exceptions").EnumerateArray().Select(x => x.GetProperty("personId").GetString()));

        var left = Run("people", "leave", "new.hire@northwind.example", "--end", "2026-12-02", "--db", Db);
        Assert.True(left.Code == 0, left.Err);
        Assert.Contains("off-boarding due 2026-12-03, 5 item(s) open", left.Out, StringComparison.Ordinal);

        var report = Path.Combine(_folder, "sd.csv");
        var written = Run("report", "system-description", "--format", "csv", "--out", report, "--db", Db);
        Assert.True(written.Code == 0, written.Err);
        Assert.Contains("vendor register (V-AWS)", File.ReadAllText(report), StringComparison.Ordinal);
    }
}
