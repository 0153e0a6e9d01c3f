using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Trellis.Data;
using Trellis.Data.Changes;
using Trellis.Web.Auth;

namespace Trellis.Web.Api;

/// <summary>
/// Serialize once per revision and view (issue 18, item 3): the busiest read endpoints — readiness and the program's
/// lists — keep the JSON bytes of each answer and send them again while nothing was committed to the database
/// (<see cref="DatabaseChanges"/>), the day is the same and the caller sees the program the same way (role and auditor
/// scope). Authorization still runs on every request before this; only successful answers are kept; every kept answer
/// carries a weak ETag of its bytes, and a request whose <c>If-None-Match</c> names it gets 304 Not Modified.
/// </summary>
internal sealed class SerializedResponses
{
    /// <summary>The endpoints whose answers depend only on the database, the day, the view and the query string.</summary>
    public static readonly IReadOnlySet<string> Kept = new HashSet<string>(StringComparer.Ordinal)
    {
        "ListReadiness", "GetReadiness", "ListControls", "ListEvidence", "ListRisks", "ListSoa",
        "ListFrameworks", "ListRequirements",
    };

    private const int MaxEntries = 4_096;
    private const long MaxBytes = 64L * 1024 * 1024;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly DatabaseChanges _changes;
    private readonly TimeProvider _clock;
    private readonly JsonSerializerOptions _json;
    private long _bytes;

    public SerializedResponses(TrellisDatabase database, TimeProvider clock, IOptions<JsonOptions> json)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(json);
        _changes = database.Changes;
        _clock = clock;
        _json = json.Value.SerializerOptions;
    }

    /// <summary>The endpoint filter for the API group: a no-op for every endpoint not in <see cref="Kept"/>.</summary>
    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method)
            || http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName is not { } name
            || !Kept.Contains(name))
        {
            return await next(context).ConfigureAwait(false);
        }

        return await http.RequestServices.GetRequiredService<SerializedResponses>().AnswerAsync(context, next).ConfigureAwait(false);
    }

    private async ValueTask<object?> AnswerAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = KeyOf(http);
        var stamp = await _changes.CurrentAsync(http.RequestAborted).ConfigureAwait(false); // before the read: a commit during it is not missed
        var day = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        if (_entries.TryGetValue(key, out var kept) && kept.Stamp == stamp && kept.Day == day)
        {
            return Send(http, kept);
        }

        var result = await next(context).ConfigureAwait(false);
        if (Unwrap(result) is not IValueHttpResult { Value: { } value } ok || ok is not IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK })
        {
            return result;
        }

        // The declared type, as Ok<T> itself would write it.
        var type = ok.GetType() is { IsGenericType: true } generic ? generic.GetGenericArguments()[0] : value.GetType();
        var body = JsonSerializer.SerializeToUtf8Bytes(value, type, _json);
        var entry = new Entry(stamp, day, body, "W/\"" + Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16)) + "\"");
        Keep(key, entry);
        return Send(http, entry);
    }

    private void Keep(string key, Entry entry)
    {
        if (_entries.Count >= MaxEntries || Interlocked.Add(ref _bytes, entry.Body.Length) > MaxBytes)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _bytes, entry.Body.Length);
        }

        _entries[key] = entry;
    }

    private static IResult Send(HttpContext http, Entry entry)
    {
        http.Response.Headers.ETag = entry.ETag;
        var match = http.Request.Headers.IfNoneMatch.ToString();
        return match.Length > 0 && match.Split(',').Any(m => m.Trim() == entry.ETag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(entry.Body, "application/json; charset=utf-8");
    }

    // The view: role and auditor scope decide what an answer holds; the path and query string decide which answer.
    private static string KeyOf(HttpContext http)
    {
        if (http.AccountOrNull() is not { } account)
        {
            return $"anonymous|{http.Request.Path}{http.Request.QueryString}";
        }

        var scope = account.Scope is { } s
            ? $"{s.EngagementId}|{string.Join(',', s.Frameworks.Order(StringComparer.Ordinal))}|{s.From:O}|{s.To:O}"
            : "-";
        return $"{account.Role}|{scope}|{http.Request.Path}{http.Request.QueryString}";
    }

    private static object? Unwrap(object? result)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        return result;
    }

    private sealed record Entry(ChangeStamp Stamp, DateOnly Day, byte[] Body, string ETag);
}
