using Trellis.Exchange.Oscal;
using Trellis.Exchange.Reports;
using Trellis.Testing;

namespace Trellis.Exchange.Tests;

/// <summary>The enums of Exchange declare one sound wire-name table each, spelling what was already published.</summary>
public class WireNamesTests
{
    public static TheoryData<Type> ExchangeEnums => [.. WireNameChecks.PublicEnums(typeof(ReportNames).Assembly)];

    // The report kinds and formats of the CLI and API, the JSON report's alignment and tone, OSCAL's root names.
    public static TheoryData<Type, string[]> Published => new()
    {
        { typeof(ReportKind), ["soa", "matrix", "gap", "crosswalk", "readiness", "evidence-index", "system-description"] },
        { typeof(ReportFormat), ["xlsx", "html", "pdf", "csv", "json"] },
        { typeof(ColumnAlignment), ["left", "center", "right"] },
        { typeof(ChartTone), ["neutral", "good", "warning", "bad", "muted"] },
        { typeof(OscalModel), ["catalog", "profile", "mapping-collection", "component-definition", "system-security-plan", "assessment-plan", "assessment-results", "plan-of-action-and-milestones"] },
    };

    [Theory]
    [MemberData(nameof(ExchangeEnums))]
    public void Table_EveryEnumOfExchange_HasASoundOne(Type enumType)
    {
        Assert.True(WireNameChecks.HasTable(enumType), $"{enumType.Name} declares no WireNames table");
        Assert.Empty(WireNameChecks.Problems(enumType));
    }

    [Theory]
    [MemberData(nameof(Published))]
    public void Table_Names_AreThoseAlreadyPublished(Type enumType, string[] names) =>
        Assert.Equal(names, WireNameChecks.NamesInDeclarationOrder(enumType));

    [Fact]
    public void FormatNames_KeepTheirListedOrder() =>
        Assert.Equal(["xlsx", "pdf", "html", "csv", "json"], ReportNames.FormatNames);
}
