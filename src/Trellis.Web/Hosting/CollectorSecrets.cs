using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Trellis.Application.Collectors;
using Trellis.Core.Common;
using Trellis.Data;
using Trellis.Web.Storage;

namespace Trellis.Web.Hosting;

/// <summary>
/// Collector secrets protected with ASP.NET Core Data Protection: the deployment's key ring, stored in the database and
/// itself protected with the key ring certificate when one is configured (<see cref="KeyRing"/>), under a purpose of
/// their own. The web app and the CLI read the same ring, so a secret entered at either can be used by both.
/// </summary>
public sealed class CollectorSecrets(IDataProtectionProvider provider) : ISecretProtector
{
    /// <summary>The purpose string: secrets protected for collectors cannot be read as anything else, nor the reverse.</summary>
    public const string Purpose = "Trellis.Collectors.Secrets.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    /// <inheritdoc />
    public string Protect(string secret) => _protector.Protect(secret);

    /// <inheritdoc />
    public Result<string> Unprotect(string protectedSecret)
    {
        try
        {
            return _protector.Unprotect(protectedSecret);
        }
        catch (CryptographicException)
        {
            return new Error(ErrorCodes.CollectorSecretUnreadable,
                "the collector's secret cannot be read with this key ring (another database's keys, a lost key, or the key ring certificate is not configured): enter the secret again");
        }
    }

    /// <summary>
    /// The protector outside the web app (the CLI): the key ring of <paramref name="database"/>, configured from
    /// <paramref name="configuration"/> as <c>trellis serve</c> configures it (<c>Trellis__KeyRingCertificate</c>). Fails
    /// when a certificate is named but unusable. The provider lives as long as the process.
    /// </summary>
    public static Result<CollectorSecrets> ForDatabase(TrellisDatabase database, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(database);
        var web = new WebDatabase(database);
        var services = new ServiceCollection();
        services.AddScoped<WebDbContext>(_ => web.CreateContext());
        var ring = KeyRing.AddDataProtection(services, configuration);
        if (ring.Refusal(new TrellisWebOptions { AllowUnprotectedKeyRing = true }, new CommandLineEnvironment()) is { } refusal)
        {
            return new Error(ErrorCodes.CollectorSecretUnreadable, refusal);
        }

        return new CollectorSecrets(services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>());
    }

    private sealed class CommandLineEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "Trellis";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
