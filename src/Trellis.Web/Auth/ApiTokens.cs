using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Trellis.Data.AuditTrail;
using Trellis.Web.Storage;

namespace Trellis.Web.Auth;

/// <summary>A token as created: the secret (shown once) and its stored row.</summary>
/// <param name="Secret">The token string to put in <c>Authorization: Bearer</c>.</param>
/// <param name="Row">What is stored (its hash, never the secret).</param>
public sealed record IssuedToken(string Secret, ApiToken Row);

/// <summary>Personal API tokens: 32 random bytes, shown once, stored as SHA-256.</summary>
public static class ApiTokens
{
    /// <summary>Every token starts with this, so secret scanners and people recognise it.</summary>
    public const string Prefix = "trl_";

    /// <summary>Lowercase hex SHA-256 of the token string.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Creates a token for an account and stores its hash.</summary>
    public static async Task<IssuedToken> IssueAsync(WebDbContext db, string userId, string name, DateTimeOffset now, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var row = new ApiToken
        {
            UserId = userId,
            Name = string.IsNullOrWhiteSpace(name) ? "token" : name.Trim(),
            Hash = Hash(secret),
            Prefix = secret[..10],
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        db.ApiTokens.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedToken(secret, row);
    }

    /// <summary>The account's tokens, newest first.</summary>
    public static async Task<IReadOnlyList<ApiToken>> ListAsync(WebDbContext db, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(t => t.Id)];
    }

    /// <summary>Deletes one of the account's tokens; false when it has no such token.</summary>
    public static async Task<bool> RevokeAsync(WebDbContext db, string userId, long id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.ApiTokens.Where(t => t.UserId == userId && t.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
