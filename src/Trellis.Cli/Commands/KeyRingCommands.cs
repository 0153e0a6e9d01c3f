using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Trellis.Cli.Commands;

/// <summary><c>trellis keyring new --out FILE</c>: a certificate to protect the web app's key ring at rest (docs/operations.md).</summary>
internal static class KeyRingCommands
{
    public static IEnumerable<Command> Create(CliContext ctx)
    {
        var output = new Option<string>("--out") { Description = "PFX file to write (never overwritten); keep it outside the database and its backups.", Required = true };
        var stdin = new Option<bool>("--password-stdin") { Description = "Read the PFX password from standard input; otherwise a random one is printed once." };
        var years = new Option<int>("--years") { Description = "Years the certificate is valid (1–30).", DefaultValueFactory = _ => 10 };
        var create = new Command("new", "Create a self-signed RSA 3072 certificate (PFX) for Trellis__KeyRingCertificate.") { output, stdin, years };
        create.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(output)!;
            if (File.Exists(file))
            {
                await ctx.Err.WriteLineAsync($"error: {file} exists; a key ring certificate is never overwritten (the keys encrypted to it would be lost)").ConfigureAwait(false);
                return ExitCodes.Invalid;
            }

            if (parse.GetValue(years) is < 1 or > 30)
            {
                await ctx.Err.WriteLineAsync("error: --years must be between 1 and 30").ConfigureAwait(false);
                return ExitCodes.Invalid;
            }

            var password = parse.GetValue(stdin) ? (await Console.In.ReadLineAsync(ct).ConfigureAwait(false))?.Trim() : Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
            if (string.IsNullOrEmpty(password))
            {
                await ctx.Err.WriteLineAsync("error: an empty password would leave the key in the clear").ConfigureAwait(false);
                return ExitCodes.Invalid;
            }

            using var rsa = RSA.Create(3072);
            var request = new CertificateRequest("CN=Trellis key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
            var now = ctx.Clock.GetUtcNow();
            using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(parse.GetValue(years)));
            await File.WriteAllBytesAsync(file, certificate.Export(X509ContentType.Pfx, password), ct).ConfigureAwait(false);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            await ctx.Out.WriteLineAsync($"Key ring certificate written to {file} (thumbprint {certificate.Thumbprint}, valid to {certificate.NotAfter:yyyy-MM-dd}).").ConfigureAwait(false);
            if (!parse.GetValue(stdin))
            {
                await ctx.Out.WriteLineAsync($"Its password, shown only now: {password}").ConfigureAwait(false);
            }

            await ctx.Out.WriteLineAsync("Start serve with Trellis__KeyRingCertificate=<file> and Trellis__KeyRingCertificatePassword=<password>.").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        var keyring = new Command("keyring", "The web app's Data Protection key ring.") { create };
        yield return keyring;
    }
}
