using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Trellis.Data.AuditTrail;

/// <summary>
/// The hash chain: an entry's canonical form is the JSON object
/// <c>{"action","actor","at","change","resource","sequence"}</c> (keys in that order, <c>at</c> as
/// <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>, <c>change</c> embedded as stored); its hash is the lowercase hex
/// SHA-256 of the previous entry's hash followed by that form, both UTF-8.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry ever written.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The canonical form of an entry (everything but the hashes).</summary>
    public static string CanonicalForm(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("action", entry.Action);
            w.WriteString("actor", entry.Actor);
            w.WriteString("at", entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            w.WritePropertyName("change");
            w.WriteRawValue(entry.Change, skipInputValidation: true);
            w.WriteString("resource", entry.Resource);
            w.WriteNumber("sequence", entry.Sequence);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The hash the entry must carry, given its stored previous hash.</summary>
    public static string Hash(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(entry.PreviousHash + CanonicalForm(entry))));
    }

    /// <summary>Truncates an instant to whole milliseconds in UTC, the precision every provider keeps exactly.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }
}
