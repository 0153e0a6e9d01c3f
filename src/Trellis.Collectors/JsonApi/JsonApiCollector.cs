using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Trellis.Collectors.Checks;

namespace Trellis.Collectors.JsonApi;

/// <summary>
/// The json-api collector: one request to the configured URL, the body captured as evidence and the checks run on it.
/// Outbound rules (docs/collectors.md): only the configured host (redirects are followed only on the same scheme, host
/// and port), no private, loopback or link-local targets unless allowed, no proxy, a size cap, a timeout, 429 retried
/// after its Retry-After a bounded number of times. Every way the source can fail is a run with a reason, never an
/// exception.
/// </summary>
public sealed class JsonApiCollector(TimeProvider clock, JsonApiOptions? options = null) : ICollector
{
    private readonly JsonApiOptions _options = options ?? new JsonApiOptions();

    /// <inheritdoc />
    public CollectorKind Kind => CollectorKind.JsonApi;

    /// <inheritdoc />
    public async Task<CollectorRun> RunAsync(CollectorDefinition definition, RunContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(context);
        var url = definition.Url ?? throw new ArgumentException("a json-api collector needs a URL", nameof(definition));
        using var handler = Handler(definition.AllowPrivateNetwork);
        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(_options.Timeout);
        try
        {
            return await ObserveAsync(client, definition, url, context.Secret, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Fail($"{url.Authority} did not answer within {_options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s (the timeout)");
        }
        catch (HttpRequestException e)
        {
            return Fail(Unreachable(url, e));
        }
    }

    private async Task<CollectorRun> ObserveAsync(HttpClient client, CollectorDefinition definition, Uri url, string? secret, CancellationToken ct)
    {
        var target = url;
        var retries = 0;
        var redirects = 0;
        while (true)
        {
            using var request = new HttpRequestMessage(new HttpMethod(definition.Method), target);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (secret is not null)
            {
                var header = definition.SecretHeader ?? "Authorization";
                var bearer = header.Equals("Authorization", StringComparison.OrdinalIgnoreCase) && !secret.Contains(' ', StringComparison.Ordinal);
                request.Headers.TryAddWithoutValidation(header, bearer ? "Bearer " + secret : secret);
            }

            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                var next = location.IsAbsoluteUri ? location : new Uri(target, location);
                if (!SameOrigin(next, url))
                {
                    return Fail($"{url.Authority} redirected to {next.Scheme}://{next.Authority}, another host: requests go only to the configured host, so the redirect was not followed");
                }

                if (++redirects > _options.MaxRedirects)
                {
                    return Fail($"{url.Authority} redirected more than {_options.MaxRedirects} times");
                }

                target = next;
                continue;
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var wait = RetryAfter(response) ?? _options.DefaultRetryAfter;
                if (retries >= _options.MaxRetries)
                {
                    return Fail($"{url.Authority} answered 429 Too Many Requests again after {retries} retries");
                }

                if (wait > _options.MaxRetryAfter)
                {
                    return Fail($"{url.Authority} answered 429 Too Many Requests and asked to wait {wait.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s, longer than the {_options.MaxRetryAfter.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s a run waits");
                }

                retries++;
                await Task.Delay(wait, clock, ct).ConfigureAwait(false);
                continue;
            }

            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                return Fail($"{url.Authority} refused the credentials (HTTP {status}): the secret is missing, expired or lacks the permission; enter a new one with 'trellis collectors add'");
            }

            if (!response.IsSuccessStatusCode)
            {
                return Fail($"{url.Authority} answered HTTP {status} {response.ReasonPhrase}");
            }

            return await ReadAsync(definition, url, response, ct).ConfigureAwait(false);
        }
    }

    private async Task<CollectorRun> ReadAsync(CollectorDefinition definition, Uri url, HttpResponseMessage response, CancellationToken ct)
    {
        var max = _options.MaxResponseBytes;
        if (response.Content.Headers.ContentLength > max)
        {
            return Fail($"the response of {url.Authority} is {response.Content.Headers.ContentLength} bytes, more than the {max} bytes a run reads");
        }

        var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var body = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > max)
                {
                    return Fail($"the response of {url.Authority} is more than the {max} bytes a run reads");
                }

                body.Write(buffer, 0, read);
            }

            var observedAt = clock.GetUtcNow();
            var bytes = body.ToArray();
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
            }
            catch (JsonException e)
            {
                return Fail($"the response of {url.Authority} is not valid JSON: {e.Message}");
            }

            using (document)
            {
                var checks = definition.Checks.Select(c => CheckResult.Evaluate(c, document.RootElement)).ToList();
                return new CollectorRun
                {
                    ObservedAt = observedAt,
                    Captures = [Capture.Of(definition.Name + ".json", "application/json", bytes)],
                    Checks = checks,
                };
            }
        }
    }

    private CollectorRun Fail(string reason) => CollectorRun.Failed(clock.GetUtcNow(), reason);

    private TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - clock.GetUtcNow() is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero,
            _ => null,
        };

    private static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme == b.Scheme && a.Port == b.Port && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase);

    private static string Unreachable(Uri url, HttpRequestException e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is PrivateNetworkRefusedException refused)
            {
                return refused.Message;
            }
        }

        var socket = e.InnerException as SocketException ?? e.InnerException?.InnerException as SocketException;
        return socket is not null
            ? $"{url.Authority} could not be reached: {socket.SocketErrorCode} ({socket.Message})"
            : $"{url.Authority} could not be reached: {e.Message}";
    }

    private static SocketsHttpHandler Handler(bool allowPrivate) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectCallback = async (context, ct) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct).ConfigureAwait(false);
            var allowed = addresses.Where(a => allowPrivate || !NetworkRules.IsPrivate(a)).ToArray();
            if (allowed.Length == 0)
            {
                throw new PrivateNetworkRefusedException(
                    $"{host} resolves to {string.Join(", ", addresses.Select(a => a.ToString()))}, a private, loopback or link-local address: refused (SSRF rule); "
                    + "add the collector with --allow-private-network if this internal endpoint is meant");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
