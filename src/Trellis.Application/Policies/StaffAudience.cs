using Trellis.Core.Audits;
using Trellis.Data;

namespace Trellis.Application.Policies;

/// <summary>
/// Who must acknowledge published policies: the staff register's people active today (started, not yet left) together
/// with every other audience member given (the web accounts that are not auditors — a contractor with an account reads
/// the policies too). A leaver stops counting the day after their last day.
/// </summary>
public sealed class StaffAudience(ProgramStore store, IPolicyAudience accounts, TimeProvider clock) : IPolicyAudience
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> PeopleAsync(CancellationToken ct)
    {
        var today = CalendarDates.Today(clock);
        var staff = (await store.PeopleAsync(ct)).Where(p => p.IsActiveOn(today)).Select(p => p.Email);
        return [.. staff.Concat(await accounts.PeopleAsync(ct))
            .Select(e => e.Trim().ToLowerInvariant()).Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }
}
