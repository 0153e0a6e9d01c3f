using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Data.Rows;

namespace Trellis.Data.Configurations;

internal sealed class ImportedMappingConfiguration : IEntityTypeConfiguration<ImportedMappingRow>
{
    public void Configure(EntityTypeBuilder<ImportedMappingRow> b)
    {
        b.ToTable("imported_mappings");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(210);
        b.Property(x => x.Source).IsRequired().HasMaxLength(100);
        b.Property(x => x.Target).IsRequired().HasMaxLength(100);
        b.Property(x => x.Description).IsRequired();
        b.Property(x => x.Sources).IsRequired();
        b.Property(x => x.Links).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.Source, x.Target }).IsUnique();
    }
}
