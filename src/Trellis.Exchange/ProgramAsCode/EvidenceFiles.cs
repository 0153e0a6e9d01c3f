using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using Trellis.Core.Common;
using Trellis.Core.Serialization;

namespace Trellis.Exchange.ProgramAsCode;

/// <summary>
/// Loads the evidence files program.yaml references, refusing any path that leaves the program folder (absolute
/// paths, <c>..</c>, symbolic links pointing outside), missing, empty or over-limit files, and files whose SHA-256
/// or size differs from what program.yaml declares. Distinct contents are kept once, by SHA-256.
/// </summary>
internal sealed class EvidenceFiles
{
    private const int MaxLinkHops = 40;
    private static readonly SearchValues<char> NonPortable = SearchValues.Create("\\:*?\"<>|");

    private readonly string _root;
    private readonly string? _realRoot;
    private readonly ProgramYamlLimits _limits;
    private readonly Dictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);
    private long _total;

    public EvidenceFiles(string folder, ProgramYamlLimits limits)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        _realRoot = RealPath(_root);
        _limits = limits;
    }

    /// <summary>File contents by SHA-256.</summary>
    public IReadOnlyDictionary<string, byte[]> Blobs => _blobs;

    /// <summary>The stored file's SHA-256 and size, or null after reporting why it cannot be used.</summary>
    public (string Sha256, long Size)? Load(string relative, int line, YamlFields f)
    {
        if (Check(relative) is { } problem)
        {
            f.Fail(line, ErrorCodes.UnsafePath, $"field 'file' is '{relative}': {problem}");
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(_root, relative));
        var real = RealPath(full);
        if (real is null || _realRoot is null || !File.Exists(real))
        {
            f.Fail(line, ErrorCodes.MissingFile, $"field 'file' names '{relative}', which does not exist in the program folder");
            return null;
        }

        var inside = Path.EndsInDirectorySeparator(_realRoot) ? _realRoot : _realRoot + Path.DirectorySeparatorChar;
        if (!real.StartsWith(inside, StringComparison.Ordinal))
        {
            f.Fail(line, ErrorCodes.UnsafePath, $"field 'file' is '{relative}': it is a symbolic link that leads outside the program folder");
            return null;
        }

        var length = new FileInfo(real).Length;
        if (Size(relative, length, line, f) is false)
        {
            return null;
        }

        var bytes = File.ReadAllBytes(real);
        if (Size(relative, bytes.LongLength, line, f) is false)
        {
            return null;
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (_blobs.TryAdd(sha, bytes))
        {
            _total += bytes.LongLength;
            if (_total > _limits.MaxTotalEvidenceBytes)
            {
                f.Fail(line, ErrorCodes.TooLarge, $"field 'file' is '{relative}': the evidence files together exceed {_limits.MaxTotalEvidenceBytes.ToString(CultureInfo.InvariantCulture)} bytes");
                return null;
            }
        }

        return (sha, bytes.LongLength);
    }

    private bool Size(string relative, long length, int line, YamlFields f)
    {
        if (length == 0)
        {
            f.Fail(line, ErrorCodes.EmptyFile, $"field 'file' names '{relative}', which is empty; evidence files must have content");
            return false;
        }

        if (length > _limits.MaxEvidenceFileBytes)
        {
            f.Fail(line, ErrorCodes.TooLarge, $"field 'file' names '{relative}', which has {length.ToString(CultureInfo.InvariantCulture)} bytes; the limit is {_limits.MaxEvidenceFileBytes.ToString(CultureInfo.InvariantCulture)}");
            return false;
        }

        return true;
    }

    // Paths are relative, forward-slashed and portable, so an exported folder imports on any system.
    private static string? Check(string relative)
    {
        if (relative.Length == 0)
        {
            return "the path is empty";
        }

        if (relative.StartsWith('/') || Path.IsPathRooted(relative) || (relative.Length > 1 && relative[1] == ':'))
        {
            return "absolute paths are not allowed; give a path relative to the folder of program.yaml";
        }

        if (relative.AsSpan().ContainsAny(NonPortable) || relative.Any(char.IsControl))
        {
            return "use forward slashes and no \\ : * ? \" < > | or control characters";
        }

        var segments = relative.Split('/');
        if (segments.Any(s => s is ".."))
        {
            return "'..' would leave the program folder";
        }

        if (segments.Any(s => s is "" or "."))
        {
            return "empty or '.' path segments are not allowed";
        }

        return null;
    }

    /// <summary>
    /// The canonical path with every symbolic link resolved (like POSIX realpath), or null when a link loops.
    /// Components that do not exist are kept as written.
    /// </summary>
    private static string? RealPath(string absolute)
    {
        var root = Path.GetPathRoot(absolute)!;
        var pending = new Stack<string>(Split(absolute[root.Length..]).Reverse());
        var current = root;
        var hops = 0;
        while (pending.Count > 0)
        {
            var segment = pending.Pop();
            if (segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, segment);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                return null;
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
                target = target[current.Length..];
            }

            foreach (var s in Split(target).Reverse())
            {
                pending.Push(s);
            }
        }

        return current;
    }

    private static string[] Split(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
