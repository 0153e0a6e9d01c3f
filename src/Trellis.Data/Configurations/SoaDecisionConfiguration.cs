using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Core.Program;
using Trellis.Data.Rows;

namespace Trellis.Data.Configurations;

internal sealed class SoaDecisionConfiguration : IEntityTypeConfiguration<SoaDecisionRow>
{
    public void Configure(EntityTypeBuilder<SoaDecisionRow> b)
    {
        b.ToTable("soa_decisions");
        b.HasKey(x => x.Control);
        b.Property(x => x.Control).HasMaxLength(100);
        b.Property(x => x.Justification).IsRequired();
        b.Property(x => x.ReasonsJson).IsRequired();
        b.Property(x => x.DeclaredStatus)
            .HasConversion(v => v!.Value.ToWire(), s => StoredNames.Parse<ImplementationStatus>(s))
            .HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Ordinal);
    }
}
