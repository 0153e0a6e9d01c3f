using Trellis.Data.AuditTrail;

namespace Trellis.Application.Actors;

/// <summary>The audit entry a use case hands to the store, so its write and its entry are one transaction.</summary>
internal static class AuditRecords
{
    /// <summary>An entry by <paramref name="account"/>, stamped now.</summary>
    public static AuditRecord Of(TimeProvider clock, Account account, string action, string resource, object? change) =>
        new(clock.GetUtcNow(), account.Email, action, resource, change);

    /// <summary>
    /// The version a successful versioned write gives: a new row starts at 1; an update needs the version read
    /// (If-Match), which the store checks, and adds one.
    /// </summary>
    public static int NextVersion(int? expectedVersion) => (expectedVersion ?? 0) + 1;
}
