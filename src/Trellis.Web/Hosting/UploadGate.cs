using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Trellis.Core.Common;

namespace Trellis.Web.Hosting;

/// <summary>Marks an endpoint (minimal API or page model) that receives an evidence upload: <see cref="UploadGate"/> bounds them.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class UploadEndpointAttribute : Attribute;

/// <summary>The slots of <see cref="TrellisWebOptions.MaxConcurrentUploads"/>, one per app.</summary>
public sealed class UploadSlots(IOptions<TrellisWebOptions> options) : IDisposable
{
    /// <summary>The semaphore.</summary>
    internal SemaphoreSlim Semaphore { get; } = new(Math.Max(1, options.Value.MaxConcurrentUploads));

    /// <summary>Slots free now (for health checks and tests).</summary>
    public int Free => Semaphore.CurrentCount;

    /// <inheritdoc/>
    public void Dispose() => Semaphore.Dispose();
}

/// <summary>
/// Lets at most <see cref="TrellisWebOptions.MaxConcurrentUploads"/> POSTs to upload endpoints run at once (issue 14,
/// hole F: six concurrent 45 MiB uploads took the server from 490 MB to 1.27 GB). The others wait up to
/// <see cref="TrellisWebOptions.UploadQueueTimeout"/>, then get 503 <c>uploads-busy</c> with Retry-After. Runs after
/// authorization, so only callers allowed to upload hold or wait for a slot.
/// </summary>
internal sealed class UploadGate(RequestDelegate next, UploadSlots slots, IOptions<TrellisWebOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.GetEndpoint()?.Metadata.GetMetadata<UploadEndpointAttribute>() is null)
        {
            await next(context);
            return;
        }

        var wait = options.Value.UploadQueueTimeout;
        if (!await slots.Semaphore.WaitAsync(wait, context.RequestAborted))
        {
            var seconds = (int)Math.Max(1, Math.Ceiling(wait.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await RequestFailures.WriteAsync(context, new Error(
                ErrorCodes.UploadsBusy,
                $"{Math.Max(1, options.Value.MaxConcurrentUploads)} upload(s) are already arriving, the most taken at once; try again in {seconds} second(s)"));
            return;
        }

        try
        {
            await next(context);
        }
        finally
        {
            slots.Semaphore.Release();
        }
    }
}
