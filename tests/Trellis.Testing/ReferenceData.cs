using System.Reflection;

namespace Trellis.Testing;

/// <summary>
/// The independently verified reference lists in ../shared/domain: tests compare shipped content
/// against these, never against the code's own output.
/// </summary>
public static class ReferenceData
{
    /// <summary>The repository root (from the build), e.g. /work/main.</summary>
    public static string RepoRoot { get; } = typeof(ReferenceData).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepoRoot").Value!;

    /// <summary>
    /// The shared folder beside the repository (../shared), as laid out for developers and CI; from a git worktree
    /// nested deeper (/work/wt/name), the nearest ancestor's shared folder.
    /// </summary>
    public static string Shared
    {
        get
        {
            for (var dir = Directory.GetParent(RepoRoot); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared");
                if (Directory.Exists(Path.Combine(candidate, "domain")))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException($"../shared not found beside {RepoRoot}: the reference lists are required for the content tests");
        }
    }

    /// <summary>Reads a CSV from ../shared/domain as rows of fields (RFC 4180 quoting).</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Csv(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(Shared, "domain", name)).Where(l => l.Length > 0).ToList();
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
