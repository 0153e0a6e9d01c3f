using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Core.Program;
using Trellis.Data.Rows;

namespace Trellis.Data.Configurations;

internal sealed class ControlConfiguration : IEntityTypeConfiguration<ControlRow>
{
    public void Configure(EntityTypeBuilder<ControlRow> b)
    {
        b.ToTable("controls");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(200);
        b.Property(x => x.Title).IsRequired();
        b.Property(x => x.Description).IsRequired();
        b.Property(x => x.Owner).IsRequired();
        b.Property(x => x.Cadence).HasConversion(v => v.ToWire(), s => StoredNames.Parse<Cadence>(s)).HasMaxLength(20);
        b.Property(x => x.Status).HasConversion(v => v.ToWire(), s => StoredNames.Parse<ImplementationStatus>(s)).HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Ordinal);
    }
}
