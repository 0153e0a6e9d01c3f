using System.Buffers.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Trellis.Web.Hosting;
using Trellis.Web.Storage;

namespace Trellis.Web.Auth;

/// <summary>
/// A one-time link that lets the person behind a new account choose its password. This is what mail will send once
/// Trellis sends mail: until then the admin is shown it once (Accounts page, API, <c>trellis users invite</c>) and
/// passes it on. Nothing about it is stored; the link is valid while the account's security stamp is the one it was
/// made with (<see cref="InvitationTokens"/>).
/// </summary>
/// <param name="Email">The invited account.</param>
/// <param name="Link">The local path and query of the link (<c>/account/invite?token=…</c>); prefix the app's address.</param>
/// <param name="ExpiresAt">When the link stops working (UTC).</param>
public sealed record Invitation(string Email, string Link, DateTimeOffset ExpiresAt)
{
    /// <summary>The path of the page that takes an invitation.</summary>
    public const string Path = "/account/invite";

    internal static Invitation For(TrellisUser user, string token, DateTimeOffset expiresAt) =>
        new(user.Email ?? "", $"{Path}?token={Uri.EscapeDataString(token)}", expiresAt);
}

/// <summary>What an invitation token says, once its protection is checked.</summary>
/// <param name="UserId">The account it was made for.</param>
/// <param name="Purpose">Identity's purpose (<see cref="UserManager{TUser}.ResetPasswordTokenPurpose"/>).</param>
/// <param name="Stamp">The account's security stamp when it was made.</param>
/// <param name="IssuedAt">When it was made (the injected clock).</param>
public sealed record InvitationTicket(string UserId, string Purpose, string Stamp, DateTimeOffset IssuedAt);

/// <summary>
/// Identity's token provider for invitations (registered as the password-reset provider): like Identity's
/// <see cref="DataProtectorTokenProvider{TUser}"/> — the account's ID, the purpose and its security stamp, protected by
/// Data Protection, whose keys are in the database so any instance reads it — but timed by the injected
/// <see cref="TimeProvider"/> instead of the system clock. A token stops working when the account's security stamp
/// changes: setting the password (so it works once), disabling, another invitation, or revoking sessions; and
/// <see cref="TrellisWebOptions.InvitationLifetime"/> after it was made.
/// </summary>
public sealed class InvitationTokens(IDataProtectionProvider protection, TimeProvider clock, IOptions<TrellisWebOptions> options) : IUserTwoFactorTokenProvider<TrellisUser>
{
    /// <summary>The provider's name in Identity's token options.</summary>
    public const string ProviderName = "TrellisInvitation";

    private const byte Version = 1;
    private readonly IDataProtector _protector = protection.CreateProtector("Trellis.Web.Auth.Invitation.v1");

    /// <summary>How long a link works.</summary>
    public TimeSpan Lifetime => options.Value.InvitationLifetime;

    /// <inheritdoc/>
    public async Task<string> GenerateAsync(string purpose, UserManager<TrellisUser> manager, TrellisUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        using var buffer = new MemoryStream();
        await using (var writer = new BinaryWriter(buffer))
        {
            writer.Write(Version);
            writer.Write(clock.GetUtcNow().UtcTicks);
            writer.Write(user.Id);
            writer.Write(purpose ?? "");
            writer.Write(await manager.GetSecurityStampAsync(user) ?? "");
        }

        return Base64Url.EncodeToString(_protector.Protect(buffer.ToArray()));
    }

    /// <inheritdoc/>
    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<TrellisUser> manager, TrellisUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var ticket = Read(token);
        return ticket is not null
            && ticket.UserId == user.Id
            && ticket.Purpose == purpose
            && ticket.Stamp == await manager.GetSecurityStampAsync(user)
            && !IsExpired(ticket);
    }

    /// <summary>Never: an invitation is not a second factor.</summary>
    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<TrellisUser> manager, TrellisUser user) => Task.FromResult(false);

    /// <summary>When a ticket stops working.</summary>
    public DateTimeOffset ExpiryOf(InvitationTicket ticket) => ticket.IssuedAt + Lifetime;

    /// <summary>True when the ticket's lifetime has passed.</summary>
    public bool IsExpired(InvitationTicket ticket) => ExpiryOf(ticket) <= clock.GetUtcNow();

    /// <summary>The ticket in <paramref name="token"/>, or null when Trellis did not make it (or it was altered).</summary>
    public InvitationTicket? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2_000)
        {
            return null;
        }

        try
        {
            var bytes = _protector.Unprotect(Base64Url.DecodeFromChars(token));
            using var reader = new BinaryReader(new MemoryStream(bytes));
            if (reader.ReadByte() != Version)
            {
                return null;
            }

            var issued = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            return new InvitationTicket(reader.ReadString(), reader.ReadString(), reader.ReadString(), issued);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException or EndOfStreamException or IOException)
        {
            return null;
        }
    }
}
