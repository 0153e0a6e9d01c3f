using Microsoft.EntityFrameworkCore;
using Trellis.Application.Actors;
using Trellis.Application.Policies;
using Trellis.Data;

namespace Trellis.Web.Hosting;

/// <summary>
/// Who must acknowledge policies, for now: every web account that is not an auditor (expired or not, an account is a
/// person of the organization). Switch to the people register's current staff when it exists.
/// </summary>
public sealed class AccountAudience(TrellisDatabase database) : IPolicyAudience
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> PeopleAsync(CancellationToken ct)
    {
        var context = new WebDatabase(database).CreateContext();
        await using (context.ConfigureAwait(false))
        {
            var emails = await context.Users.AsNoTracking().Where(u => u.Role != Roles.Auditor && u.Email != null)
                .Select(u => u.Email!).ToListAsync(ct).ConfigureAwait(false);
            return [.. emails.Select(e => e.ToLowerInvariant()).Order(StringComparer.Ordinal)];
        }
    }
}
