using System.Reflection;

namespace Trellis.Testing;

/// <summary>
/// The independently verified reference lists kept in tests/reference (see its README): tests compare shipped
/// content against these, never against the code's own output. Nothing here is generated from src/.
/// </summary>
public static class ReferenceData
{
    /// <summary>The repository root (from the build), e.g. /work/main.</summary>
    public static string RepoRoot { get; } = typeof(ReferenceData).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepoRoot").Value!;

    /// <summary>tests/reference: the copies of the reference lists, the seed guide and the NIST OSCAL files.</summary>
    public static string Folder { get; } = Path.Combine(RepoRoot, "tests", "reference");

    /// <summary>A file under tests/reference, e.g. <c>File("oscal", "basic-catalog.json")</c>; fails loudly when absent.</summary>
    public static string File(params string[] parts)
    {
        var path = Path.Combine([Folder, .. parts]);
        return System.IO.File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new FileNotFoundException($"reference file missing from the repository: {Path.GetRelativePath(RepoRoot, path)}", path);
    }

    /// <summary>Reads a CSV from tests/reference/domain as rows of fields (RFC 4180 quoting).</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Csv(string name)
    {
        var lines = System.IO.File.ReadAllLines(File("domain", name)).Where(l => l.Length > 0).ToList();
        var header = Split(lines[0]);
        return lines.Skip(1)
            .Select(l => (IReadOnlyDictionary<string, string>)header.Zip(Split(l)).ToDictionary(p => p.First, p => p.Second))
            .ToList();
    }

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
