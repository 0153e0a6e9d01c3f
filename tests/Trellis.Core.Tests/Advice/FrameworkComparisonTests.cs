using Trellis.Core.Advice;
using Trellis.Core.Frameworks;

namespace Trellis.Core.Tests.Advice;

public class FrameworkComparisonTests
{
    [Fact]
    public void Compare_TwoFrameworks_GivesOneRowPerMetadataDimensionInOrder()
    {
        var left = Framework("a", new FrameworkMetadata
        {
            Issuer = "ISO/IEC",
            AssuranceModel = "certification",
            ReportTypes = ["Certificate", "Statement of Applicability"],
            Cycle = "3-year cycle",
        });
        var right = Framework("b", new FrameworkMetadata { Issuer = "AICPA", AssuranceModel = "attestation", ReportTypes = ["Type 1", "Type 2"] });

        var rows = FrameworkComparison.Compare(left, right);

        Assert.Equal(
            ["issuer", "assuranceModel", "authority", "scopeModel", "controlSelection", "reportTypes", "cycle", "levelOfDetail", "disclosure", "primaryFocus", "applicability"],
            rows.Select(r => r.Dimension));
        Assert.Equal(new ComparisonRow("assuranceModel", "certification", "attestation"), rows[1]);
        Assert.Equal(new ComparisonRow("reportTypes", "Certificate; Statement of Applicability", "Type 1; Type 2"), rows[5]);
        Assert.Equal(new ComparisonRow("cycle", "3-year cycle", ""), rows[6]);
    }

    private static Framework Framework(string id, FrameworkMetadata metadata) =>
        new(id, id, "1", [new Requirement { Id = "r", Title = "r", Kind = RequirementKind.Control }], metadata: metadata);
}
