using Trellis.Web.Auth;

namespace Trellis.Web.Tests;

/// <summary>One app on a SQLite database shared by the tests of a class, with a client per role.</summary>
public sealed class SqliteApp : IAsyncLifetime
{
    private readonly TestDatabase _db = TestDatabase.Create(Engine.Sqlite);

    internal WebFactory Factory { get; private set; } = null!;

    internal Dictionary<string, HttpClient> Clients { get; } = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        Factory = new WebFactory(_db.Target);
        foreach (var role in Roles.All)
        {
            Clients[role] = await Factory.ClientAsAsync(role, $"{role}@example.com");
        }

        Clients["anonymous"] = Factory.Anonymous();
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        _db.Dispose();
    }
}
