namespace Trellis.Web.Storage;

/// <summary>
/// A personal API token. The token itself (32 random bytes) is shown once; only its SHA-256 is stored, so a
/// copy of the database does not let anyone call the API.
/// </summary>
public sealed class ApiToken
{
    /// <summary>Row ID.</summary>
    public long Id { get; set; }

    /// <summary>The owner's <see cref="TrellisUser"/> ID.</summary>
    public string UserId { get; set; } = "";

    /// <summary>What the owner calls it.</summary>
    public string Name { get; set; } = "";

    /// <summary>Lowercase hex SHA-256 of the token string.</summary>
    public string Hash { get; set; } = "";

    /// <summary>The first characters of the token, to recognise it in a list.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>When it was created (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it stops working (UTC); null for never (the account's own expiry still applies).</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
}
