using Trellis.Exchange.Oscal;

namespace Trellis.Exchange.Tests.Oscal;

public class OscalReaderTests
{
    private static string Catalog(string version = "1.1.2", string title = "\"Tiny\"", string control = """{"id": "c-1", "title": "One"}""") => $$$"""
        {"catalog": {
          "uuid": "5b66677f-0d64-48d5-bd88-fac6f6d31fc0",
          "metadata": {"title": {{{title}}}, "last-modified": "2024-05-01T12:00:00Z", "version": "1", "oscal-version": "{{{version}}}"},
          "controls": [{{{control}}}]
        }}
        """;

    [Theory]
    [InlineData("1.0.0")]
    [InlineData("1.0.4")]
    [InlineData("1.1.2")]
    [InlineData("1.1.3")]
    [InlineData("1.2.0")]
    [InlineData("1.2.1")]
    public void Parse_SupportedVersion_IsAccepted(string version)
    {
        using var doc = OscalReader.Parse(Catalog(version), "v.json").Value;

        Assert.Equal(OscalModel.Catalog, doc.Model);
        Assert.Equal(version, doc.OscalVersion);
    }

    [Theory]
    [InlineData("1.3.0")]
    [InlineData("2.0.0")]
    [InlineData("1.0.0-rc2")]
    [InlineData("0.9")]
    public void Parse_UnsupportedVersion_FailsAtTheVersionField(string version)
    {
        var error = OscalReader.Parse(Catalog(version), "v.json").Error!;

        Assert.Equal("oscal-version-unsupported", error.Code);
        Assert.Equal("v.json:$.catalog.metadata.oscal-version", error.Location);
        Assert.Contains(version, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrongType_FailsNamingThePath()
    {
        var error = OscalReader.Parse(Catalog(title: "42"), "types.json").Error!;

        Assert.Equal("oscal-schema", error.Code);
        Assert.Equal("types.json:$.catalog.metadata.title", error.Location);
        Assert.Contains("string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownProperty_FailsNamingIt()
    {
        var error = OscalReader.Parse(Catalog(control: """{"id": "c-1", "title": "One", "titel": "typo"}"""), "typo.json").Error!;

        Assert.Equal("typo.json:$.catalog.controls[0].titel", error.Location);
        Assert.Contains("'titel' is not allowed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_IdThatIsNotAToken_FailsSayingWhatIsExpected()
    {
        var error = OscalReader.Parse(Catalog(control: """{"id": "1-c", "title": "One"}"""), "id.json").Error!;

        Assert.Equal("id.json:$.catalog.controls[0].id", error.Location);
        Assert.Contains("'1-c' must be a token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingRequiredProperty_FailsAtItsOwner()
    {
        var error = OscalReader.Parse(Catalog(control: """{"id": "c-1"}"""), "req.json").Error!;

        Assert.Equal("req.json:$.catalog.controls[0]", error.Location);
        Assert.Contains("title", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotAnOscalDocument_Fails()
    {
        var error = OscalReader.Parse("""{"catalogue": {}}""", "x.json").Error!;

        Assert.Equal("oscal-not-a-document", error.Code);
        Assert.Contains("'catalogue'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_ProfileWhereACatalogIsExpected_SuggestsTheProfileOption()
    {
        var error = OscalReader.ReadFile(TestData.File("asis_profile.json"), [OscalModel.Catalog]).Error!;

        Assert.Equal("oscal-unexpected-model", error.Code);
        Assert.Contains("--profile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_ProfileWithCombineMethod_IsAcceptedThoughTheJsonSchemaLacksIt()
    {
        using var doc = OscalReader.ReadFile(TestData.File("combine_profile.json")).Value;

        Assert.Equal("use-first", doc.Body.GetProperty("merge").GetProperty("combine").GetProperty("method").GetString());
    }

    [Fact]
    public void ReadFile_EveryNistExample_IsValid()
    {
        foreach (var file in Directory.GetFiles(PublishedSchemas.OscalFolder, "*.json"))
        {
            var result = OscalReader.ReadFile(file);

            Assert.True(result.IsSuccess, $"{file}: {result.Error}");
            result.Value.Dispose();
        }
    }
}
