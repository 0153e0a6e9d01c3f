using Trellis.Core.Common;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Trellis.Core.Serialization;

/// <summary>Limits applied when reading untrusted YAML.</summary>
public sealed record YamlLimits
{
    /// <summary>Maximum nesting depth. The default is 64.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Maximum number of nodes. The default is 2,000,000.</summary>
    public int MaxNodes { get; init; } = 2_000_000;

    /// <summary>Maximum length of one scalar in characters. The default is 1,000,000.</summary>
    public int MaxScalarLength { get; init; } = 1_000_000;
}

/// <summary>
/// Reads one YAML document into a <see cref="YamlValue"/> tree, refusing what a data file never needs and an
/// attacker would use: anchors and aliases (alias bombs), duplicate keys, non-scalar keys, several documents,
/// excessive depth or size. Every error names the source and line.
/// </summary>
public static class SafeYaml
{
    /// <summary>Parses <paramref name="text"/>; <paramref name="source"/> names the file in errors.</summary>
    public static Result<YamlValue> Read(string text, string source, YamlLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        limits ??= new YamlLimits();
        var parser = new Parser(new StringReader(text));
        ReadState? state = null;
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return new Error(ErrorCodes.YamlEmpty, "the document is empty", $"{source}:1");
            }

            parser.Consume<DocumentStart>();
            state = new ReadState(source, limits);
            var root = ReadNode(parser, state, 0);
            if (root.Error is not null)
            {
                return root.Error;
            }

            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                return new Error(ErrorCodes.YamlMultipleDocuments, "only one YAML document is allowed", $"{source}:{parser.Current?.Start.Line}");
            }

            return root.Node!;
        }
        catch (YamlException ex)
        {
            return new Error(ErrorCodes.YamlSyntax, $"malformed YAML: {FirstLine(ex.Message)}", $"{source}:{ex.Start.Line}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 18.1's scanner throws this instead of a YamlException on some malformed input, e.g. a flow
            // sequence left open inside a block mapping; the last node read is the best position it leaves.
            return new Error(ErrorCodes.YamlSyntax, "malformed YAML: unexpected content (an unclosed [ or { ?)", $"{source}:{state?.LastLine ?? 1}");
        }
        catch (ArgumentException ex) when (ex.TargetSite?.DeclaringType?.Assembly == typeof(Parser).Assembly)
        {
            // YamlDotNet 18.1's parser throws this (from TagName) for a tag that is not a valid URI, e.g. "!!!![": a
            // syntax error, found by fuzzing (docs/fuzzing.md). Only YamlDotNet's own ArgumentExceptions are caught.
            return new Error(ErrorCodes.YamlSyntax, "malformed YAML: a tag (!…) is not a valid URI", $"{source}:{state?.LastLine ?? 1}");
        }
    }

    private static string FirstLine(string message)
    {
        var m = message.Split('\n')[0];
        var i = m.IndexOf("): ", StringComparison.Ordinal);
        return i >= 0 ? m[(i + 3)..] : m;
    }

    private static (YamlValue? Node, Error? Error) ReadNode(IParser parser, ReadState state, int depth)
    {
        var ev = parser.Current ?? throw new YamlException("unexpected end of document");
        var line = (int)ev.Start.Line;
        state.LastLine = line;
        var column = (int)ev.Start.Column;
        if (depth > state.Limits.MaxDepth)
        {
            return (null, state.Fail(ErrorCodes.YamlTooDeep, $"nesting deeper than {state.Limits.MaxDepth} levels", line));
        }

        if (++state.Nodes > state.Limits.MaxNodes)
        {
            return (null, state.Fail(ErrorCodes.YamlTooLarge, $"more than {state.Limits.MaxNodes} nodes", line));
        }

        if (ev is AnchorAlias)
        {
            return (null, state.Fail(ErrorCodes.YamlAlias, "YAML aliases (*name) are not allowed", line));
        }

        if (ev is NodeEvent { Anchor.IsEmpty: false })
        {
            return (null, state.Fail(ErrorCodes.YamlAnchor, "YAML anchors (&name) are not allowed", line));
        }

        switch (ev)
        {
            case Scalar s:
                parser.MoveNext();
                if (s.Value.Length > state.Limits.MaxScalarLength)
                {
                    return (null, state.Fail(ErrorCodes.YamlTooLarge, $"a value longer than {state.Limits.MaxScalarLength} characters", line));
                }

                return (new YamlScalar(s.Value, s.Style == ScalarStyle.Plain, line, column), null);

            case SequenceStart:
                {
                    parser.MoveNext();
                    var items = new List<YamlValue>();
                    while (!parser.TryConsume<SequenceEnd>(out _))
                    {
                        var item = ReadNode(parser, state, depth + 1);
                        if (item.Error is not null)
                        {
                            return item;
                        }

                        items.Add(item.Node!);
                    }

                    return (new YamlList(items, line, column), null);
                }

            case MappingStart:
                {
                    parser.MoveNext();
                    var entries = new List<KeyValuePair<YamlScalar, YamlValue>>();
                    var seen = new Dictionary<string, int>(StringComparer.Ordinal);
                    while (!parser.TryConsume<MappingEnd>(out _))
                    {
                        var key = ReadNode(parser, state, depth + 1);
                        if (key.Error is not null)
                        {
                            return key;
                        }

                        if (key.Node is not YamlScalar k)
                        {
                            return (null, state.Fail(ErrorCodes.YamlComplexKey, "mapping keys must be plain values", key.Node!.Line));
                        }

                        if (seen.TryGetValue(k.Value, out var first))
                        {
                            return (null, state.Fail(ErrorCodes.YamlDuplicateKey, $"duplicate key '{k.Value}' (first at line {first})", k.Line));
                        }

                        seen[k.Value] = k.Line;
                        var value = ReadNode(parser, state, depth + 1);
                        if (value.Error is not null)
                        {
                            return value;
                        }

                        entries.Add(new(k, value.Node!));
                    }

                    return (new YamlMap(entries, line, column), null);
                }

            default:
                throw new YamlException(ev.Start, ev.End, $"unexpected {ev.GetType().Name}");
        }
    }

    private sealed class ReadState(string source, YamlLimits limits)
    {
        public YamlLimits Limits { get; } = limits;

        public int Nodes { get; set; }

        public int LastLine { get; set; } = 1;

        public Error Fail(string code, string message, int line) => new(code, message, $"{source}:{line}");
    }
}
