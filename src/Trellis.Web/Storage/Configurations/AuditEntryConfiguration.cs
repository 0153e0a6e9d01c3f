using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Data.AuditTrail;

namespace Trellis.Web.Storage.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable(AuditTrailSchema.EntriesTable);
        b.HasKey(e => e.Sequence);
        b.Property(e => e.Sequence).ValueGeneratedNever();
        b.Property(e => e.Actor).HasMaxLength(320).IsRequired();
        b.Property(e => e.Action).HasMaxLength(100).IsRequired();
        b.Property(e => e.Resource).HasMaxLength(400).IsRequired();
        b.Property(e => e.Change).IsRequired();
        b.Property(e => e.PreviousHash).HasMaxLength(64).IsRequired();
        b.Property(e => e.Hash).HasMaxLength(64).IsRequired();
    }
}

internal sealed class AuditAnchorConfiguration : IEntityTypeConfiguration<AuditAnchor>
{
    public void Configure(EntityTypeBuilder<AuditAnchor> b)
    {
        b.ToTable(AuditTrailSchema.AnchorTable);
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Hash).HasMaxLength(64).IsRequired();
    }
}
