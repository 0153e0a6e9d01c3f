using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Data.Rows;

namespace Trellis.Data.Configurations;

internal sealed class ImportedFrameworkConfiguration : IEntityTypeConfiguration<ImportedFrameworkRow>
{
    public void Configure(EntityTypeBuilder<ImportedFrameworkRow> b)
    {
        b.ToTable("imported_frameworks");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(100);
        b.Property(x => x.Name).IsRequired();
        b.Property(x => x.SourceFormat).IsRequired().HasMaxLength(50);
        b.Property(x => x.Document).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
