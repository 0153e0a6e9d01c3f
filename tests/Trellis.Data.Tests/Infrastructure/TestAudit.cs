using Trellis.Data.AuditTrail;

namespace Trellis.Data.Tests.Infrastructure;

/// <summary>The audit entry every store write in these tests carries (each write appends it in its transaction).</summary>
internal static class TestAudit
{
    /// <summary>An entry by <c>test</c>.</summary>
    public static AuditRecord Record { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), "test", "test.write", "test", null);
}
