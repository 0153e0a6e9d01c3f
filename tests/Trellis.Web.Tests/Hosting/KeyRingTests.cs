using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Web.Hosting;
using Trellis.Web.Storage;

namespace Trellis.Web.Tests.Hosting;

/// <summary>Issue 14, reliability 5: the Data Protection key ring is protected at rest, and production refuses to start without it.</summary>
public sealed class KeyRingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("trellis-keyring-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Start_ProductionWithoutACertificate_IsRefusedBeforeTheDatabaseIsTouched()
    {
        var file = Path.Combine(_dir, "prod.db");
        await using var app = TrellisWebHost.CreateBuilder(new ServeRequest(file, "http://127.0.0.1:0"), ["--environment=Production"], TextWriter.Null).Build();
        app.UseTrellisWeb();

        var refused = await Assert.ThrowsAsync<KeyRingRefusedException>(() => app.StartAsync());

        Assert.Contains("Trellis__KeyRingCertificate", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task Start_ProductionWithAWrongPassword_IsRefusedNamingTheCertificate()
    {
        var pfx = WriteCertificate("right");
        var settings = new[] { "--environment=Production", $"--Trellis:KeyRingCertificate={pfx}", "--Trellis:KeyRingCertificatePassword=wrong" };
        await using var app = TrellisWebHost.CreateBuilder(new ServeRequest(Path.Combine(_dir, "t.db"), "http://127.0.0.1:0"), settings, TextWriter.Null).Build();
        app.UseTrellisWeb();

        var refused = await Assert.ThrowsAsync<KeyRingRefusedException>(() => app.StartAsync());

        Assert.Contains(pfx, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_WithACertificate_AreStoredEncryptedAndReadBackByTheNextStart()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        var pfx = WriteCertificate("s3cret");
        var settings = new Dictionary<string, string> { ["Trellis:KeyRingCertificate"] = pfx, ["Trellis:KeyRingCertificatePassword"] = "s3cret" };
        await using (var app = new WebFactory(db.Target, settings: settings))
        {
            Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync(new Uri("/account/login", UriKind.Relative))).StatusCode);
            var xml = await KeyXmlAsync(app);
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        }

        await using (var again = new WebFactory(db.Target, settings: settings))
        {
            Assert.Equal(HttpStatusCode.OK, (await again.Anonymous().GetAsync(new Uri("/account/login", UriKind.Relative))).StatusCode);
            Assert.Single(await KeysAsync(again));
        }
    }

    [Fact]
    public async Task Keys_WithoutACertificate_AreStoredInTheClearAndTheStartWarns()
    {
        using var db = TestDatabase.Create(Engine.Sqlite);
        await using var app = new WebFactory(db.Target);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync(new Uri("/account/login", UriKind.Relative))).StatusCode);

        Assert.Contains("<value>", await KeyXmlAsync(app), StringComparison.Ordinal);
        Assert.Contains("key ring is stored unencrypted", app.Console.ToString(), StringComparison.Ordinal);
    }

    private static async Task<string> KeyXmlAsync(WebFactory app) => string.Join("\n", (await KeysAsync(app)).Select(k => k.Xml));

    private static async Task<List<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>> KeysAsync(WebFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<WebDbContext>().DataProtectionKeys.AsNoTracking().ToListAsync();
    }

    private string WriteCertificate(string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=test key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2036, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var path = Path.Combine(_dir, $"keyring-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}
