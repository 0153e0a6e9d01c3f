using System.Text.Json;
using System.Text.Json.Nodes;
using Trellis.Exchange.Oscal;
using Trellis.Testing;

namespace Trellis.Exchange.Tests.Oscal;

/// <summary>
/// Profile resolution over the hand-written SP 800-53 style catalog (TestData). Expected control sets are written
/// out by hand from the profiles' import, merge and modify directives.
/// </summary>
public class ProfileResolverTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 30, 0, TimeSpan.Zero);
    private static readonly Guid NewUuid = new("64d5abd8-6527-4ee3-8f0a-48c6b0222175");

    private static ProfileResolverOptions Options => new() { Time = new FixedClock(Now), NewUuid = () => NewUuid };

    private static ResolvedCatalog Resolve(string profile, ProfileResolverOptions? options = null)
    {
        var result = ProfileResolver.Resolve(profile.Contains('/', StringComparison.Ordinal) ? profile : TestData.File(profile), options ?? Options);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return result.Value;
    }

    // The groups and controls of a catalog as an indented outline, read from the JSON.
    private static List<string> Outline(JsonNode owner, int depth = 0)
    {
        var lines = new List<string>();
        foreach (var (key, kind) in new[] { ("groups", "group"), ("controls", "control") })
        {
            foreach (var item in owner[key]?.AsArray() ?? [])
            {
                lines.Add($"{new string(' ', depth * 2)}{kind} {item!["id"]}");
                lines.AddRange(Outline(item, depth + 1));
            }
        }

        return lines;
    }

    private static JsonObject Control(ResolvedCatalog resolved, string id)
    {
        JsonObject? Find(JsonNode? owner)
        {
            foreach (var key in new[] { "groups", "controls" })
            {
                foreach (var item in owner?[key]?.AsArray() ?? [])
                {
                    if (key == "controls" && item!["id"]!.GetValue<string>() == id)
                    {
                        return item.AsObject();
                    }

                    if (Find(item) is { } found)
                    {
                        return found;
                    }
                }
            }

            return null;
        }

        return Find(resolved.Document["catalog"]) ?? throw new InvalidOperationException($"no control {id}");
    }

    private static JsonObject Param(JsonObject control, string id) =>
        control["params"]!.AsArray().Single(p => p!["id"]!.GetValue<string>() == id)!.AsObject();

    private static List<string> Ids(JsonNode? array, string field = "id") =>
        array?.AsArray().Select(p => p![field]!.GetValue<string>()).ToList() ?? [];

    [Fact]
    public void Resolve_AsIs_KeepsGroupsAndSelectsByIdsPatternsChildrenAndExclusions()
    {
        var resolved = Resolve("asis_profile.json");

        // Import 1: ac-1 and ac-2 with their children (minus the excluded ac-2.10), au-* minus au-2.? (au-2.3).
        // Import 2 (through a back-matter resource pointing at the .xml catalog): ac-3.2 alone, so ac-3 is kept
        // as the structure that holds it. pm is not selected, so its group is dropped.
        Assert.Equal(
            [
                "group ac",
                "  control ac-1",
                "  control ac-2",
                "    control ac-2.1",
                "    control ac-2.2",
                "  control ac-3",
                "    control ac-3.2",
                "group au",
                "  control au-1",
                "  control au-2",
            ],
            Outline(resolved.Document["catalog"]!));
    }

    [Fact]
    public void Resolve_AsIs_UnselectedParentKeepsOnlyItsIdAndTitle()
    {
        var ac3 = Control(Resolve("asis_profile.json"), "ac-3");

        Assert.Equal(["id", "class", "title", "controls"], ac3.Select(p => p.Key));
        Assert.Equal("Access Enforcement", ac3["title"]!.GetValue<string>());
    }

    [Fact]
    public void Resolve_AsIs_GroupsKeepTheirContent()
    {
        var group = Resolve("asis_profile.json").Document["catalog"]!["groups"]![0]!;

        Assert.Equal("Access Control", group["title"]!.GetValue<string>());
        Assert.Equal("family", group["class"]!.GetValue<string>());
    }

    [Fact]
    public void Resolve_SetParameters_ReplacesValuesSelectionAndLabelAndAddsConstraints()
    {
        var resolved = Resolve("asis_profile.json");

        var personnel = Param(Control(resolved, "ac-1"), "ac-01_odp.01");
        Assert.Equal(["the chief information security officer"], personnel["values"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("organization-defined personnel or roles", personnel["label"]!.GetValue<string>());

        var criteria = Param(Control(resolved, "ac-2"), "ac-02_odp.01");
        Assert.Equal(["manager approval", "HR approval"], criteria["select"]!["choice"]!.AsArray().Select(v => v!.GetValue<string>()));

        var action = Param(Control(resolved, "ac-2.2"), "ac-02.02_odp.01");
        Assert.Equal("action on temporary accounts", action["label"]!.GetValue<string>());
        Assert.Equal("Disabling is preferred.", action["constraints"]![0]!["description"]!.GetValue<string>());
        Assert.Equal(["remove", "disable"], action["select"]!["choice"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public void Resolve_Alters_RemoveByNameByIdAndByItemName()
    {
        var resolved = Resolve("asis_profile.json");

        Assert.Equal(["ac-1_smt"], Ids(Control(resolved, "ac-1")["parts"]));
        Assert.Equal(["au-1_smt"], Ids(Control(resolved, "au-1")["parts"]));
        Assert.Equal(["label"], Ids(Control(resolved, "ac-2")["props"], "name"));
        Assert.Equal(["label", "sort-id"], Ids(Control(resolved, "ac-2.1")["props"], "name")); // child controls are not altered
    }

    [Fact]
    public void Resolve_Alters_AddAtEveryPosition()
    {
        var resolved = Resolve("asis_profile.json");

        var ac1Props = Control(resolved, "ac-1")["props"]!.AsArray();
        Assert.Equal(["label", "sort-id", "priority"], Ids(ac1Props, "name"));
        Assert.Equal("P1", ac1Props[2]!["value"]!.GetValue<string>());

        var ac2 = Control(resolved, "ac-2");
        Assert.Equal(["ac-2_pre", "ac-2_smt", "ac-2_supp", "ac-2_gdn"], Ids(ac2["parts"]));
        Assert.Equal(["ac-2_smt.a"], Ids(ac2["parts"]![1]!["parts"]));
    }

    [Fact]
    public void Resolve_SettingsForMissingParametersAndControls_AreWarnings()
    {
        var warnings = Resolve("asis_profile.json").Warnings;

        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.StartsWith("asis_profile.json:$.profile.modify.set-parameters[3]:", StringComparison.Ordinal) && w.Contains("zz-99_odp", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("asis_profile.json:$.profile.modify.alters[3]:", StringComparison.Ordinal) && w.Contains("zz-9", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_Metadata_IsTheProfilesWithClockUuidToolAndSourceLink()
    {
        var catalog = Resolve("asis_profile.json").Document["catalog"]!;
        var metadata = catalog["metadata"]!;

        Assert.Equal(NewUuid.ToString(), catalog["uuid"]!.GetValue<string>());
        Assert.Equal("Test Baseline (as-is)", metadata["title"]!.GetValue<string>());
        Assert.Equal("2026-11-27T09:30:00.000Z", metadata["last-modified"]!.GetValue<string>());
        Assert.Equal("1.2.1", metadata["oscal-version"]!.GetValue<string>());
        Assert.Contains(metadata["props"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "resolution-tool" && p["value"]!.GetValue<string>() == "Trellis");
        Assert.Contains(metadata["links"]!.AsArray(), l => l!["rel"]!.GetValue<string>() == "source-profile" && l["href"]!.GetValue<string>() == "asis_profile.json");
    }

    [Fact]
    public void Resolve_CatalogParametersAndBackMatter_OnlyWhatTheControlsReference()
    {
        var catalog = Resolve("asis_profile.json").Document["catalog"]!;

        Assert.Equal(["cat_prm_1"], Ids(catalog["params"])); // ac-1 item b inserts it
        Assert.Equal(["e5d0a575-d3df-48dc-acea-91a508b3eebf"], Ids(catalog["back-matter"]!["resources"], "uuid")); // ac-1 links to it
    }

    [Fact]
    public void Resolve_AsIs_IsValidAgainstThePublishedSchema()
    {
        Assert.True(PublishedSchemas.IsValidOscal(Resolve("asis_profile.json").ToJson()));
    }

    [Fact]
    public void Resolve_Flat_DropsGroupsKeepsEnhancementsUnderTheirControl()
    {
        var resolved = Resolve("flat_profile.json");

        // include-all minus ac-2 with its children and pm-1; the .xml href is read from the .json beside it.
        Assert.Equal(
            [
                "control ac-1",
                "control ac-3",
                "  control ac-3.2",
                "control au-1",
                "control au-2",
                "  control au-2.3",
            ],
            Outline(resolved.Document["catalog"]!));
        Assert.Equal("Access Enforcement (tailored)", Control(resolved, "ac-3")["title"]!.GetValue<string>());
        Assert.Equal(["account deletion"], Param(Control(resolved, "ac-3.2"), "ac-03.02_odp")["values"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Empty(resolved.Warnings);
        Assert.True(PublishedSchemas.IsValidOscal(resolved.ToJson()));
    }

    [Fact]
    public void Resolve_ProfileImportingAProfile_SelectsFromItsResolvedCatalog()
    {
        var resolved = Resolve("import-profile_profile.json");

        // No merge directive: flat. ac-2.1's parent is not selected, so it moves to the top.
        Assert.Equal(["control ac-2.1", "control au-1"], Outline(resolved.Document["catalog"]!));
        Assert.Equal(["au-1_smt"], Ids(Control(resolved, "au-1")["parts"])); // the imported profile's alteration holds
        Assert.True(PublishedSchemas.IsValidOscal(resolved.ToJson()));
    }

    [Fact]
    public void Resolve_SameControlFromTwoImports_AppearsOnceInCatalogOrder()
    {
        var resolved = Resolve("combine_profile.json");

        Assert.Equal(["group ac", "  control ac-1", "group au", "  control au-1"], Outline(resolved.Document["catalog"]!));
        Assert.Empty(resolved.Warnings);
    }

    [Fact]
    public void Resolve_CircularImport_Fails()
    {
        var error = ProfileResolver.Resolve(TestData.File("circular-a_profile.json"), Options).Error!;

        Assert.Equal("oscal-circular-import", error.Code);
    }

    [Fact]
    public void Resolve_MissingImport_FailsNamingTheHref()
    {
        var dir = TestData.CopyToTemp();
        File.Delete(Path.Combine(dir, "sp800-53-style_catalog.json"));

        var error = ProfileResolver.Resolve(Path.Combine(dir, "flat_profile.json"), Options).Error!;

        Assert.Equal("oscal-import-not-found", error.Code);
        Assert.Equal("flat_profile.json:$.profile.imports[0].href", error.Location);
        Assert.Contains("sp800-53-style_catalog.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_RemoteHref_ReadsTheSameNamedFileBesideTheProfile()
    {
        var dir = TestData.CopyToTemp();
        var profile = File.ReadAllText(Path.Combine(dir, "flat_profile.json"))
            .Replace("\"href\": \"sp800-53-style_catalog.xml\"", "\"href\": \"https://example.org/oscal/sp800-53-style_catalog.json\"", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(dir, "remote_profile.json"), profile);

        Assert.Equal(6, Outline(Resolve(Path.Combine(dir, "remote_profile.json")).Document["catalog"]!).Count);
    }

    [Fact]
    public void Resolve_FileUriHref_IsRead()
    {
        var dir = TestData.CopyToTemp();
        var uri = new Uri(Path.Combine(dir, "sp800-53-style_catalog.json")).AbsoluteUri;
        var profile = File.ReadAllText(Path.Combine(dir, "flat_profile.json"))
            .Replace("\"href\": \"sp800-53-style_catalog.xml\"", $"\"href\": \"{uri}\"", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(dir, "uri_profile.json"), profile);

        Assert.Equal(6, Outline(Resolve(Path.Combine(dir, "uri_profile.json")).Document["catalog"]!).Count);
    }

    [Fact]
    public void Resolve_MissingImportWithAFallbackCatalog_UsesTheFallback()
    {
        var dir = TestData.CopyToTemp();
        var catalog = Path.Combine(dir, "elsewhere.json");
        File.Move(Path.Combine(dir, "sp800-53-style_catalog.json"), catalog);

        var resolved = Resolve(Path.Combine(dir, "flat_profile.json"), Options with { FallbackCatalog = catalog });

        Assert.True(resolved.FallbackUsed);
        Assert.Equal(6, Outline(resolved.Document["catalog"]!).Count);
    }

    [Fact]
    public void Resolve_CustomMerge_IsRefused()
    {
        var dir = TestData.CopyToTemp();
        var profile = File.ReadAllText(Path.Combine(dir, "flat_profile.json"))
            .Replace("\"merge\": { \"flat\": {} }", "\"merge\": { \"custom\": {} }", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(dir, "custom_profile.json"), profile);

        var error = ProfileResolver.Resolve(Path.Combine(dir, "custom_profile.json"), Options).Error!;

        Assert.Equal("oscal-unsupported", error.Code);
        Assert.Equal("custom_profile.json:$.profile.merge.custom", error.Location);
    }

    [Fact]
    public void Resolve_CatalogGivenAsProfile_Fails()
    {
        Assert.Equal("oscal-unexpected-model", ProfileResolver.Resolve(TestData.File("sp800-53-style_catalog.json"), Options).Error!.Code);
    }

    [Fact]
    public void Load_CatalogThroughProfile_HasExactlyTheBaselineWithSetValuesInTheText()
    {
        var import = OscalFrameworkImport.Load(TestData.File("sp800-53-style_catalog.json"), TestData.File("asis_profile.json"), options: Options).Value;
        var fw = import.Framework;

        Assert.Equal("test-baseline-as-is", fw.Id);
        Assert.Equal(["ac", "ac-1", "ac-2", "ac-2.1", "ac-2.2", "ac-3", "ac-3.2", "au", "au-1", "au-2"], fw.Requirements.Select(r => r.Id));
        Assert.Equal((5, 3, 0), (import.Controls, import.Enhancements, import.Withdrawn));
        Assert.StartsWith("a. Develop, document, and disseminate to the chief information security officer:\n", fw.Find("ac-1")!.Text, StringComparison.Ordinal);
        Assert.Equal(2, import.Warnings.Count);
        Assert.True(PublishedSchemas.IsValidOscal(import.CatalogJson));
    }

    [Fact]
    public void Load_ProfileThatDoesNotImportTheCatalog_WarnsAndUsesItsOwnImports()
    {
        var import = OscalFrameworkImport.Load(Path.Combine(PublishedSchemas.OscalFolder, "basic-catalog.json"), TestData.File("flat_profile.json"), options: Options).Value;

        Assert.Contains(import.Warnings, w => w.Contains("does not import basic-catalog.json", StringComparison.Ordinal));
        Assert.Equal(6, import.Framework.Requirements.Count);
    }

    [Fact]
    public void Resolve_Output_IsDeterministicForTheSameClockAndUuid()
    {
        Assert.Equal(Resolve("asis_profile.json").ToJson(), Resolve("asis_profile.json").ToJson());
        using var doc = JsonDocument.Parse(Resolve("asis_profile.json").ToJson());
        Assert.Equal(JsonValueKind.Object, doc.RootElement.GetProperty("catalog").ValueKind);
    }
}
