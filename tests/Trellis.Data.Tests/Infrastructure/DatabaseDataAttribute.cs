using System.Reflection;
using Trellis.Data;
using Xunit.Sdk;

namespace Trellis.Data.Tests.Infrastructure;

/// <summary>
/// Runs a store test once per supported database (after bitwarden/server's DatabaseDataAttribute): SQLite
/// always, PostgreSQL when TRELLIS_TEST_PG is set (CI always sets it; locally the case is skipped).
/// Use with [SkippableTheory] and a <see cref="DatabaseFixture"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabaseDataAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        Enum.GetValues<DatabaseProvider>().Select(p => new object[] { p });
}
