using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Auth;
using Trellis.Web.Storage;

namespace Trellis.Web.Tests.Security;

/// <summary>Issue 14, hole B: parallel uploads without an ID all succeed with distinct IDs, each with its audit entry.</summary>
public sealed class EvidenceIdRaceTests
{
    [SkippableTheory]
    [InlineData(Engine.Sqlite)]
    [InlineData(Engine.Postgres)]
    public async Task SixParallelUploadsWithoutId_AllSucceed_WithDistinctIds(Engine engine)
    {
        using var db = TestDatabase.Create(engine);
        await using var app = new WebFactory(db.Target, demo: true);
        var manager = await app.ClientAsAsync(Roles.ComplianceManager);
        int before;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            before = await scope.ServiceProvider.GetRequiredService<WebDbContext>().AuditEntries.CountAsync();
        }

        async Task<HttpResponseMessage> UploadAsync(int n)
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent($"Parallel upload {n}"), "title" },
                { new StringContent("AC-01"), "controls" },
                { new StringContent("2026-10-31"), "effectiveFrom" },
            };
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes($"upload {n}\n"));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = $"\"u{n}.txt\"" };
            form.Add(file);
            return await manager.PostAsync(new Uri("/api/v1/evidence", UriKind.Relative), form);
        }

        var responses = await Task.WhenAll(Enumerable.Range(1, 6).Select(UploadAsync));

        foreach (var r in responses)
        {
            Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        }

        var ids = new List<string>();
        foreach (var r in responses)
        {
            ids.Add((await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }

        Assert.Equal(6, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^EV-[0-9]{4,}$", id));
        await using var check = app.Services.CreateAsyncScope();
        var trail = await check.ServiceProvider.GetRequiredService<WebDbContext>().AuditEntries.Where(e => e.Sequence > before && e.Action == "evidence.add").Select(e => e.Resource).ToListAsync();
        Assert.Equal(ids.Select(id => "evidence/" + id).Order(StringComparer.Ordinal), trail.Order(StringComparer.Ordinal));
    }
}
