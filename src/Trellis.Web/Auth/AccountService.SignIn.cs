using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Trellis.Application.Actors;
using Trellis.Core.Common;
using Trellis.Web.Storage;

namespace Trellis.Web.Auth;

/// <summary>Password sign-in and sign-out.</summary>
public sealed partial class AccountService
{
    /// <summary>The one answer to every failed password sign-in: unknown e-mail, wrong password, or throttled.</summary>
    public const string SignInFailed = "the e-mail or password is wrong";

    /// <summary>
    /// Checks an e-mail and password from the client address <paramref name="source"/>. Every attempt costs one
    /// password hash (an unknown e-mail, or an account without a password, is checked against a decoy hash), and
    /// every failure — unknown e-mail, wrong password, throttled (<see cref="SignInThrottle"/>) — gets the same
    /// answer, so neither the time nor the text tells whether an account exists (OWASP Authentication Cheat Sheet,
    /// "Authentication and Error Messages"). A failure never locks the account. With the right password, an account
    /// that may not act now (expired, disabled) is refused with the reason.
    /// </summary>
    public async Task<Result<TrellisUser>> CheckPasswordAsync(string email, string password, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        email = (email ?? "").Trim();
        password ??= "";
        var invalid = new Error(ErrorCodes.InvalidCredentials, SignInFailed);
        var throttled = throttle.IsThrottled(email, source);
        var user = email.Length is > 0 and <= AccountLimits.MaxEmailLength ? await users.FindByEmailAsync(email) : null;
        bool matches;
        if (user?.PasswordHash is not null && password.Length <= AccountLimits.MaxPasswordLength)
        {
            matches = await users.CheckPasswordAsync(user, password);
        }
        else
        {
            decoy.Verify(password.Length <= AccountLimits.MaxPasswordLength ? password : password[..AccountLimits.MaxPasswordLength]);
            matches = false;
        }

        if (throttled)
        {
            return invalid;
        }

        if (!matches)
        {
            throttle.RecordFailure(email, source);
            return invalid;
        }

        throttle.RecordSuccess(email);
        var refusal = AccountGate.Refusal(user, user!.SecurityStamp, clock.GetUtcNow());
        return refusal is null ? user : new Error(ErrorCodes.AccountRefused, refusal);
    }

    /// <summary>
    /// Ends every session of the account <paramref name="userId"/>: a new security stamp makes <see cref="AccountGate"/>
    /// refuse each cookie issued before, on every instance, at its next request (deleting the browser's cookie alone
    /// leaves a copied cookie working). API tokens are not sessions and keep working. Nothing to do for an unknown ID.
    /// </summary>
    public async Task EndSessionsAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is not null)
        {
            await users.UpdateSecurityStampAsync(user);
        }
    }
}

/// <summary>
/// A password hash of a random password, made once with the options stored passwords use, so that checking a
/// password for an e-mail no account has costs what checking a real one does.
/// </summary>
public sealed class DecoyPassword(IOptions<PasswordHasherOptions> options)
{
    private readonly PasswordHasher<TrellisUser> _hasher = new(options);
    private readonly Lazy<string> _hash = new(() => new PasswordHasher<TrellisUser>(options).HashPassword(new TrellisUser(), AccountService.RandomPassword()));

    /// <summary>Makes sure the decoy exists, so the first unknown e-mail does not pay for making it.</summary>
    public void Prepare() => _ = _hash.Value;

    /// <summary>Checks <paramref name="password"/> against the decoy; the answer is always no.</summary>
    public void Verify(string password) => _ = _hasher.VerifyHashedPassword(new TrellisUser(), _hash.Value, password);
}
