using System.Reflection;
using Trellis.Core.Frameworks;

namespace Trellis.Core.Tests.Architecture;

public class CoreDependencyTests
{
    [Fact]
    public void Core_ReferencesNoPersistenceOrWebFramework()
    {
        var forbidden = new[] { "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Npgsql", "Microsoft.Data.Sqlite", "System.CommandLine", "Spectre" };
        var core = typeof(Framework).Assembly;

        var offending = core.GetReferencedAssemblies()
            .Where(a => forbidden.Any(f => a.Name!.StartsWith(f, StringComparison.Ordinal)))
            .Select(a => a.Name)
            .ToList();

        Assert.Empty(offending);
        Assert.Contains(core.GetReferencedAssemblies(), a => a.Name == "System.Runtime"); // the check sees real references
    }
}
