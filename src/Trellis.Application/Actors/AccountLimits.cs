using System.Globalization;
using Trellis.Core.Common;

namespace Trellis.Application.Actors;

/// <summary>
/// The longest text an account or API token field may hold, checked by the use cases that write them (web page, API
/// and CLI alike), so no request can store megabytes in the account table, the token table or the audit trail.
/// </summary>
public static class AccountLimits
{
    /// <summary>Longest e-mail, in characters: 254, the longest address a mail path can carry (RFC 5321 §4.5.3.1.3, 256 octets less the angle brackets).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>Longest display name, in characters: 100.</summary>
    public const int MaxDisplayNameLength = 100;

    /// <summary>Longest API token name, in characters: 100.</summary>
    public const int MaxTokenNameLength = 100;

    /// <summary>Longest password, in characters: 1,024 (long passphrases fit; PBKDF2 pre-hashes a long key, so this bounds request size, not hashing cost).</summary>
    public const int MaxPasswordLength = 1024;

    /// <summary>Longest engagement ID an auditor's scope may name, in characters: 100.</summary>
    public const int MaxEngagementIdLength = 100;

    /// <summary>Most frameworks an auditor's scope may name: 50.</summary>
    public const int MaxScopeFrameworks = 50;

    /// <summary>
    /// <c>field-too-long</c> naming <paramref name="field"/> and its limit when <paramref name="value"/> is longer than
    /// <paramref name="max"/> characters; null when it fits (or is null).
    /// </summary>
    public static Error? Check(string field, string? value, int max) =>
        value is not null && value.Length > max
            ? new Error(ErrorCodes.FieldTooLong, string.Create(CultureInfo.InvariantCulture, $"{field} has {value.Length} characters; at most {max} are allowed"), field)
            : null;

    /// <summary>The first field of <paramref name="checks"/> that is too long, or null.</summary>
    public static Error? First(params ReadOnlySpan<Error?> checks)
    {
        foreach (var check in checks)
        {
            if (check is not null)
            {
                return check;
            }
        }

        return null;
    }
}
