using Microsoft.EntityFrameworkCore;
using Trellis.Data.Changes;
using Trellis.Web.Hosting;
using Trellis.Web.Storage;

namespace Trellis.Web.Auth;

/// <summary>
/// Accounts by ID and API tokens by hash, as <see cref="AccountGate"/> and <see cref="ApiTokenHandler"/> check them on
/// every request (issue 18, item 3): kept while nothing was committed to the database (by this instance or any other,
/// <see cref="DatabaseChanges"/>), so a request normally costs no query, and a revocation, a disabled account or a
/// changed role — each a commit — is seen by the next request. Expiry is compared with the clock on every request.
/// </summary>
/// <param name="database">The database.</param>
internal sealed class AccessCache(WebDatabase database)
{
    private readonly StampedMap<string, TrellisUser> _users = new(database.Program.Changes);
    private readonly StampedMap<string, TokenOwner> _tokens = new(database.Program.Changes);

    /// <summary>The account with this ID, or null.</summary>
    public ValueTask<TrellisUser?> UserAsync(string id, CancellationToken ct) => _users.GetAsync(id, ReadUserAsync, ct)!;

    /// <summary>The token with this hash and its owner, or null.</summary>
    public ValueTask<TokenOwner?> TokenAsync(string hash, CancellationToken ct) => _tokens.GetAsync(hash, ReadTokenAsync, ct)!;

    private async Task<TrellisUser> ReadUserAsync(string id, CancellationToken ct)
    {
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            return (await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct).ConfigureAwait(false))!;
        }
    }

    private async Task<TokenOwner> ReadTokenAsync(string hash, CancellationToken ct)
    {
        var db = database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            return (await db.ApiTokens.AsNoTracking()
                .Where(t => t.Hash == hash)
                .Join(db.Users.AsNoTracking(), t => t.UserId, u => u.Id, (t, u) => new TokenOwner(t.ExpiresAt, u))
                .FirstOrDefaultAsync(ct).ConfigureAwait(false))!;
        }
    }
}

/// <summary>A token's expiry and its owner.</summary>
/// <param name="ExpiresAt">The token's last instant, if any.</param>
/// <param name="User">The owner.</param>
internal sealed record TokenOwner(DateTimeOffset? ExpiresAt, TrellisUser User);
