using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Trellis.Collectors.Tests;

/// <summary>A real HTTP server (Kestrel) on 127.0.0.1 and a free port, answering as the test maps it.</summary>
internal sealed class FakeSource : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeSource(WebApplication app, Uri root)
    {
        _app = app;
        Root = root;
    }

    /// <summary><c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Root { get; }

    /// <summary>How many requests reached the server.</summary>
    public int Requests => _requests;

    private int _requests;

    public Uri At(string path) => new(Root, path);

    public static async Task<FakeSource> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeSource? source = null;
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref source!._requests);
            await next(context);
        });
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        source = new FakeSource(app, new Uri(address.EndsWith('/') ? address : address + "/"));
        return source;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
