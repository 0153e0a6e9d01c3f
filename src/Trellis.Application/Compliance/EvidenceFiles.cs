using System.Security.Cryptography;
using System.Text;
using Trellis.Core.Common;

namespace Trellis.Application.Compliance;

/// <summary>A file received for evidence: its bytes (bounded), SHA-256, sanitized name and media type.</summary>
/// <param name="Content">The bytes.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the bytes, computed while reading.</param>
/// <param name="FileName">Sanitized file name.</param>
/// <param name="MediaType">A media type from <see cref="EvidenceFiles.SafeMediaTypes"/>, else application/octet-stream.</param>
public sealed record ReceivedFile(byte[] Content, string Sha256, string FileName, string MediaType);

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
    /// A file name safe to store and to put in a Content-Disposition header: the last path segment (either slash),
    /// without control characters or characters reserved on common file systems, without leading dots, at most
    /// 120 characters (extension kept); <c>evidence</c> when nothing is left.
    /// </summary>
    public static string SanitizeFileName(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/')[^1];
        var sb = new StringBuilder(last.Length);
        foreach (var c in last.Normalize(NormalizationForm.FormC))
        {
            if (!char.IsControl(c) && "<>:\"|?*".IndexOf(c, StringComparison.Ordinal) < 0)
            {
                sb.Append(c);
            }
        }

        var clean = sb.ToString().Trim().TrimStart('.').Trim();
        if (clean.Length > 120)
        {
            var ext = Path.GetExtension(clean);
            clean = ext.Length is > 0 and <= 10 ? clean[..(120 - ext.Length)] + ext : clean[..120];
        }

        return clean.Length == 0 ? "evidence" : clean;
    }

    /// <summary>The media type to store and serve for what the client claimed.</summary>
    public static string MediaTypeOf(string? claimed)
    {
        var type = (claimed ?? "").Split(';')[0].Trim();
        return SafeMediaTypes.Contains(type) ? type.ToLowerInvariant() : "application/octet-stream";
    }

    /// <summary>Reads a stream to its end, hashing as it goes, refusing more than <paramref name="limit"/> bytes.</summary>
    public static async Task<Result<ReceivedFile>> ReceiveAsync(Stream body, string? fileName, string? mediaType, long limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return new Error(ErrorCodes.PayloadTooLarge, $"the file is larger than the limit of {limit / (1024 * 1024)} MiB");
            }

            hash.AppendData(chunk, 0, read);
            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return new Error(ErrorCodes.InvalidEvidence, "the file is empty", "file");
        }

        return new ReceivedFile(buffer.ToArray(), Convert.ToHexStringLower(hash.GetHashAndReset()), SanitizeFileName(fileName), MediaTypeOf(mediaType));
    }
}
