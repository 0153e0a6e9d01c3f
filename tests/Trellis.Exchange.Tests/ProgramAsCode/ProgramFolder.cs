using System.Text;
using Trellis.Exchange.ProgramAsCode;

namespace Trellis.Exchange.Tests.ProgramAsCode;

/// <summary>A temporary program folder: program.yaml and evidence files written by a test, deleted afterwards.</summary>
internal sealed class ProgramFolder : IDisposable
{
    public ProgramFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "trellis-program-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    /// <summary>The folder; program.yaml lives at its top.</summary>
    public string Root { get; }

    /// <summary>The path of program.yaml.</summary>
    public string ProgramYaml => Path.Combine(Root, "program.yaml");

    /// <summary>Writes a file relative to the folder (UTF-8, no byte-order mark), creating parent folders.</summary>
    public ProgramFolder Write(string relative, string text) => Write(relative, new UTF8Encoding(false).GetBytes(text));

    /// <summary>Writes raw bytes relative to the folder.</summary>
    public ProgramFolder Write(string relative, byte[] bytes)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return this;
    }

    /// <summary>Reads the folder's program.yaml.</summary>
    public ProgramReadResult Read(ProgramYamlLimits? limits = null) => ProgramYamlReader.Read(ProgramYaml, Trellis.Content.ShippedContent.Catalog, limits);

    /// <summary>Every file under the folder with its bytes, by forward-slashed relative path.</summary>
    public SortedDictionary<string, byte[]> Files() => new(
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Root, f).Replace('\\', '/'), File.ReadAllBytes),
        StringComparer.Ordinal);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
