using System.Text.Json;
using Trellis.Exchange.Json;

namespace Trellis.Exchange.Tests.Json;

public class JsonPathsTests
{
    [Fact]
    public void FromPointer_IndexesAndNames_AreToldApartByTheDocument()
    {
        using var doc = JsonDocument.Parse("""{"catalog": {"groups": [{"0": {"id": "x"}}]}}""");

        Assert.Equal("$.catalog.groups[0]['0'].id", JsonPaths.FromPointer("/catalog/groups/0/0/id", doc.RootElement));
    }

    [Fact]
    public void Property_NameWithQuoteOrDollar_IsBracketed()
    {
        Assert.Equal("$['$schema']", JsonPaths.Property("$", "$schema"));
        Assert.Equal("$['it\\'s']", JsonPaths.Property("$", "it's"));
        Assert.Equal("$.last-modified", JsonPaths.Property("$", "last-modified"));
    }
}
