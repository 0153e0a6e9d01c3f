using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Trellis.Core.Program;
using Trellis.Data.Rows;

namespace Trellis.Data.Configurations;

internal sealed class JudgementConfiguration : IEntityTypeConfiguration<JudgementRow>
{
    public void Configure(EntityTypeBuilder<JudgementRow> b)
    {
        b.ToTable("judgements");
        b.HasKey(x => new { x.Framework, x.Requirement });
        b.Property(x => x.Framework).HasMaxLength(100);
        b.Property(x => x.Requirement).HasMaxLength(100);
        b.Property(x => x.Kind).HasConversion(v => v.ToWire(), s => StoredNames.Parse<JudgementKind>(s)).HasMaxLength(20);
        b.Property(x => x.ControlsJson).IsRequired();
        b.Property(x => x.EvidenceJson).IsRequired();
        b.Property(x => x.JudgedBy).IsRequired();
        b.Property(x => x.Rationale).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Ordinal);
    }
}
