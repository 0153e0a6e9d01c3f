using Microsoft.AspNetCore.Identity;

namespace Trellis.Web.Storage;

/// <summary>
/// A local account. One role per account (<see cref="Trellis.Application.Actors.Roles"/>). An auditor account is scoped to one
/// engagement (its frameworks and observation window) and expires; after <see cref="ExpiresAt"/> every request
/// it makes answers 401.
/// </summary>
public sealed class TrellisUser : IdentityUser
{
    /// <summary>Name shown in the UI.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>One of <see cref="Trellis.Application.Actors.Roles.All"/>.</summary>
    public string Role { get; set; } = Trellis.Application.Actors.Roles.Viewer;

    /// <summary>When the account stops working (UTC); required for auditors, null for no expiry.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>The engagement an auditor account is scoped to.</summary>
    public string? EngagementId { get; set; }

    /// <summary>Space-separated framework IDs an auditor may see; empty for every framework.</summary>
    public string ScopeFrameworks { get; set; } = "";

    /// <summary>First day of the window whose evidence an auditor may see.</summary>
    public DateOnly? ScopeFrom { get; set; }

    /// <summary>Last day of the window whose evidence an auditor may see.</summary>
    public DateOnly? ScopeTo { get; set; }

    /// <summary>When the account was created (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
