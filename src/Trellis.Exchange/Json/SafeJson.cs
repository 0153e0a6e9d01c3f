using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Trellis.Core.Common;

namespace Trellis.Exchange.Json;

/// <summary>
/// Reads one untrusted JSON document, refusing what a data file never needs and an attacker would use:
/// documents over the size limit, nesting deeper than the depth limit, duplicate property names (which
/// System.Text.Json accepts by default, and which different readers resolve differently), invalid UTF-8 and lone
/// surrogate escapes, comments and trailing commas. Every error names the source and the JSON path
/// (<c>catalog.json:$.catalog.groups[2].controls[0].id</c>).
/// </summary>
public static class SafeJson
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Reads a file; the size limit is checked before the file is read.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="limits">Limits; <see cref="JsonLimits.Default"/> when null.</param>
    /// <param name="source">The name used in error locations; the path when null.</param>
    public static Result<JsonDocument> ReadFile(string path, JsonLimits? limits = null, string? source = null)
    {
        source ??= path;
        var bytes = ReadBytes(path, limits, source);
        return bytes.IsSuccess ? Parse(bytes.Value, source, limits) : bytes.Error!;
    }

    /// <summary>
    /// Reads a file's bytes without ever holding more than <see cref="JsonLimits.MaxBytes"/>: <c>missing-file</c>,
    /// <c>json-too-large</c> or <c>file-unreadable</c> located at <paramref name="source"/> (the path when null).
    /// </summary>
    public static Result<byte[]> ReadBytes(string path, JsonLimits? limits = null, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        limits ??= JsonLimits.Default;
        source ??= path;
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return new Error(ErrorCodes.MissingFile, "file not found", source);
        }

        if (file.Length > limits.MaxBytes)
        {
            return TooLarge(file.Length, limits, source);
        }

        byte[] bytes;
        try
        {
            using var stream = file.OpenRead();
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                // The file may have grown since it was measured: never hold more than the limit.
                if (buffer.Length + read > limits.MaxBytes)
                {
                    return TooLarge(buffer.Length + read, limits, source);
                }

                buffer.Write(chunk, 0, read);
            }

            bytes = buffer.ToArray();
        }
        catch (IOException ex)
        {
            return new Error(ErrorCodes.FileUnreadable, $"cannot read the file: {ex.Message}", source);
        }
        catch (UnauthorizedAccessException)
        {
            return new Error(ErrorCodes.FileUnreadable, "permission denied", source);
        }

        return bytes;
    }

    /// <summary>Parses text (tests and callers that hold a string); lone surrogates are rejected.</summary>
    public static Result<JsonDocument> Parse(string text, string source, JsonLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        byte[] bytes;
        try
        {
            bytes = new UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(text);
        }
        catch (EncoderFallbackException)
        {
            return new Error(ErrorCodes.JsonInvalidUtf8, "the text contains a lone surrogate and cannot be encoded as UTF-8", source);
        }

        return Parse(bytes, source, limits);
    }

    /// <summary>Parses UTF-8 bytes (a leading byte order mark is skipped).</summary>
    public static Result<JsonDocument> Parse(ReadOnlyMemory<byte> utf8, string source, JsonLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        limits ??= JsonLimits.Default;
        if (utf8.Length > limits.MaxBytes)
        {
            return TooLarge(utf8.Length, limits, source);
        }

        if (utf8.Span.StartsWith(Bom))
        {
            utf8 = utf8[Bom.Length..];
        }

        if (utf8.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return new Error(ErrorCodes.JsonEmpty, "the document is empty", source);
        }

        var problem = Scan(utf8.Span, source, limits);
        if (problem is not null)
        {
            return problem;
        }

        var options = new JsonDocumentOptions
        {
            MaxDepth = limits.MaxDepth + 1,
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            AllowDuplicateProperties = false,
        };
        return JsonDocument.Parse(utf8, options);
    }

    private static Error TooLarge(long size, JsonLimits limits, string source) => new(
        ErrorCodes.JsonTooLarge,
        $"the document is {size.ToString("N0", CultureInfo.InvariantCulture)} bytes; the limit is {limits.MaxBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes",
        source);

    // One forward pass with Utf8JsonReader keeps the path of the current token, so each problem is reported where it is.
    private static Error? Scan(ReadOnlySpan<byte> utf8, string source, JsonLimits limits)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            MaxDepth = limits.MaxDepth + 1,
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
        });
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                var token = reader.TokenType;
                if (token is not (JsonTokenType.PropertyName or JsonTokenType.EndObject or JsonTokenType.EndArray)
                    && frames.Count > 0 && frames[^1].Keys is null)
                {
                    frames[^1].Index++;
                }

                switch (token)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        if (frames.Count >= limits.MaxDepth)
                        {
                            return Fail(ErrorCodes.JsonTooDeep, $"nesting deeper than {limits.MaxDepth} levels", frames, source);
                        }

                        frames.Add(new Frame(token == JsonTokenType.StartObject ? new HashSet<string>(StringComparer.Ordinal) : null));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        if (ReadString(ref reader) is not { } name)
                        {
                            return Fail(ErrorCodes.JsonInvalidUtf8, "a property name is not valid UTF-8", frames, source);
                        }

                        var frame = frames[^1];
                        if (!frame.Keys!.Add(name))
                        {
                            frame.Property = name;
                            return Fail(ErrorCodes.JsonDuplicateKey, $"duplicate property '{name}'", frames, source);
                        }

                        frame.Property = name;
                        break;
                    case JsonTokenType.String:
                        if (!IsValidString(ref reader))
                        {
                            return Fail(ErrorCodes.JsonInvalidUtf8, "a string is not valid UTF-8 (or has a lone surrogate escape)", frames, source);
                        }

                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            return Fail(ErrorCodes.JsonSyntax, $"malformed JSON at line {line}, byte {column}: {FirstSentence(ex.Message)}", frames, source);
        }

        return null;
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !Utf8.IsValid(reader.ValueSpan))
        {
            return null;
        }

        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static bool IsValidString(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? ReadString(ref reader) is not null : Utf8.IsValid(reader.ValueSpan);

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim().TrimEnd('.');
    }

    private static Error Fail(string code, string message, List<Frame> frames, string source)
    {
        var path = JsonPaths.Root;
        foreach (var f in frames)
        {
            if (f.Keys is null && f.Index >= 0)
            {
                path = JsonPaths.Index(path, f.Index);
            }
            else if (f.Keys is not null && f.Property is not null)
            {
                path = JsonPaths.Property(path, f.Property);
            }
        }

        return new Error(code, message, $"{source}:{path}");
    }

    private sealed class Frame(HashSet<string>? keys)
    {
        /// <summary>Property names seen so far (objects); null for arrays.</summary>
        public HashSet<string>? Keys { get; } = keys;

        public string? Property { get; set; }

        public int Index { get; set; } = -1;
    }
}
