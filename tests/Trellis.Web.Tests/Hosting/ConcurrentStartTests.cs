using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Storage;

namespace Trellis.Web.Tests.Hosting;

/// <summary>
/// Issue 14, hole L: several <c>trellis serve</c> instances started at the same moment on one fresh database are one
/// deployment. Before the start-up lock, the second crashed with a duplicate key while creating the first administrator.
/// Three instances start together, three times over, each on a database nobody has created yet (PostgreSQL) or an
/// absent file (SQLite): all start, exactly one creates the administrator and loads the demo, once.
/// </summary>
public sealed class ConcurrentStartTests
{
    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task ThreeInstances_StartedTogetherOnAFreshDatabase_AllStart_AndTheFirstStartWorkHappensOnce(Engine engine)
    {
        for (var round = 0; round < 3; round++)
        {
            using var db = TestDatabase.Create(engine, createPostgres: false);
            var apps = Enumerable.Range(0, 3).Select(_ => new WebFactory(db.Target, demo: true)).ToList();
            try
            {
                using var start = new Barrier(apps.Count);
                await Task.WhenAll(apps.Select(app => Task.Run(() =>
                {
                    start.SignalAndWait();
                    _ = app.Server; // builds the host and runs start-up: migrations, demo, first administrator
                })));

                var said = apps.Select(a => a.Console.ToString()).ToList();
                Assert.Equal(1, said.Count(s => s.Contains("First start: created the administrator", StringComparison.Ordinal)));
                Assert.Equal(1, said.Count(s => s.Contains("Loaded the demo program", StringComparison.Ordinal)));

                await using var scope = apps[0].Services.CreateAsyncScope();
                var web = scope.ServiceProvider.GetRequiredService<WebDbContext>();
                Assert.Equal(1, await web.Users.CountAsync());
                foreach (var app in apps)
                {
                    var health = await app.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));
                    Assert.True(health.IsSuccessStatusCode, $"round {round}: {(int)health.StatusCode}");
                }
            }
            finally
            {
                foreach (var app in apps)
                {
                    await app.DisposeAsync();
                }
            }
        }
    }
}
