using Trellis.Core.Common;
using Trellis.Core.Serialization;

namespace Trellis.Exchange.ProgramAsCode;

/// <summary>
/// Where each path of <see cref="Trellis.Core.Program.ProgramValidator"/> (e.g. <c>controls[AC-01].mappings[2]</c>)
/// is written in program.yaml, so validation errors can name the file and line.
/// </summary>
internal sealed class ProgramLines
{
    // Lists whose items the validator names by ID rather than by position, with the key that holds the ID.
    private static readonly Dictionary<string, string> Keyed = new(StringComparer.Ordinal)
    {
        ["controls"] = "id",
        ["evidence"] = "id",
        ["risks"] = "id",
        ["soa.rows"] = "control",
        ["judgements"] = "requirement",
    };

    private readonly Dictionary<string, List<int>> _lines = new(StringComparer.Ordinal);

    public ProgramLines(YamlMap root) => Visit("", root);

    /// <summary>Turns a validator error into one located at <c>source:line</c>, with the path leading the message.</summary>
    public Func<Error, Error> Locator(string source)
    {
        var duplicatesSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        return error =>
        {
            var path = error.Location ?? "";
            var occurrence = 0;
            if (error.Code == ErrorCodes.DuplicateId)
            {
                // The validator reports the second, third... occurrence of an ID in document order.
                occurrence = duplicatesSeen[path] = duplicatesSeen.GetValueOrDefault(path) + 1;
            }

            return new Error(error.Code, path.Length == 0 ? error.Message : $"{path}: {error.Message}", $"{source}:{Line(path, occurrence)}");
        };
    }

    private int Line(string path, int occurrence)
    {
        for (var p = path; p.Length > 0; p = Parent(p))
        {
            if (_lines.TryGetValue(p, out var lines))
            {
                return lines[Math.Min(occurrence, lines.Count - 1)];
            }
        }

        return 1;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        // A dot inside brackets belongs to an ID (controls[A.5.1]); cut before the bracket instead.
        var open = path.LastIndexOf('[');
        if (open >= 0 && path.IndexOf(']', open) > cut)
        {
            cut = open;
        }

        return cut <= 0 ? "" : path[..cut];
    }

    private void Add(string path, int line)
    {
        if (!_lines.TryGetValue(path, out var list))
        {
            _lines[path] = list = [];
        }

        list.Add(line);
    }

    private void Visit(string path, YamlValue value)
    {
        switch (value)
        {
            case YamlMap map:
                foreach (var (key, child) in map.Entries)
                {
                    var childPath = path.Length == 0 ? key.Value : $"{path}.{key.Value}";
                    Add(childPath, key.Line);
                    Visit(childPath, child);
                }

                break;
            case YamlList list:
                for (var i = 0; i < list.Items.Count; i++)
                {
                    var item = list.Items[i];
                    var segment = Keyed.TryGetValue(path, out var idKey) && item is YamlMap m && m[idKey] is YamlScalar id
                        ? id.Value
                        : i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var itemPath = $"{path}[{segment}]";
                    Add(itemPath, item.Line);
                    Visit(itemPath, item);
                }

                break;
        }
    }
}
