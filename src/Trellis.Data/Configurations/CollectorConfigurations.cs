using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Data.Rows;

namespace Trellis.Data.Configurations;

internal sealed class CollectorConfiguration : IEntityTypeConfiguration<CollectorRow>
{
    public void Configure(EntityTypeBuilder<CollectorRow> b)
    {
        b.ToTable("collectors");
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasMaxLength(64);
        b.Property(x => x.Kind).HasMaxLength(20);
        b.Property(x => x.Schedule).HasMaxLength(100);
    }
}

internal sealed class CollectorRunConfiguration : IEntityTypeConfiguration<CollectorRunRow>
{
    public void Configure(EntityTypeBuilder<CollectorRunRow> b)
    {
        b.ToTable("collector_runs");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(20);
        b.Property(x => x.Collector).HasMaxLength(64);
        b.Property(x => x.Status).HasMaxLength(10);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.Source).HasMaxLength(2100);
        b.HasIndex(x => new { x.Collector, x.StartedAt });
    }
}

internal sealed class CollectorCheckResultConfiguration : IEntityTypeConfiguration<CollectorCheckResultRow>
{
    public void Configure(EntityTypeBuilder<CollectorCheckResultRow> b)
    {
        b.ToTable("collector_check_results");
        b.HasKey(x => new { x.RunId, x.Ordinal });
        b.Property(x => x.RunId).HasMaxLength(20);
        b.Property(x => x.CheckId).HasMaxLength(20);
        b.Property(x => x.Text).HasMaxLength(1000);
        b.Property(x => x.Detail).HasMaxLength(1000);
    }
}
