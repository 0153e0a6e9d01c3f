using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Trellis.Web.Hosting;

/// <summary>What <c>trellis serve</c> asks for.</summary>
/// <param name="Database">The database argument (<c>--db</c>); null for <c>TRELLIS_DB</c> or <c>./trellis.db</c>.</param>
/// <param name="Urls">Where to listen. The default is <c>http://127.0.0.1:5080</c>.</param>
/// <param name="Demo">Load the demo program into an empty database.</param>
public sealed record ServeRequest(string? Database, string? Urls = null, bool Demo = false)
{
    /// <summary>The default address: loopback only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";
}

/// <summary>Builds the whole app, for <c>trellis serve</c> and for <c>dotnet run --project src/Trellis.Web</c>.</summary>
public static class TrellisWebHost
{
    /// <summary>Creates the builder with Trellis registered; callers may add or replace services before <c>Build()</c>.</summary>
    public static WebApplicationBuilder CreateBuilder(ServeRequest request, string[]? args = null, TextWriter? console = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            ApplicationName = typeof(TrellisWebHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        var settings = new Dictionary<string, string?> { [$"{TrellisWebOptions.Section}:{nameof(TrellisWebOptions.Demo)}"] = request.Demo ? "true" : "false" };
        if (request.Database is not null)
        {
            settings[$"{TrellisWebOptions.Section}:{nameof(TrellisWebOptions.Database)}"] = request.Database;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls(request.Urls ?? ServeRequest.DefaultUrls);
        if (console is not null)
        {
            builder.Services.AddSingleton(new ServeConsole(console));
        }

        builder.AddTrellisWeb();
        return builder;
    }

    /// <summary>The addresses the started app listens on.</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
    }
}
