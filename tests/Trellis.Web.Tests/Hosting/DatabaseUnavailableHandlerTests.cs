using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Trellis.Web.Hosting;

namespace Trellis.Web.Tests.Hosting;

/// <summary>
/// A request that fails because PostgreSQL cannot be reached is answered 503 with Retry-After and problem details
/// (RFC 9110 §15.6.4, §10.2.3), not 500; any other exception is left to the default 500. The failover test
/// (<see cref="FailoverTests"/>) sees the same answers through the whole app during a real failover.
/// </summary>
public sealed class DatabaseUnavailableHandlerTests
{
    [Fact]
    public async Task TryHandle_ConnectionRefused_Answers503WithRetryAfterAndProblemDetails()
    {
        var (handler, context) = Create();
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

        Assert.True(await handler.TryHandleAsync(context, refused, CancellationToken.None));

        Assert.Equal(503, context.Response.StatusCode);
        Assert.Equal("2", context.Response.Headers.RetryAfter.ToString());
        Assert.StartsWith("application/problem+json", context.Response.ContentType, StringComparison.Ordinal);
        context.Response.Body.Position = 0;
        using var problem = await JsonDocument.ParseAsync(context.Response.Body);
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("database-unavailable", problem.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task TryHandle_AnyOtherException_LeavesItToTheDefault500()
    {
        var (handler, context) = Create();

        Assert.False(await handler.TryHandleAsync(context, new InvalidOperationException("a bug"), CancellationToken.None));
        Assert.Equal(200, context.Response.StatusCode);
        Assert.False(context.Response.Headers.ContainsKey("Retry-After"));
    }

    private static (DatabaseUnavailableHandler Handler, DefaultHttpContext Context) Create()
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Path = "/api/v1/evidence";
        context.Request.Headers.Accept = "application/json";
        context.Response.Body = new MemoryStream();
        return (new DatabaseUnavailableHandler(services.GetRequiredService<IProblemDetailsService>()), context);
    }
}
