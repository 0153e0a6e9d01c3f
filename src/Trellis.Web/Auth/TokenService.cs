using Trellis.Application.Actors;
using Trellis.Core.Common;
using Trellis.Web.AuditTrail;
using Trellis.Web.Storage;

namespace Trellis.Web.Auth;

/// <summary>
/// Personal API tokens for the API, the token page and <c>trellis tokens</c>: each issue or revocation is one
/// transaction with its audit entry.
/// </summary>
public sealed class TokenService(WebDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>
    /// Issues a token for the account <paramref name="userId"/> (e-mail <paramref name="owner"/>); the secret is returned
    /// once. The name is at most <see cref="AccountLimits.MaxTokenNameLength"/> characters (<c>field-too-long</c>).
    /// </summary>
    public Task<Result<IssuedToken>> IssueAsync(string actor, string userId, string owner, string name, DateTimeOffset? expiresAt, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (AccountLimits.Check("name", name, AccountLimits.MaxTokenNameLength) is { } tooLong)
        {
            return Task.FromResult<Result<IssuedToken>>(tooLong);
        }

        if (expiresAt is { } e && e <= now)
        {
            return Task.FromResult<Result<IssuedToken>>(new Error(ErrorCodes.InvalidDate, "a token's expiry must be in the future", "expiresAt"));
        }

        return audit.WriteAsync(
            db,
            async () => Result<IssuedToken>.Ok(await ApiTokens.IssueAsync(db, userId, name, now, expiresAt, ct)),
            issued => new AuditLog.AuditRecordParts(actor, "token.create", $"token/{issued.Row.Id}", new { name = issued.Row.Name, prefix = issued.Row.Prefix, account = owner, expiresAt }),
            ct);
    }

    /// <summary>Revokes the account's token <paramref name="id"/>; <c>unknown-token</c> when it has none with that ID.</summary>
    public Task<Result<long>> RevokeAsync(string actor, string userId, string owner, long id, CancellationToken ct) =>
        audit.WriteAsync(
            db,
            async () => await ApiTokens.RevokeAsync(db, userId, id, ct) ? Result<long>.Ok(id) : new Error(ErrorCodes.UnknownToken, $"{owner} has no API token {id}"),
            revoked => new AuditLog.AuditRecordParts(actor, "token.revoke", $"token/{revoked}", new { account = owner }),
            ct);
}
