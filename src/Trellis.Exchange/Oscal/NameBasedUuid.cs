using System.Security.Cryptography;
using System.Text;

namespace Trellis.Exchange.Oscal;

/// <summary>
/// Name-based UUIDs (RFC 9562 section 5.5, version 5): the same name always gives the same UUID, so an exported
/// mapping keeps the UUID of each entry across exports, as the OSCAL mapping model asks ("assigned per-subject").
/// </summary>
public static class NameBasedUuid
{
    /// <summary>The namespace of every UUID Trellis derives from names.</summary>
    public static readonly Guid TrellisNamespace = new("3f6b8a52-41c7-4d0e-9a8b-6c2d51e7f093");

    /// <summary>The version 5 UUID of <paramref name="name"/> in <paramref name="ns"/>.</summary>
    public static Guid Create(string name, Guid? ns = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nsBytes = (ns ?? TrellisNamespace).ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[nsBytes.Length + nameBytes.Length];
        nsBytes.CopyTo(input, 0);
        nameBytes.CopyTo(input, nsBytes.Length);
#pragma warning disable CA5350 // RFC 9562 defines version 5 with SHA-1; an identifier, not a security control.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
