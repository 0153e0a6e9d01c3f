using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Data.AuditTrail;

namespace Trellis.Data.Configurations;

// The audit trail's tables belong to the web state's migrations (web_audit_log, web_audit_anchor); the program's
// context maps them too, excluded from its own migrations, so a program write appends its entry in its transaction.
internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable(AuditTrailSchema.EntriesTable, t => t.ExcludeFromMigrations());
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
    }
}

internal sealed class AuditAnchorConfiguration : IEntityTypeConfiguration<AuditAnchor>
{
    public void Configure(EntityTypeBuilder<AuditAnchor> builder)
    {
        builder.ToTable(AuditTrailSchema.AnchorTable, t => t.ExcludeFromMigrations());
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
    }
}
