using System.Diagnostics;
using Trellis.Exchange.Oscal;
using Trellis.Testing;

namespace Trellis.Exchange.Tests.Oscal;

public class ScaleTests
{
    [Fact]
    public void FromCatalogJson_SyntheticThousandControlCatalog_ImportsEveryControlAndEnhancement()
    {
        var json = SyntheticOscalCatalog.Build(families: 20, controlsPerFamily: 50, enhancementsPerControl: 2);
        var clock = Stopwatch.StartNew();

        var import = OscalFrameworkImport.FromCatalogJson(json, "synthetic").Value;

        Assert.Equal((1000, 2000, 400, 20), (import.Controls, import.Enhancements, import.Withdrawn, import.Groups));
        Assert.Equal("Develop and document [Selection (one or more): organization-level; system-level] procedures;", import.Framework.Find("aa-1")!.Text!.Split('\n')[0][3..]);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"import took {clock.Elapsed}");
    }
}
