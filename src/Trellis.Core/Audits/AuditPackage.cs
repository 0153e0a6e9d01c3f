using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Trellis.Core.Common;

namespace Trellis.Core.Audits;

/// <summary>One file of a frozen package and its SHA-256 (lowercase hex).</summary>
/// <param name="Path">The path inside the zip (forward slashes).</param>
/// <param name="Sha256">The hash of its bytes.</param>
/// <param name="Size">Its length in bytes.</param>
public sealed record PackageFile(string Path, string Sha256, long Size);

/// <summary>
/// The frozen audit package (issue 16, item 4; docs/auditors.md): a zip of the engagement's files plus
/// <c>manifest.json</c> listing every other entry with its SHA-256. The zip is byte-stable for the same files (entries
/// in path order, fixed timestamps), and <see cref="Verify"/> re-hashes each entry and names the first that differs.
/// </summary>
public static class AuditPackage
{
    /// <summary>The manifest's path inside the zip.</summary>
    public const string ManifestPath = "manifest.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Builds the zip; the manifest also carries <paramref name="header"/> (engagement, who, when).</summary>
    public static (byte[] Zip, IReadOnlyList<PackageFile> Manifest) Build(IReadOnlyDictionary<string, string> header, IEnumerable<(string Path, byte[] Bytes)> files)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(files);
        var ordered = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var manifest = ordered.Select(f => new PackageFile(f.Path, Hash(f.Bytes), f.Bytes.LongLength)).ToList();
        var manifestJson = JsonSerializer.SerializeToUtf8Bytes(new
        {
            header,
            files = manifest.Select(m => new { path = m.Path, sha256 = m.Sha256, size = m.Size }),
        }, Indented);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, bytes) in ordered.Append((ManifestPath, manifestJson)))
            {
                var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
                entry.LastWriteTime = EntryTime;
                using var stream = entry.Open();
                stream.Write(bytes);
            }
        }

        return (buffer.ToArray(), manifest);
    }

    /// <summary>
    /// Re-hashes every file the manifest lists: the count of files verified, or <c>package-altered</c> naming the first
    /// file (in manifest order) whose bytes differ or that is missing, or a file the manifest does not list.
    /// </summary>
    public static Result<int> Verify(Stream zip)
    {
        ArgumentNullException.ThrowIfNull(zip);
        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
            var manifestEntry = archive.GetEntry(ManifestPath);
            if (manifestEntry is null)
            {
                return new Error(ErrorCodes.PackageAltered, $"the package has no {ManifestPath}", ManifestPath);
            }

            using var manifestStream = manifestEntry.Open();
            var files = JsonDocument.Parse(manifestStream).RootElement.GetProperty("files").EnumerateArray()
                .Select(f => (Path: f.GetProperty("path").GetString()!, Sha256: f.GetProperty("sha256").GetString()!)).ToList();
            foreach (var (path, sha256) in files)
            {
                var entry = archive.GetEntry(path);
                if (entry is null)
                {
                    return new Error(ErrorCodes.PackageAltered, $"{path} is listed in the manifest but missing from the package", path);
                }

                using var content = entry.Open();
                if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(content)), sha256, StringComparison.Ordinal))
                {
                    return new Error(ErrorCodes.PackageAltered, $"{path} was altered: its SHA-256 no longer matches the manifest", path);
                }
            }

            var listed = files.Select(f => f.Path).Append(ManifestPath).ToHashSet(StringComparer.Ordinal);
            if (archive.Entries.FirstOrDefault(e => !listed.Contains(e.FullName)) is { } extra)
            {
                return new Error(ErrorCodes.PackageAltered, $"{extra.FullName} is in the package but not in the manifest", extra.FullName);
            }

            return files.Count;
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return new Error(ErrorCodes.PackageAltered, $"the package cannot be read as a frozen package: {e.Message}");
        }
    }

    /// <summary>Lowercase hex SHA-256.</summary>
    public static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>UTF-8 bytes of a text.</summary>
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
