using Microsoft.AspNetCore.Http;
using Trellis.Application.Actors;

namespace Trellis.Web.Auth;

/// <summary>Reads the <see cref="Account"/> that <see cref="AccountGate"/> attached to the request.</summary>
public static class AccountFeature
{
    /// <summary>The checked account; throws when the endpoint is anonymous (a bug: it should not ask).</summary>
    public static Account Account(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<Account>() ?? throw new InvalidOperationException("no signed-in account on this request");
    }

    /// <summary>The checked account, or null on an anonymous request.</summary>
    public static Account? AccountOrNull(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<Account>();
    }
}
