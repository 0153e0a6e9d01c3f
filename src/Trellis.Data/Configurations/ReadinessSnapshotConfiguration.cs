using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Data.Rows;

namespace Trellis.Data.Configurations;

internal sealed class ReadinessSnapshotConfiguration : IEntityTypeConfiguration<ReadinessSnapshotRow>
{
    public void Configure(EntityTypeBuilder<ReadinessSnapshotRow> b)
    {
        b.ToTable("readiness_snapshots");
        b.HasKey(x => new { x.Framework, x.Day });
        b.Property(x => x.Framework).HasMaxLength(100);
    }
}
