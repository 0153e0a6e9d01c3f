using System.Text.Json;
using Trellis.Core.Frameworks;
using Trellis.Exchange.Oscal;

namespace Trellis.Exchange.Tests.Oscal;

public class CatalogImportTests
{
    private static string BasicCatalog => Path.Combine(PublishedSchemas.OscalFolder, "basic-catalog.json");

    [Fact]
    public void Load_NistBasicCatalog_HasEveryGroupAndControlOfTheFileInOrder()
    {
        // Read the file independently: every group and control, depth first, with its parent.
        using var doc = JsonDocument.Parse(File.ReadAllText(BasicCatalog));
        var expected = new List<(string Id, string Title, string Kind, string? Parent)>();
        void Walk(JsonElement owner, string? parent)
        {
            foreach (var (key, kind) in new[] { ("groups", "group"), ("controls", "control") })
            {
                if (owner.TryGetProperty(key, out var list))
                {
                    foreach (var item in list.EnumerateArray())
                    {
                        var id = item.GetProperty("id").GetString()!;
                        expected.Add((id, item.GetProperty("title").GetString()!, kind, parent));
                        Walk(item, id);
                    }
                }
            }
        }

        Walk(doc.RootElement.GetProperty("catalog"), null);

        var fw = OscalFrameworkImport.Load(BasicCatalog).Value.Framework;

        Assert.Equal(expected.Select(e => e.Id), fw.Requirements.Select(r => r.Id));
        Assert.Equal(expected.Select(e => e.Title), fw.Requirements.Select(r => r.Title));
        Assert.Equal(expected.Select(e => e.Kind), fw.Requirements.Select(r => r.Kind.ToWire()));
        Assert.Equal(expected.Select(e => e.Parent), fw.Requirements.Select(r => r.Parent));
        Assert.Equal(8, expected.Count);
    }

    [Fact]
    public void Load_NistBasicCatalog_NamesFrameworkFromTitleAndKeepsLabels()
    {
        var import = OscalFrameworkImport.Load(BasicCatalog).Value;
        var fw = import.Framework;

        Assert.Equal("sample-security-catalog-for-demonstration-and-testing", fw.Id);
        Assert.Equal("Sample Security Catalog *for Demonstration* and Testing", fw.Name);
        Assert.Equal("1.1", fw.Version);
        Assert.Equal(["1.1.1"], fw.Find("s1.1.1")!.Attributes["label"]);
        Assert.Equal("s1.1", fw.Find("s1.1.1")!.Group);
        Assert.Equal((4, 0, 0, 4), (import.Controls, import.Enhancements, import.Withdrawn, import.Groups));
    }

    [Fact]
    public void Load_NistBasicCatalog_RendersTheSelectionParameterInTheStatement()
    {
        var text = OscalFrameworkImport.Load(BasicCatalog).Value.Framework.Find("s1.1.1")!.Text;

        Assert.Equal(
            "All information security responsibilities should be defined and allocated.\n\n"
            + "A value has been assigned to [Selection (one or more): initiating a device lock after [Assignment: a duration] of inactivity; "
            + "requiring the user to initiate a device lock before leaving the system unattended].\n\n"
            + "A cross link has been established with a choppy syntax: [(choppy)](#s1.2).",
            text);
    }

    [Fact]
    public void Load_Sp80053StyleCatalog_HasControlsEnhancementsAndWithdrawn()
    {
        var import = OscalFrameworkImport.Load(TestData.File("sp800-53-style_catalog.json"), id: "test-53").Value;
        var fw = import.Framework;

        Assert.Equal("test-53", fw.Id);
        Assert.Equal(
            ["ac", "ac-1", "ac-2", "ac-2.1", "ac-2.2", "ac-2.10", "ac-3", "ac-3.2", "au", "au-1", "au-2", "au-2.3", "pm", "pm-1"],
            fw.Requirements.Select(r => r.Id));
        Assert.Equal((6, 5, 2, 3), (import.Controls, import.Enhancements, import.Withdrawn, import.Groups));
        Assert.Equal(RequirementKind.Enhancement, fw.Find("ac-2.1")!.Kind);
        Assert.Equal("ac-2", fw.Find("ac-2.1")!.Parent);
        Assert.Equal("ac", fw.Find("ac-2.1")!.Group);
        Assert.Equal("ac", fw.Find("ac-1")!.Parent);
        Assert.Equal(["ac-2.10", "au-2.3"], fw.Requirements.Where(r => r.Withdrawn).Select(r => r.Id));
        Assert.Equal(["ac-2"], fw.Find("ac-2.10")!.Attributes["incorporated-into"]);
        Assert.Equal(["AC-2(1)"], fw.Find("ac-2.1")!.Attributes["label"]);
        Assert.Equal(["ac-02.01"], fw.Find("ac-2.1")!.Attributes["sort-id"]);
        Assert.Equal(["family"], fw.Find("au")!.Attributes["class"]);
    }

    [Fact]
    public void Load_Sp80053StyleCatalog_RendersStatementItemsAndParameters()
    {
        var fw = OscalFrameworkImport.Load(TestData.File("sp800-53-style_catalog.json")).Value.Framework;

        Assert.Equal(
            "a. Develop, document, and disseminate to [Assignment: organization-defined personnel or roles]:\n"
            + "  1. [Selection (one or more): organization-level; mission/business process-level; system-level] access control policy; and\n"
            + "  2. Procedures to facilitate the implementation of the access control policy; and\n"
            + "b. Review and update the current access control policy [Assignment: organization-defined review frequency].",
            fw.Find("ac-1")!.Text);
        Assert.Equal(
            "Automatically [Selection: remove; disable] temporary and emergency accounts after [Assignment: organization-defined time period for each type of account].",
            fw.Find("ac-2.2")!.Text);
        Assert.Equal("Identify the event types to log: logons, privilege changes.", fw.Find("au-2")!.Text);
        Assert.Equal("Access control policy and procedures address the controls in the AC family.", fw.Find("ac-1")!.Guidance);
        Assert.Null(fw.Find("ac-2.10")!.Text);
    }

    [Fact]
    public void Load_CatalogWithADuplicateId_FailsNamingTheSecond()
    {
        var json = File.ReadAllText(TestData.File("sp800-53-style_catalog.json")).Replace("\"id\": \"au-1\"", "\"id\": \"ac-1\"", StringComparison.Ordinal);
        var error = OscalFrameworkImport.FromCatalogJson(json, source: "dup.json").Error!;

        Assert.Equal("oscal-duplicate-id", error.Code);
        Assert.Equal("dup.json:$.catalog.groups[1].controls[0].id", error.Location);
    }

    [Fact]
    public void FromCatalogJson_StoredCatalog_ReadsBackTheSameFramework()
    {
        var first = OscalFrameworkImport.Load(TestData.File("sp800-53-style_catalog.json"), id: "t").Value;

        var again = OscalFrameworkImport.FromCatalogJson(first.CatalogJson, "t").Value.Framework;

        Assert.Equal(first.Framework.Requirements, again.Requirements, (a, b) => a.Id == b.Id && a.Text == b.Text && a.Parent == b.Parent && a.Kind == b.Kind);
    }

    [Theory]
    [InlineData("NIST SP 800-53 Rev 5.1.1", "nist-sp-800-53-rev-5.1.1")]
    [InlineData("  ***  ", "oscal-catalog")]
    [InlineData("Sample *for* Demo", "sample-for-demo")]
    public void Slug_Title_GivesAFrameworkId(string title, string id)
    {
        Assert.Equal(id, OscalFrameworkImport.Slug(title));
        Assert.True(OscalFrameworkImport.IsValidId(id));
    }

    [Fact]
    public void Load_InvalidId_Fails()
    {
        Assert.Equal("invalid-id", OscalFrameworkImport.Load(BasicCatalog, id: "has space").Error!.Code);
    }
}
