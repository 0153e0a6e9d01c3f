using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Trellis.Web.Storage;

namespace Trellis.Web.Hosting;

/// <summary>Start-up refused because the Data Protection key ring would not be protected (or its certificate is unusable).</summary>
public sealed class KeyRingRefusedException(string message) : Exception(message);

/// <summary>
/// The Data Protection key ring at rest (issue 14, reliability 5). The keys sign and encrypt session cookies and
/// antiforgery tokens and live in the database (<c>web_data_protection_keys</c>), so whoever reads a backup could forge a
/// session. With <see cref="TrellisWebOptions.KeyRingCertificate"/> (a PFX file, password in
/// <see cref="TrellisWebOptions.KeyRingCertificatePassword"/>) every key is stored encrypted to that certificate and can
/// only be read with it. Without one, a production start is refused unless <see cref="TrellisWebOptions.AllowUnprotectedKeyRing"/>
/// says the risk is accepted; the demo and non-production environments start with a warning (docs/operations.md).
/// </summary>
internal sealed class KeyRing(bool isProtected, string? error)
{
    /// <summary>True when keys are stored encrypted to the configured certificate.</summary>
    public bool Protected => isProtected;

    /// <summary>
    /// Reads the certificate named in the <c>Trellis</c> section and, when it loads, has every new key stored encrypted
    /// to it and every stored key read with it.
    /// </summary>
    public static KeyRing Configure(IDataProtectionBuilder dataProtection, IConfiguration configuration)
    {
        var o = configuration.GetSection(TrellisWebOptions.Section).Get<TrellisWebOptions>() ?? new TrellisWebOptions();
        var (certificate, error) = Load(o);
        if (certificate is not null)
        {
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        return new KeyRing(certificate is not null, error);
    }

    /// <summary>
    /// Data Protection as every Trellis process sets it up (the web app, and the CLI to read collector secrets): the
    /// application name <c>Trellis</c>, keys in the database (<see cref="WebDbContext"/>), protected as configured.
    /// </summary>
    public static KeyRing AddDataProtection(IServiceCollection services, IConfiguration configuration) =>
        Configure(services.AddDataProtection().SetApplicationName("Trellis").PersistKeysToDbContext<WebDbContext>(), configuration);

    /// <summary>Why the app must not start, or null.</summary>
    public string? Refusal(TrellisWebOptions options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        if (error is not null)
        {
            return error;
        }

        return Protected || options.Demo || options.AllowUnprotectedKeyRing || !environment.IsProduction()
            ? null
            : "the Data Protection key ring (it signs sessions and antiforgery tokens) would be stored unencrypted in the database: "
              + "set Trellis__KeyRingCertificate to a PFX file (trellis keyring new --out keyring.pfx creates one) and "
              + "Trellis__KeyRingCertificatePassword, or set Trellis__AllowUnprotectedKeyRing=true to accept the risk";
    }

    /// <summary>A warning to print at start when the key ring is not protected, or null.</summary>
    public string? Warning() => Protected ? null
        : "warning: the Data Protection key ring is stored unencrypted in the database; configure Trellis__KeyRingCertificate before production use (docs/operations.md)";

    private static (X509Certificate2?, string?) Load(TrellisWebOptions o)
    {
        if (string.IsNullOrWhiteSpace(o.KeyRingCertificate))
        {
            return (null, null);
        }

        if (!File.Exists(o.KeyRingCertificate))
        {
            return (null, $"the key ring certificate '{o.KeyRingCertificate}' (Trellis__KeyRingCertificate) does not exist");
        }

        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(o.KeyRingCertificate, o.KeyRingCertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
            return certificate.HasPrivateKey && certificate.GetRSAPrivateKey() is not null
                ? (certificate, null)
                : (null, $"the key ring certificate '{o.KeyRingCertificate}' has no RSA private key");
        }
        catch (CryptographicException e)
        {
            return (null, $"the key ring certificate '{o.KeyRingCertificate}' cannot be opened (wrong Trellis__KeyRingCertificatePassword?): {e.Message}");
        }
    }
}
