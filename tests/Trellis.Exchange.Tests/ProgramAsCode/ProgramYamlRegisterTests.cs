using Trellis.Content.Demo;
using Trellis.Core.Program;
using Trellis.Exchange.ProgramAsCode;
using Trellis.Testing;

namespace Trellis.Exchange.Tests.ProgramAsCode;

/// <summary>The <c>people</c> and <c>vendors</c> sections of program.yaml (issue 17, items 5, 6 and 8).</summary>
public sealed class ProgramYamlRegisterTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);
    private static readonly (ComplianceProgram Program, IReadOnlyDictionary<string, byte[]> Blobs) Demo = DemoProgram.Create(FixedClock.At(2026, 3, 15));
    private static readonly ProgramRegisters Registers = new(DemoRegisters.People(Today), DemoRegisters.Vendors(Today), DemoRegisters.Settings);

    [Fact]
    public void DemoRegisters_ExportImportExport_AreEqualAndTheBytesIdentical()
    {
        using var first = new ProgramFolder();
        using var second = new ProgramFolder();
        Assert.True(ProgramYamlWriter.Write(Demo.Program, sha => Demo.Blobs.GetValueOrDefault(sha), first.Root, Registers).IsSuccess);

        var read = first.Read();

        Assert.True(read.IsSuccess, string.Join("\n", read.Errors));
        Assert.Null(DeepEquality.FirstDifference(Registers, read.Registers));
        Assert.True(ProgramYamlWriter.Write(read.Program!, sha => read.Blobs.GetValueOrDefault(sha), second.Root, read.Registers).IsSuccess);
        Assert.Equal(File.ReadAllBytes(first.ProgramYaml), File.ReadAllBytes(second.ProgramYaml));
    }

    [Fact]
    public void NoRegisters_SectionsLeftOut_AndReadAsEmpty()
    {
        var yaml = ProgramYamlWriter.ToYaml(Demo.Program);

        Assert.DoesNotContain("\npeople:", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("\nvendors:", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void BadVendor_FailsTheWholeFile_WithItsLine()
    {
        using var folder = new ProgramFolder();
        var yaml = ProgramYamlWriter.ToYaml(Demo.Program with { Evidence = [] }, Registers)
            .Replace("reviewCadence: annual", "reviewCadence: daily", StringComparison.Ordinal)
            .Replace("opinion: qualified", "opinion: glowing", StringComparison.Ordinal);
        folder.Write("program.yaml", yaml);

        var read = folder.Read();

        Assert.False(read.IsSuccess);
        Assert.Null(read.Program);
        Assert.Contains(read.Errors, e => e.Code == "invalid-vendor" && e.Location!.StartsWith(folder.ProgramYaml + ":", StringComparison.Ordinal));
        Assert.Contains(read.Errors, e => e.Code == "unknown-value" && e.Message.Contains("glowing", StringComparison.Ordinal));
    }
}
