using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Trellis.Data.AuditTrail;

namespace Trellis.Web.Storage;

/// <summary>
/// The web app's own state, in the same database as the program: accounts (ASP.NET Core Identity), personal
/// API tokens, the audit trail and the Data Protection key ring. Nothing lives in process memory, so several
/// <c>trellis serve</c> processes on one PostgreSQL database are one deployment. Tables are prefixed
/// <c>web_</c> and snake_case; migrations keep their own history table (<see cref="MigrationsHistoryTable"/>).
/// One derived type per provider carries that provider's migrations.
/// </summary>
public abstract class WebDbContext : IdentityUserContext<TrellisUser>, IDataProtectionKeyContext
{
    /// <summary>The migrations history table of the web state (the program has its own).</summary>
    public const string MigrationsHistoryTable = "__trellis_web_migrations";

    /// <summary>Creates the context.</summary>
    protected WebDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Personal API tokens (hashes only).</summary>
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    /// <summary>The audit trail.</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Where the retained audit trail starts.</summary>
    public DbSet<AuditAnchor> AuditAnchors => Set<AuditAnchor>();

    /// <summary>The Data Protection key ring (cookie and antiforgery keys), shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(WebDbContext).Assembly, t => t.Namespace == typeof(Configurations.ApiTokenConfiguration).Namespace);
        WebNames.Apply(builder);
    }
}

/// <summary>The web state on SQLite (carries the SQLite migrations).</summary>
public sealed class SqliteWebDbContext(DbContextOptions<SqliteWebDbContext> options) : WebDbContext(options);

/// <summary>The web state on PostgreSQL (carries the PostgreSQL migrations).</summary>
public sealed class PostgresWebDbContext(DbContextOptions<PostgresWebDbContext> options) : WebDbContext(options);
