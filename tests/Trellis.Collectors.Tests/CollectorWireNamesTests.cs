using Trellis.Testing;

namespace Trellis.Collectors.Tests;

/// <summary>The collectors' enums have one spelling each, as the contract publishes them.</summary>
public sealed class CollectorWireNamesTests
{
    [Fact]
    public void CollectorKind_Names_AreTheContracts() =>
        Assert.Equal(["json-api", "folder", "github", "identity"], WireNameChecks.NamesInDeclarationOrder(typeof(CollectorKind)));

    [Fact]
    public void RunStatus_Names_AreTheBriefs() =>
        Assert.Equal(["passed", "failed", "error"], WireNameChecks.NamesInDeclarationOrder(typeof(RunStatus)));
}
