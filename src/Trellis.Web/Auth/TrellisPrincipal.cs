using System.Security.Claims;
using Trellis.Application.Actors;
using Trellis.Data.AuditTrail;
using Trellis.Web.Storage;

namespace Trellis.Web.Auth;

/// <summary>The claims Trellis puts in a cookie or builds from a token: ID, e-mail, role and security stamp.</summary>
public static class TrellisPrincipal
{
    /// <summary>Claim holding the account's security stamp when the principal was issued.</summary>
    public const string StampClaim = "trellis:stamp";

    /// <summary>Builds a principal for an account.</summary>
    public static ClaimsPrincipal Create(TrellisUser user, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id),
                new Claim(ClaimTypes.Name, user.Email ?? user.UserName ?? user.Id),
                new Claim(ClaimTypes.Role, user.Role),
                new Claim(StampClaim, user.SecurityStamp ?? ""),
            ],
            authenticationType,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }
}
