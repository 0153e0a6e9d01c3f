using System.Net;
using System.Net.Sockets;

namespace Trellis.Collectors.JsonApi;

/// <summary>
/// The outbound rule against server-side request forgery (OWASP SSRF prevention): a collector connects only to
/// addresses that are public unless its configuration allows private networks. Checked on the address DNS resolved to,
/// at connect time, so a public name that resolves to an internal address (DNS rebinding) is refused too.
/// </summary>
public static class NetworkRules
{
    /// <summary>
    /// True for addresses that are not on the public internet: loopback (127/8, ::1), private (10/8, 172.16/12,
    /// 192.168/16, fc00::/7), link-local (169.254/16 — cloud metadata endpoints —, fe80::/10), shared address space
    /// (100.64/10), "this network" (0/8, ::), IETF protocol assignments (192.0.0/24), benchmarking (198.18/15),
    /// multicast and broadcast; IPv4-mapped IPv6 addresses, and IPv4 addresses carried in NAT64 (64:ff9b::/96) and 6to4
    /// (2002::/16) addresses, are judged as the IPv4 address they reach (RFC 6890, 6052, 3056).
    /// </summary>
    public static bool IsPrivate(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        else if (address.AddressFamily == AddressFamily.InterNetworkV6 && Embedded(address.GetAddressBytes()) is { } carried)
        {
            address = carried;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] is 0 or 10 or 127 || b[0] >= 224
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && b[1] is 18 or 19);
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any)
                || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xfe) == 0xfc;
        }

        return true;
    }

    // The IPv4 address inside a NAT64 (64:ff9b::/96, last four bytes) or 6to4 (2002::/16, bytes 2–5) address.
    private static IPAddress? Embedded(byte[] b) =>
        b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0 ? new IPAddress(b.AsSpan(12, 4))
        : b[0] == 0x20 && b[1] == 0x02 ? new IPAddress(b.AsSpan(2, 4))
        : null;
}

/// <summary>A connection refused by <see cref="NetworkRules"/>; the message says which host and address.</summary>
public sealed class PrivateNetworkRefusedException(string message) : Exception(message);
