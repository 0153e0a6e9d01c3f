using System.Security.Cryptography;
using Trellis.Core.Common;

namespace Trellis.Application.Compliance;

/// <summary>
/// A file received for evidence, held in a temporary file (deleted when this is disposed) rather than in memory,
/// with its SHA-256, size, sanitized name and media type.
/// </summary>
public sealed class ReceivedFile : IAsyncDisposable
{
    private readonly FileStream _content;

    internal ReceivedFile(FileStream content, string sha256, string fileName, string mediaType)
    {
        _content = content;
        Sha256 = sha256;
        Size = content.Length;
        FileName = fileName;
        MediaType = mediaType;
    }

    /// <summary>Lowercase hex SHA-256 of the bytes, computed while reading.</summary>
    public string Sha256 { get; }

    /// <summary>Size in bytes.</summary>
    public long Size { get; }

    /// <summary>Sanitized file name (<see cref="EvidenceFiles.SanitizeFileName"/>).</summary>
    public string FileName { get; }

    /// <summary>A media type from <see cref="EvidenceFiles.SafeMediaTypes"/>, else application/octet-stream.</summary>
    public string MediaType { get; }

    /// <summary>The bytes, read back from the temporary file (the store keeps file contents in the database).</summary>
    public async Task<byte[]> ReadAllBytesAsync(CancellationToken ct)
    {
        var bytes = new byte[Size];
        _content.Position = 0;
        await _content.ReadExactlyAsync(bytes, ct).ConfigureAwait(false);
        return bytes;
    }

    /// <summary>Deletes the temporary file.</summary>
    public ValueTask DisposeAsync() => _content.DisposeAsync();
}

/// <summary>Receiving and serving evidence files safely.</summary>
public static class EvidenceFiles
{
    /// <summary>The largest evidence file accepted, from any door, unless configured otherwise: 50 MiB.</summary>
    public const long DefaultMaxBytes = 50L * 1024 * 1024;

    /// <summary>Media types served as themselves (always as attachments); anything else is served as octet-stream.</summary>
    public static readonly IReadOnlySet<string> SafeMediaTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "application/pdf", "image/png", "image/jpeg", "text/plain", "text/csv", "application/json", "application/zip",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };

    /// <summary>
    /// A file name safe to store and to put in a Content-Disposition header: <see cref="FileNames.Clean"/>, with
    /// <c>evidence</c> when nothing is left.
    /// </summary>
    public static string SanitizeFileName(string? name) => FileNames.Clean(name, "evidence");

    /// <summary>The link evidence may be: an absolute http or https URL; null for anything else.</summary>
    public static Uri? HttpLink(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp) ? u : null;

    /// <summary>The media type to store and serve for what the client claimed.</summary>
    public static string MediaTypeOf(string? claimed)
    {
        var type = (claimed ?? "").Split(';')[0].Trim();
        return SafeMediaTypes.Contains(type) ? type.ToLowerInvariant() : "application/octet-stream";
    }

    /// <summary>
    /// Reads a stream to its end into a temporary file (deleted on close), hashing as it goes, refusing more than
    /// <paramref name="limit"/> bytes: an upload never sits in memory while it arrives.
    /// </summary>
    public static async Task<Result<ReceivedFile>> ReceiveAsync(Stream body, string? fileName, string? mediaType, long limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var file = new FileStream(
            Path.Combine(Path.GetTempPath(), "trellis-upload-" + Guid.NewGuid().ToString("N")),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        var kept = false;
        try
        {
            var chunk = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                if (file.Length + read > limit)
                {
                    return new Error(ErrorCodes.PayloadTooLarge, $"the file is larger than the limit of {limit / (1024 * 1024)} MiB");
                }

                hash.AppendData(chunk, 0, read);
                await file.WriteAsync(chunk.AsMemory(0, read), ct).ConfigureAwait(false);
            }

            if (file.Length == 0)
            {
                return new Error(ErrorCodes.InvalidEvidence, "the file is empty", "file");
            }

            await file.FlushAsync(ct).ConfigureAwait(false);
            kept = true;
            return new ReceivedFile(file, Convert.ToHexStringLower(hash.GetHashAndReset()), SanitizeFileName(fileName), MediaTypeOf(mediaType));
        }
        finally
        {
            if (!kept)
            {
                await file.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
