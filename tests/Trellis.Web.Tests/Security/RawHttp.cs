using System.Net.Sockets;
using System.Text;

namespace Trellis.Web.Tests.Security;

/// <summary>
/// HTTP/1.1 over a bare socket, for what HttpClient hides: it stops reading when its own send fails, so a server
/// that answers before the body has arrived (413, 408) shows up as a broken pipe. This writes the request in the
/// background, ignoring write failures, and reads whatever the server answers until it closes the connection.
/// </summary>
internal static class RawHttp
{
    public const string Boundary = "trellis-raw";

    public sealed record Response(int Status, IReadOnlyDictionary<string, string> Headers, string Body);

    /// <summary>The multipart prefix (title, controls, effectiveFrom, then the file part's headers) and suffix around a file's bytes.</summary>
    public static (byte[] Prefix, byte[] Suffix) Multipart() => (
        Encoding.UTF8.GetBytes(
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nRaw upload\r\n"
            + $"--{Boundary}\r\nContent-Disposition: form-data; name=\"controls\"\r\n\r\nAC-01\r\n"
            + $"--{Boundary}\r\nContent-Disposition: form-data; name=\"effectiveFrom\"\r\n\r\n2026-10-31\r\n"
            + $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"raw.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n"),
        Encoding.UTF8.GetBytes($"\r\n--{Boundary}--\r\n"));

    /// <summary>Sends the head of a POST to the evidence API, then lets <paramref name="body"/> write (and flush) the body.</summary>
    public static async Task<Response> PostEvidenceAsync(Uri server, string token, long? contentLength, Func<Stream, CancellationToken, Task> body, TimeSpan timeout)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        var head = $"POST /api/v1/evidence HTTP/1.1\r\nHost: {server.Authority}\r\nAuthorization: Bearer {token}\r\n"
            + $"Content-Type: multipart/form-data; boundary={Boundary}\r\nConnection: close\r\n"
            + (contentLength is { } length ? $"Content-Length: {length}\r\n" : "Transfer-Encoding: chunked\r\n") + "\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.FlushAsync();
        using var stop = new CancellationTokenSource();
        var writing = Task.Run(async () =>
        {
            try
            {
                await body(stream, stop.Token);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The server stopped reading: what it answered is what the test looks at.
            }
        });

        using var read = new CancellationTokenSource(timeout);
        using var received = new MemoryStream();
        var buffer = new byte[16384];
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buffer, read.Token)) > 0)
            {
                received.Write(buffer, 0, n);
            }
        }
        catch (IOException)
        {
            // A reset after the answer: keep what arrived.
        }

        await stop.CancelAsync();
        tcp.Close();
        await writing;
        return Parse(Encoding.UTF8.GetString(received.ToArray()));
    }

    /// <summary>Writes bytes as one HTTP/1.1 chunk (for a body sent with Transfer-Encoding: chunked).</summary>
    public static async Task WriteChunkAsync(Stream stream, ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"{bytes.Length:x}\r\n"), ct);
        await stream.WriteAsync(bytes, ct);
        await stream.WriteAsync("\r\n"u8.ToArray(), ct);
        await stream.FlushAsync(ct);
    }

    private static Response Parse(string text)
    {
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(split > 0, $"no HTTP response: '{text}'");
        var lines = text[..split].Split("\r\n");
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = text[(split + 4)..];
        if (headers.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            var sb = new StringBuilder();
            var at = 0;
            while (at < body.Length)
            {
                var end = body.IndexOf("\r\n", at, StringComparison.Ordinal);
                var size = Convert.ToInt32(body[at..end], 16);
                if (size == 0)
                {
                    break;
                }

                sb.Append(body, end + 2, size);
                at = end + 2 + size + 2;
            }

            body = sb.ToString();
        }

        return new Response(int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), headers, body);
    }
}
