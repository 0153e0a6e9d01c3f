using Trellis.Core.Common;

namespace Trellis.Application.Collectors;

/// <summary>
/// Protects collector secrets at rest (ASP.NET Core Data Protection with the deployment's key ring; the web app and
/// the CLI use the same ring from the database). A secret is protected when entered and unprotected only for a run.
/// </summary>
public interface ISecretProtector
{
    /// <summary>The protected payload of <paramref name="secret"/>.</summary>
    string Protect(string secret);

    /// <summary>The secret, or <c>collector-secret-unreadable</c> when this key ring cannot read the payload.</summary>
    Result<string> Unprotect(string protectedSecret);
}
