using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Trellis.Application.Actors;
using Trellis.Application.Collectors;
using Trellis.Web.Auth;

namespace Trellis.Web.Tests.Operations;

/// <summary>
/// Issue 19: a collector's failed check is an exception on its control that the dashboard shows, through the real app
/// and its own key ring, against a real server on loopback whose backup is 30 hours old (the check wants at most 24).
/// </summary>
public sealed class CollectorDashboardTests
{
    [Fact]
    public async Task Demo_FailedCollectorCheck_ShownOnTheDashboardNamingTheControl()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager, "lead@example.com");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        await using var source = builder.Build();
        source.MapGet("/status", () => Results.Text("""{"backup":{"status":"ok","ageHours":30}}""", "application/json"));
        await source.StartAsync();
        var url = source.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/status";

        using (var scope = app.Services.CreateScope())
        {
            var collectors = scope.ServiceProvider.GetRequiredService<CollectorService>(); // as the app wires it
            var added = await collectors.AddAsync(Account.System, new NewCollector
            {
                Kind = "json-api",
                Name = "backup-status",
                Controls = ["AC-05"],
                Url = url,
                AllowPrivateNetwork = true,
                Secret = "tok",
                Checks = ["/backup/ageHours <= 24"],
            }, default);
            Assert.True(added.IsSuccess, added.Error?.Message);
            Assert.Equal("failed", (await collectors.CollectAsync(Account.System, "backup-status", dryRun: false, default)).Value.Status);
        }

        var today = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var dashboard = await manager.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("id=\"collector-exceptions\"", dashboard, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/controls/AC-05\">AC-05</a> /backup/ageHours &lt;= 24 failed on /backup/ageHours is 30 since {today} (collector backup-status)", dashboard, StringComparison.Ordinal);
    }
}
