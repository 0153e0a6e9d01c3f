using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Core.Risks;
using Trellis.Data.Rows;

namespace Trellis.Data.Configurations;

internal sealed class RiskConfiguration : IEntityTypeConfiguration<RiskRow>
{
    public void Configure(EntityTypeBuilder<RiskRow> b)
    {
        b.ToTable("risks");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(200);
        b.Property(x => x.Title).IsRequired();
        b.Property(x => x.Asset).IsRequired();
        b.Property(x => x.Threat).IsRequired();
        b.Property(x => x.Vulnerability).IsRequired();
        b.Property(x => x.Owner).IsRequired();
        b.Property(x => x.Treatment).HasConversion(v => v.ToWire(), s => StoredNames.Parse<RiskTreatment>(s)).HasMaxLength(20);
        b.Property(x => x.RequirementIdsJson).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Ordinal);
    }
}
